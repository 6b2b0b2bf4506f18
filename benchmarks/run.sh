#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and runs every benchmark of the module, writing JMH JSON (and
# the console log, and what machine it ran on) to benchmarks/results/<UTC time>/.
#
#   benchmarks/run.sh            the full run (roughly 2 hours on 2 cores; for publishable numbers, on a quiet machine)
#   benchmarks/run.sh --quick    short development run (about 50 minutes): fewer iterations, 200,000 claims
#   benchmarks/run.sh [--quick] BacklogBenchmark ...   only the benchmarks whose names match (JMH regexps)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
  shift
fi
only=("$@")

mvn -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
out="benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)$($quick && echo -quick || true)"
mkdir -p "$out"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "command: benchmarks/run.sh $($quick && echo --quick || true) ${only[*]:-}"
} > "$out/machine.txt"
cat "$out/machine.txt"

# name, then the JMH options of the quick run (the full run uses each class's annotations)
groups=(
  "BacklogBenchmark|-f 1 -wi 2 -i 2 -w 10s -r 10s"
  "SwapBenchmark|-f 1 -wi 2 -i 2 -w 5s -r 5s"
  "DecisionTableBenchmark|-f 1 -wi 3 -i 3 -w 3s -r 3s -jvmArgsAppend -Dbench.claims=200000"
  "ColdLoadBenchmark|-f 2"
  "DefaultRulebookBenchmark|-f 1 -wi 3 -i 3 -w 5s -r 5s -jvmArgsAppend -Dbench.claims=50000"
  "ColdStartBenchmark|-f 3"
)
for g in "${groups[@]}"; do
  name="${g%%|*}"
  opts=()
  if $quick; then
    read -r -a opts <<< "${g#*|}"
  fi
  if [[ ${#only[@]} -gt 0 ]]; then
    match=false
    for o in "${only[@]}"; do [[ "$name" == *"$o"* ]] && match=true; done
    $match || continue
  fi
  echo "== $name ${opts[*]:-}"
  java -jar "$jar" "$name" "${opts[@]}" -rf json -rff "$out/$name.json" 2>&1 | tee "$out/$name.log"
done
echo "results in $out"

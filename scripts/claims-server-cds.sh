#!/usr/bin/env bash
# Makes claims-server/target/claims-server.jsa: a class-data archive of the ~6,000 classes that
# `java -jar claims-server.jar` loads up to its first verdict (Drools, MVEL, POI, Jackson, Jetty,
# Javalin), parsed and verified once so that later starts map them from disk. Run it after
# `mvn -B -DskipTests -pl claims-server -am package`, with the java that will run the server, then:
#
#   java -XX:SharedArchiveFile=claims-server/target/claims-server.jsa -jar claims-server/target/claims-server.jar
#
# The JVM checks the archive against itself and against claims-server.jar and lib/ and ignores one
# that does not match (after a rebuild, run this again). A static archive from a class list, as the
# claims launcher makes: JDK 17's dynamic -XX:ArchiveClassesAtExit crashes on these classes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/claims-server/target/claims-server.jar"
if [ ! -f "$jar" ]; then
  echo "no $jar: build it first (mvn -B -DskipTests -pl claims-server -am package)" >&2
  exit 2
fi
work="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
# the training run: serve on a free port, answer one claim, stop on SIGTERM (the list is written at exit)
java -XX:DumpLoadedClassList="$work/classlist" -jar "$jar" --port 0 2> "$work/err" > /dev/null &
pid=$!
port=""
for _ in $(seq 1 1800); do   # at most 3 minutes: a busy machine compiles the rulebook slowly
  port="$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/err" | head -1)"
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the training server did not start in 3 minutes" >&2; exit 1; }
claim="$(head -1 "$here/examples/claims/warranty.jsonl")"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'POST /v1/verdicts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
  "$(printf %s "$claim" | wc -c)" "$claim" >&3
status="$(head -1 <&3)"
exec 3>&-
kill -TERM "$pid"
wait "$pid" || true   # 143: stopped by SIGTERM
pid=""
case "$status" in
  "HTTP/1.1 200"*) ;;
  *) echo "the training claim was answered \"$status\", not 200" >&2; exit 1 ;;
esac
# lambda proxies are left out: JDK 17 cannot archive them from a list
grep -v '^@lambda-proxy' "$work/classlist" > "$work/classes.lst"
java -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile="$work/claims-server.jsa" \
  -cp "$jar" > "$work/dump.log" 2>&1 || { tail -20 "$work/dump.log" >&2; exit 1; }
mv "$work/claims-server.jsa" "$here/claims-server/target/claims-server.jsa"
echo "claims-server/target/claims-server.jsa ($(wc -l < "$work/classes.lst") classes listed); run the server with" \
     "java -XX:SharedArchiveFile=claims-server/target/claims-server.jsa -jar claims-server/target/claims-server.jar"

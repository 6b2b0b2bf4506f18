#!/usr/bin/env python3
"""Prints the markdown tables of RESULTS.md from one benchmarks/results/<time>/ folder (JMH JSON)."""
import json
import os
import sys


def load(folder, name):
    path = os.path.join(folder, name + ".json")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return []
    with open(path) as f:
        return json.load(f)


def fmt(x):
    if x is None:
        return "—"
    if x >= 1e6:
        return f"{x / 1e6:.2f} M"
    if x >= 1e3:
        return f"{x / 1e3:.1f} k"
    return f"{x:.0f}"


def short(bench):
    return bench["benchmark"].rsplit(".", 1)[1]


def backlog(folder):
    runs = load(folder, "BacklogBenchmark")
    if not runs:
        return
    score = {(short(r), r["params"]["threads"]): r["primaryMetric"]["score"] for r in runs}
    print("| lines/s | 1 thread | 2 threads |\n|---|---|---|")
    for b, label in [("jacksonFloor", "I/O floor (Jackson readTree + write)"),
                     ("codecOnly", "ClaimCodec read + write, no rules"),
                     ("backlogRun", "BacklogRun, default rulebook")]:
        print(f"| {label} | {fmt(score.get((b, '1')))} | {fmt(score.get((b, '2')))} |")
    for t in ("1", "2"):
        floor, codec, run = score.get(("jacksonFloor", t)), score.get(("codecOnly", t)), score.get(("backlogRun", t))
        if floor and run:
            print(f"\n{t} thread(s): BacklogRun / I/O floor = {run / floor:.2f}; codec / floor = {codec / floor:.2f}", end="")
    print("\n")


def swap(folder):
    runs = load(folder, "SwapBenchmark")
    if not runs:
        return
    print("| swap every | claims/s (2 adjudicating threads) | swaps/s | vs no swaps |\n|---|---|---|---|")
    base = None
    for r in runs:
        ms = r["params"]["swapEveryMs"]
        sec = r.get("secondaryMetrics", {})
        claims = sec.get("claims", {}).get("score")
        if claims is None and "adjudicate" in sec:
            claims = sec["adjudicate"]["score"] * 1000  # batches of 1,000 before the claims counter existed
        swaps = sec.get("swapper", {}).get("score") if ms != "0" else 0
        if ms == "0":
            base = claims
        ratio = f"{claims / base:.2f}" if base and claims else "—"
        print(f"| {'never' if ms == '0' else ms + ' ms'} | {fmt(claims)} | {swaps:.0f} | {ratio} |")
    print()


def tables(folder):
    runs = load(folder, "DecisionTableBenchmark")
    cold = load(folder, "ColdLoadBenchmark")
    if not runs and not cold:
        return
    score = {(r["params"]["engine"], r["params"]["rows"], short(r)): r["primaryMetric"]["score"] for r in runs}
    load_ms = {(r["params"]["engine"], r["params"]["rows"]): r["primaryMetric"]["score"] for r in cold}
    rows = ["400", "4000", "10000"]
    print("| claims/s, 1 thread / 2 threads | " + " | ".join(f"{int(n):,} rows" for n in rows)
          + " | cold load to first answer, " + " / ".join(f"{int(n):,}" for n in rows) + " rows |")
    print("|---|" + "---|" * (len(rows) + 1))
    for e, cold_name in [("autoclaims", "autoclaims"), ("drools-batch", "drools-xls"),
                         ("drools-per-claim", "drools-xls"), ("openl", "openl"), ("java-map", "java-map")]:
        cells = [f"{fmt(score.get((e, n, 'oneThread')))} / {fmt(score.get((e, n, 'twoThreads')))}" for n in rows]
        loads = " / ".join("—" if load_ms.get((cold_name, n)) is None else f"{load_ms[(cold_name, n)] / 1000:.2f} s"
                           for n in rows)
        print(f"| {e} | " + " | ".join(cells) + f" | {loads} |")
    print("\nRatios (same run, 1 thread): autoclaims / best peer, and 10,000-row / 400-row throughput")
    for n in rows:
        ours = score.get(("autoclaims", n, "oneThread"))
        peers = {e: score.get((e, n, "oneThread")) for e in ("drools-batch", "drools-per-claim", "openl")}
        peers = {e: s for e, s in peers.items() if s}
        if ours and peers:
            best = max(peers, key=peers.get)
            print(f"- {int(n):,} rows: autoclaims / {best} = {ours / peers[best]:.3f}; "
                  f"autoclaims / drools-batch = {ours / peers.get('drools-batch', float('nan')):.3f}; "
                  f"autoclaims / java-map = {ours / score.get(('java-map', n, 'oneThread'), float('nan')):.4f}")
    for e in ("autoclaims", "drools-batch", "drools-per-claim", "openl", "java-map"):
        a, b = score.get((e, "400", "oneThread")), score.get((e, "10000", "oneThread"))
        if a and b:
            print(f"- {e}: 10,000 rows / 400 rows = {b / a:.2f}")
    print()


def ceiling(folder):
    runs = load(folder, "DefaultRulebookBenchmark")
    start = load(folder, "ColdStartBenchmark")
    if runs:
        score = {(r["params"]["engine"], short(r)): r["primaryMetric"]["score"] for r in runs}
        print("| default rulebook, warranty claims/s | 1 thread | 2 threads |\n|---|---|---|")
        for e in ("autoclaims", "hand-written"):
            print(f"| {e} | {fmt(score.get((e, 'oneThread')))} | {fmt(score.get((e, 'twoThreads')))} |")
        for b, label in (("oneThread", "1 thread"), ("twoThreads", "2 threads")):
            ours, ceil = score.get(("autoclaims", b)), score.get(("hand-written", b))
            if ours and ceil:
                print(f"\n{label}: autoclaims / hand-written = {ours / ceil:.3f}", end="")
        print("\n")
    for r in start:
        m = r["primaryMetric"]
        raw = sorted(x for fork in m.get("rawData", []) for x in fork)
        print(f"Cold start, default rulebook to first verdict: mean {m['score'] / 1000:.2f} s over {len(raw)} forks; "
              f"each: {', '.join(f'{x / 1000:.2f}' for x in raw)} s\n")


if __name__ == "__main__":
    folder = sys.argv[1]
    with open(os.path.join(folder, "machine.txt")) as f:
        print(f.read())
    backlog(folder)
    swap(folder)
    tables(folder)
    ceiling(folder)

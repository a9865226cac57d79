#!/usr/bin/env python3
"""Markdown tables of a `gfa simulate` run (docs/simulation.md): python3 bench/simulation_table.py DIR

Per system and strategy: how many repeats found the best (within 10 %), rounds to it (mean +- sd
over those that found it), the censored mean (not found = R + 1), the mean best-so-far at the end
and the glasses cast; then over all systems: the mean share of each system's best after each round,
and the paired comparison with top and random (every strategy of a repeat shares its opening).
"""
import csv
import json
import math
import statistics
import sys
from collections import defaultdict



def sign_test(wins, losses):
    """Two-sided exact binomial p of wins against losses (ties dropped), p = 1/2."""
    n = wins + losses
    if n == 0:
        return 1.0
    k = min(wins, losses)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


d = sys.argv[1]
summary = json.load(open(f"{d}/summary.json"))
s = summary["settings"]
R, strategies = s["rounds"], s["strategies"]

print(f"| system (pool, best mm, alloys within 10 %) | strategy | found | rounds to best, mean ± sd | censored mean | best at end, mm | glasses cast |")
print("|---|---|---|---|---|---|---|")
for sy in summary["systems"]:
    label = f"{sy['system']} ({sy['pool']}, {sy['best_D_max']:g}, {sy['near_best_alloys']})"
    for name in strategies:
        m = sy["strategies"][name]
        mean, sd = m["rounds_to_best_mean"], m["rounds_to_best_sd"]
        r = "–" if mean is None else f"{mean:.2f} ± {sd:.2f}" if sd is not None else f"{mean:.2f}"
        print(f"| {label} | {name} | {m['found']}/{m['repeats']} | {r} | {m['rounds_to_best_censored_mean']:.2f} | "
              f"{m['mean_best_so_far'][-1]:.2f} | {m['mean_glasses']:.1f} / {m['castings']} |")
        label = ""

rows = list(csv.DictReader(open(f"{d}/simulate.csv")))
first = {}  # (system, strategy, repeat) -> first round found (R + 1 if never)
share = defaultdict(lambda: [0.0] * (R + 1))
count = defaultdict(int)
for r in rows:
    k = (r["system"], r["strategy"], int(r["repeat"]))
    first.setdefault(k, R + 1)
    if r["found_best"] == "1":
        first[k] = min(first[k], int(r["round"]))
    share[r["strategy"]][int(r["round"])] += float(r["best_so_far_share"])
    count[(r["strategy"], int(r["round"]))] += 1
systems = [sy["system"] for sy in summary["systems"]]
repeats = s["repeats"]

print()
print("| strategy | found (of " + str(len(systems) * repeats) + ") | censored rounds to best, mean over all | "
      + " | ".join(f"share of best after round {i}" for i in range(R + 1)) + " | glasses per campaign |")
print("|---|---|---|" + "---|" * (R + 1) + "---|")
for name in strategies:
    f = [first[(sy, name, k)] for sy in systems for k in range(1, repeats + 1)]
    found = sum(1 for v in f if v <= R)
    glasses = statistics.mean(sy_["strategies"][name]["mean_glasses"] for sy_ in summary["systems"])
    shares = " | ".join(f"{share[name][i] / count[(name, i)]:.3f}" for i in range(R + 1))
    print(f"| {name} | {found} | {statistics.mean(f):.2f} | {shares} | {glasses:.2f} |")

print()
print("Paired, per (system, repeat): earlier / same round / later than the reference (censored at R + 1)")
print()
print("| strategy | vs top: earlier | same | later | sign test p | vs random: earlier | same | later | sign test p |")
print("|---|---|---|---|---|---|---|---|---|")
for name in strategies:
    cells = []
    for ref in ("top", "random"):
        if ref not in strategies:
            cells += ["", "", "", ""]
            continue
        e = t = l = 0
        for sy in systems:
            for k in range(1, repeats + 1):
                a, b = first[(sy, name, k)], first[(sy, ref, k)]
                e += a < b
                t += a == b
                l += a > b
        cells += [str(e), str(t), str(l), "" if name == ref else f"{sign_test(e, l):.2g}"]
    print(f"| {name} | " + " | ".join(cells) + " |")

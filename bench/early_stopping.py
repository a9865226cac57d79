#!/usr/bin/env python3
"""Replays gfa's early-stopping rule on searches that ran every fold of every trial.

    python3 bench/early_stopping.py REPORT.json [REPORT.json ...]

Each report.json of `gfa train` lists every trial of every learner's search with its fold RMSEs
(models.<learner>.search). For each search and each rule (after m folds, stop a trial whose mean
RMSE on those folds is more than margin above the best complete trial's on the same folds), the
trials are walked in order as the search made them: a stopped trial never becomes the best. It
prints, per rule, how many searches would have lost their eventual best trial (the trial with the
lowest mean RMSE), how much worse the best kept trial is then, and the share of fold fits saved.
The searches themselves would have gone on differently (TPE is told an estimate for a stopped
trial), which a replay cannot show; the rate of lost best trials is what decides the rule.
"""
import json
import sys

RULES = [(1, 0.05), (2, 0.02), (2, 0.05), (2, 0.10), (3, 0.05)]


def searches(paths):
    for path in paths:
        with open(path) as f:
            report = json.load(f)
        for learner, model in report["models"].items():
            trials = [t for t in model.get("search", []) if not t["repeat"] and t["score"] is not None]
            if trials and all(t["folds_scored"] == len(t["fold_rmse"]) for t in trials):
                yield f"{path}:{learner}", trials


def replay(trials, min_folds, margin):
    best = None  # fold RMSEs of the best complete trial so far
    best_loss = float("inf")
    kept_best = float("inf")
    saved = 0
    total = 0
    true_best = min(trials, key=lambda t: -t["score"])
    lost = False
    for t in trials:
        rmse = t["fold_rmse"]
        k = len(rmse)
        total += k
        stopped_after = None
        if best is not None:
            for done in range(min_folds, k):
                if sum(rmse[:done]) / sum(best[:done]) > 1 + margin:
                    stopped_after = done
                    break
        if stopped_after is not None:
            saved += k - stopped_after
            if t is true_best:
                lost = True
            continue
        loss = -t["score"]
        kept_best = min(kept_best, loss)
        if loss < best_loss:
            best_loss, best = loss, rmse
    return lost, kept_best + true_best["score"], saved, total


def closest_call(trials, min_folds):
    """How close the rule came to stopping the trials that improved on the best so far: the
    largest partial ratio minus 1 any of them had against the best before it (negative: it led
    on every partial check)."""
    best = None
    best_loss = float("inf")
    worst = float("-inf")
    for t in trials:
        loss = -t["score"]
        if loss < best_loss:
            if best is not None:
                k = len(t["fold_rmse"])
                for done in range(min_folds, k):
                    worst = max(worst, sum(t["fold_rmse"][:done]) / sum(best[:done]) - 1)
            best_loss, best = loss, t["fold_rmse"]
    return worst


def main(paths):
    found = list(searches(paths))
    print(f"{len(found)} searches, {sum(len(t) for _, t in found)} distinct trials")
    for name, trials in found:
        print(f"  {name}: {len(trials)} trials; an improving trial was at most "
              f"{closest_call(trials, 2):+.1%} (after >= 2 folds) from the best before it")
    for min_folds, margin in RULES:
        lost = 0
        worse = []
        saved = total = 0
        for name, trials in found:
            l, w, s, n = replay(trials, min_folds, margin)
            lost += l
            if l:
                worse.append(f"{name} +{w:.4f}")
            saved += s
            total += n
        print(f"after {min_folds} folds, margin {margin:.2f}: best lost in {lost}/{len(found)} searches "
              f"{worse}; fold fits saved {saved}/{total} = {saved / max(total, 1):.1%}")


if __name__ == "__main__":
    main(sys.argv[1:])

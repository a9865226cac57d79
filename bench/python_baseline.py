#!/usr/bin/env python3
"""The Python stack the paper used (scikit-learn, XGBoost, Optuna's TPE), run with the same
protocol as `gfa train` so the two can be timed side by side (docs/benchmarks.md).

Same protocol: the 29 published descriptors, z-scored inside each training fold (a Pipeline),
shuffled 5-fold CV, objective = mean fold RMSE, TPE with N trials per learner, the paper's search
spaces (METHOD.md section 4), then the fusion weights tuned on the out-of-fold predictions.
Different folds (scikit-learn's KFold shuffle, not gfa's) and a different TPE implementation, so
the scores are comparable in level, not equal. XGBoost bins as gfa's does (max_bin 128).
LightGBM is not packaged by Debian and is skipped.

Usage: python3 bench/python_baseline.py DATA.csv [TRIALS] [SEED] [folds]
TRIALS is one number for every learner, or "quick" for gfa's default budget (svr 8, rf 15,
xgboost 40), each search starting from gfa's learner defaults as gfa's does. SVR's folds are
fitted two at a time (cross_val_predict(n_jobs=2)); "folds" fits every learner's folds that way,
one thread per fit, instead of two threads inside each forest and XGBoost fit.
Needs Debian's python3-sklearn, python3-xgboost, python3-optuna, python3-pandas.
"""
import sys
import time

import numpy as np
import optuna
import pandas as pd
from joblib import Parallel, delayed
from sklearn.base import clone
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_squared_error, r2_score
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR
from xgboost import XGBRegressor

optuna.logging.set_verbosity(optuna.logging.WARNING)


def q(trial, name, lo, hi, step, integer=False):
    if integer:
        return trial.suggest_int(name, int(lo), int(hi), step=int(step))
    return trial.suggest_float(name, lo, hi, step=step)


def svr(trial):
    return SVR(kernel="rbf", C=q(trial, "C", 1, 50, 1), gamma=q(trial, "gamma", 0.1, 0.45, 0.005),
               epsilon=q(trial, "epsilon", 0, 0.2, 0.002))


def rf(trial, threads):
    return RandomForestRegressor(
        n_estimators=q(trial, "n_estimators", 50, 550, 5, True), max_features=q(trial, "max_features", 3, 29, 1, True),
        max_depth=q(trial, "max_depth", 8, 55, 1, True), min_samples_split=q(trial, "min_samples_split", 2, 10, 1, True),
        min_impurity_decrease=q(trial, "min_impurity_decrease", 0, 5, 0.1), n_jobs=threads, random_state=0)


def xgb(trial, threads):
    return XGBRegressor(
        n_estimators=q(trial, "n_estimators", 150, 450, 3, True), learning_rate=q(trial, "learning_rate", 0.05, 0.3, 0.002),
        colsample_bytree=q(trial, "colsample_bytree", 0.3, 1, 0.1), colsample_bynode=q(trial, "colsample_bynode", 0.1, 1, 0.1),
        gamma=q(trial, "gamma", 0, 15, 0.2), reg_lambda=q(trial, "reg_lambda", 0, 25, 0.5),
        min_child_weight=q(trial, "min_child_weight", 0, 50, 0.5), max_depth=q(trial, "max_depth", 5, 45, 1, True),
        subsample=q(trial, "subsample", 0.5, 1, 0.1), tree_method="hist", max_bin=128, n_jobs=threads, random_state=0)


def fit_fold(model, x, y, train, test):
    m = make_pipeline(StandardScaler(), clone(model))
    m.fit(x[train], y[train])
    return m.predict(x[test])


def out_of_fold(model, x, y, folds, fold_jobs=1):
    """fold_jobs > 1 fits the folds side by side, as cross_val_predict(n_jobs=...) does: the
    strongest setup for a learner whose fit is single-threaded (SVR)."""
    fold_preds = Parallel(n_jobs=fold_jobs)(delayed(fit_fold)(model, x, y, tr, te) for tr, te in folds)
    pred = np.zeros_like(y)
    rmse = []
    for (_, test), p in zip(folds, fold_preds):
        pred[test] = p
        rmse.append(mean_squared_error(y[test], p) ** 0.5)
    return pred, float(np.mean(rmse))


def main():
    data = pd.read_csv(sys.argv[1])
    arg = sys.argv[2] if len(sys.argv) > 2 else "quick"
    quick = {"svr": 8, "rf": 15, "xgboost": 40}
    trials_of = (lambda name: quick[name]) if arg == "quick" else (lambda name: int(arg))
    first = {  # gfa's learner defaults, the first trial of each of its searches
        "svr": {"C": 10, "gamma": 0.2, "epsilon": 0.1},
        "rf": {"n_estimators": 100, "max_features": 29, "max_depth": 55, "min_samples_split": 2,
               "min_impurity_decrease": 0.0},
        "xgboost": {"n_estimators": 150, "learning_rate": 0.3, "colsample_bytree": 1.0, "colsample_bynode": 1.0,
                    "gamma": 0.0, "reg_lambda": 1.0, "min_child_weight": 1.0, "max_depth": 6, "subsample": 1.0},
    }
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    threads = 2
    columns = list(data.columns[4:])
    assert len(columns) == 29, columns
    x = data[columns].to_numpy(float)
    y = data["D_max"].to_numpy(float)
    folds = list(KFold(5, shuffle=True, random_state=seed).split(x))
    learners = {"svr": lambda t: svr(t), "rf": lambda t: rf(t, fit_threads), "xgboost": lambda t: xgb(t, fit_threads)}
    # SVR's fit is single-threaded: its folds run side by side. The forest and XGBoost use both
    # threads inside each fit (n_jobs), as the paper's scripts did, or with "folds" as the fourth
    # argument run their folds side by side too, one thread per fit, as gfa does
    side_by_side = len(sys.argv) > 4 and sys.argv[4] == "folds"
    fit_threads = 1 if side_by_side else threads
    fold_jobs = {"svr": threads, "rf": threads if side_by_side else 1, "xgboost": threads if side_by_side else 1}
    oof = {}
    for name, build in learners.items():
        start = time.time()
        trials = trials_of(name)
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        if name in first:
            study.enqueue_trial(first[name])
        jobs = fold_jobs[name]
        kept = {}  # each trial's out-of-fold predictions: the best one's are kept, not fitted again

        def objective(t, build=build, jobs=jobs, kept=kept):
            pred, rmse = out_of_fold(build(t), x, y, folds, jobs)
            kept[t.number] = (pred, rmse)
            return rmse

        study.optimize(objective, n_trials=trials)
        oof[name], rmse = kept[study.best_trial.number]
        r2 = np.mean([r2_score(y[te], oof[name][te]) for _, te in folds])
        print(f"{name}: {trials} trials, CV RMSE {rmse:.3f}, CV R2 {r2:.3f}, {time.time() - start:.1f} s", flush=True)
    start = time.time()
    names = list(oof)
    preds = np.array([oof[n] for n in names])

    def fusion(t):
        w = np.array([t.suggest_float(n, 0, 1, step=0.01) for n in names])
        if w.sum() == 0:
            return float("inf")
        fused = w @ preds / w.sum()
        return -np.mean([r2_score(y[te], fused[te]) for _, te in folds])

    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(fusion, n_trials=300)
    print(f"fusion: 300 trials, CV R2 {-study.best_value:.3f}, {time.time() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()

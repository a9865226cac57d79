#!/usr/bin/env python3
"""scikit-learn's RandomForestRegressor on the same fold as bench/forest_benchmark.sh's Java part:
fold 0 of the fold file (one fold number per row, written by gfa's ForestBenchmark), z-scored on
the training rows, one thread (n_jobs=1); prints the fit's CPU and wall time and the 5-fold CV RMSE.

Usage: python3 bench/forest_sklearn.py DATA.csv FOLDS.txt [RUNS]
"""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.preprocessing import StandardScaler

SETTINGS = [
    dict(n_estimators=100, max_features=29, max_depth=55, min_samples_split=2, min_impurity_decrease=0.0),
    dict(n_estimators=500, max_features=10, max_depth=20, min_samples_split=5, min_impurity_decrease=0.0),
]


def main():
    frame = pd.read_csv(sys.argv[1])
    x = frame.iloc[:, 4:].to_numpy(dtype=float)
    y = frame["D_max"].to_numpy(dtype=float)
    fold_of = np.loadtxt(sys.argv[2], dtype=int)
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    for params in SETTINGS:
        print("params", params, flush=True)
        predictions = np.zeros_like(y)
        cpu, wall = [], []
        for fold in range(5):
            train, test = fold_of != fold, fold_of == fold
            scaler = StandardScaler().fit(x[train])
            for _ in range(runs if fold == 0 else 1):
                forest = RandomForestRegressor(n_jobs=1, random_state=42, **params)
                c, w = time.process_time(), time.perf_counter()
                forest.fit(scaler.transform(x[train]), y[train])
                if fold == 0:
                    cpu.append(time.process_time() - c)
                    wall.append(time.perf_counter() - w)
            predictions[test] = forest.predict(scaler.transform(x[test]))
        rmse = float(np.sqrt(np.mean((predictions - y) ** 2)))
        print(f"sklearn fold-0 fit (1 thread): CPU min {min(cpu):.3f} s, median {np.median(cpu):.3f} s; "
              f"wall min {min(wall):.3f} s, median {np.median(wall):.3f} s; {runs} runs; 5-fold CV RMSE {rmse:.4f} mm",
              flush=True)


if __name__ == "__main__":
    main()

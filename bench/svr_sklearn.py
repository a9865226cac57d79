#!/usr/bin/python3
"""scikit-learn's SVR (libsvm) on the fold SvrFoldBenchmark wrote: fit time on one thread, the
number of support vectors and libsvm's iterations, and how far gfa's validation predictions are
from scikit-learn's.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/svr_sklearn.py [C,gamma,eps ...]

Reads /tmp/svr-fold0-train.csv, /tmp/svr-fold0-valid.csv (rows then target) and, when present,
/tmp/svr-fold0-gfa-C-gamma-eps.csv (gfa's validation predictions at that point).
"""
import os
import sys
import time

import numpy as np
from sklearn.svm import SVR

POINTS = [(10.0, 0.2, 0.1), (50.0, 0.45, 0.0), (1.0, 0.1, 0.2)]


def load(name):
    a = np.loadtxt(name, delimiter=",", ndmin=2)
    return a[:, :-1], a[:, -1]


def main():
    points = [tuple(float(v) for v in p.split(",")) for p in sys.argv[1:]] or POINTS
    tx, ty = load("/tmp/svr-fold0-train.csv")
    vx, vy = load("/tmp/svr-fold0-valid.csv")
    for c, gamma, eps in points:
        model = SVR(kernel="rbf", C=c, gamma=gamma, epsilon=eps, tol=1e-3)
        t0 = time.perf_counter()
        c0 = time.process_time()
        model.fit(tx, ty)
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
        predicted = model.predict(vx)
        rmse = float(np.sqrt(np.mean((predicted - vy) ** 2)))
        line = (f"sklearn C={c} gamma={gamma} eps={eps}: fit cpu {cpu:.3f} s, wall {seconds:.3f} s, {int(np.ravel(model.n_iter_)[0])} iterations, "
                f"{len(model.support_)} SV, intercept {model.intercept_[0]:.6f}, valid RMSE {rmse:.5f}")
        gfa = f"/tmp/svr-fold0-gfa-{c}-{gamma}-{eps}.csv"
        if os.path.exists(gfa):
            mine = np.loadtxt(gfa, ndmin=1)
            line += f", max |gfa - sklearn| {np.max(np.abs(mine - predicted)):.2e}"
        print(line, flush=True)


if __name__ == "__main__":
    main()

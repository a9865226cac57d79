package gfa.models.learners.svm;

import gfa.models.eval.Folds;
import gfa.models.eval.Standardizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;
import smile.regression.SVM;

/**
 * A benchmark, not a test: one fold fit of the published data (fold 0 of {@link Folds#shuffled} k =
 * 5, seed 42, standardised on its training rows as PreparedFolds does) by gfa's solver and by
 * Smile's SMO, at the (C, gamma, epsilon) points given. Run from the worktree:
 *
 * <pre>
 * mvn -o -B -ntp -q -pl gfa-models -am test-compile
 * mvn -o -B -ntp -q -pl gfa-models dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp gfa-models/target/test-classes:gfa-models/target/classes:gfa-features/target/classes:gfa-core/target/classes:$(cat /tmp/cp.txt) \
 *   gfa.models.learners.svm.SvrFoldBenchmark ../shared/reference/gong2024/features_trainset_all.csv [smile|gfa] [C,gamma,eps ...]
 * </pre>
 *
 * It also writes the standardised fold as CSV ({@code /tmp/svr-fold0-train.csv}, {@code
 * -valid.csv}) for bench/svr_sklearn.py, and gfa's validation predictions per point.
 */
public final class SvrFoldBenchmark {
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  private static final double[][] POINTS = {{10, 0.2, 0.1}, {50, 0.45, 0.0}, {1, 0.1, 0.2}};

  public static void main(String[] args) throws IOException {
    double[][][] data = read(Path.of(args[0]));
    boolean smile = args.length > 1 && args[1].equals("smile");
    double[][] points = args.length > 2
        ? java.util.Arrays.stream(args, 2, args.length).map(a -> java.util.Arrays.stream(a.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new)
        : POINTS;
    double[][] x = data[0];
    double[] y = data[1][0];
    Folds folds = Folds.shuffled(x.length, 5, 42);
    int[] train = folds.training(0);
    int[] valid = folds.validation(0);
    Standardizer scaler = Standardizer.fit(x, train);
    double[][] tx = scaler.transform(x, train);
    double[][] vx = scaler.transform(x, valid);
    double[] ty = new double[train.length];
    double[] vy = new double[valid.length];
    for (int t = 0; t < train.length; t++) {
      ty[t] = y[train[t]];
    }
    for (int t = 0; t < valid.length; t++) {
      vy[t] = y[valid[t]];
    }
    write(Path.of("/tmp/svr-fold0-train.csv"), tx, ty);
    write(Path.of("/tmp/svr-fold0-valid.csv"), vx, vy);
    System.out.printf("fold 0: %d training rows, %d validation rows%n", tx.length, vx.length);
    for (int repeat = 0; repeat < 2; repeat++) { // the first round warms the JIT
      long t0 = CPU.getCurrentThreadCpuTime();
      SquaredDistances distances = SquaredDistances.of(tx);
      long t1 = CPU.getCurrentThreadCpuTime();
      KernelMatrix k = distances.kernel(0.2);
      long t2 = CPU.getCurrentThreadCpuTime();
      KernelMatrix direct = KernelMatrix.rbf(tx, 0.2);
      long t3 = CPU.getCurrentThreadCpuTime();
      System.out.printf("cpu: distances %.3f s, kernel from distances %.3f s, kernel direct %.3f s (%d MB each)%n",
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, distances.bytes() >> 20);
      k = null;
      direct = null;
      for (double[] point : points) {
        long s0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        KernelMatrix kernel = KernelMatrix.rbf(tx, point[1]);
        long s1 = System.nanoTime();
        long c1 = CPU.getCurrentThreadCpuTime();
        SvrSolution solution = new EpsilonSvrSolver(kernel, point[0], 1e-3).solve(ty, point[2]);
        long s2 = System.nanoTime();
        long c2 = CPU.getCurrentThreadCpuTime();
        int[] sv = solution.supportVectors();
        double[] w = new double[sv.length];
        double[][] v = new double[sv.length][];
        for (int i = 0; i < sv.length; i++) {
          w[i] = solution.coefficient(sv[i]);
          v[i] = tx[sv[i]];
        }
        double[] predicted = new RbfExpansion(tx[0].length, point[1], -solution.rho(), w, v).predict(vx);
        long h0 = CPU.getCurrentThreadCpuTime();
        SvrSolution shrunk = new ShrinkingSvrSolver(kernel, point[0], 1e-3).solve(ty, point[2]);
        long h1 = CPU.getCurrentThreadCpuTime();
        System.out.printf("gfa shrinking: cpu solve %.3f s, %d iterations, %d SV, rho %.6f, obj %.6f%n",
            (h1 - h0) / 1e9, shrunk.iterations(), shrunk.supportVectors().length, shrunk.rho(), shrunk.objective());
        System.out.printf("gfa C=%s gamma=%s eps=%s: cpu kernel %.3f s + solve %.3f s = %.3f s; wall kernel %.3f s, solve %.3f s, %d iterations, %d SV, rho %.6f, obj %.6f, valid RMSE %.5f%n",
            point[0], point[1], point[2], (c1 - c0) / 1e9, (c2 - c1) / 1e9, (c2 - c0) / 1e9, (s1 - s0) / 1e9, (s2 - s1) / 1e9, solution.iterations(), sv.length,
            solution.rho(), solution.objective(), rmse(predicted, vy));
        if (repeat == 1) {
          write(Path.of(String.format("/tmp/svr-fold0-gfa-%s-%s-%s.csv", point[0], point[1], point[2])), new double[0][], predicted);
        }
        if (smile && repeat == 1) {
          long m0 = System.nanoTime();
          long mc0 = CPU.getCurrentThreadCpuTime();
          KernelMachine<double[]> m = SVM.fit(tx, ty, new GaussianKernel(Math.sqrt(1 / (2 * point[1]))),
              new SVM.Options(Math.max(point[2], 1e-6), point[0], 1e-3));
          long m1 = System.nanoTime();
          long mc1 = CPU.getCurrentThreadCpuTime(); // Smile's kernel rows also run on the common pool
          double[] sp = new double[vx.length];
          for (int i = 0; i < vx.length; i++) {
            sp[i] = m.predict(vx[i]);
          }
          System.out.printf("smile C=%s gamma=%s eps=%s: fit wall %.3f s (main thread cpu %.3f s), %d SV, valid RMSE %.5f, max |gfa - smile| %.5f%n",
              point[0], point[1], point[2], (m1 - m0) / 1e9, (mc1 - mc0) / 1e9, m.vectors().length, rmse(sp, vy), maxDiff(sp, predicted));
        }
      }
    }
  }

  private static double rmse(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s / a.length);
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  /** Rows then target (or only the target when there are no rows), full precision. */
  private static void write(Path file, double[][] x, double[] y) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < y.length; i++) {
      if (x.length > 0) {
        for (double v : x[i]) {
          b.append(v).append(',');
        }
      }
      b.append(y[i]).append('\n');
    }
    Files.writeString(file, b);
  }

  /** The 29 descriptors (columns 4..32) and D_max (column 2) of the published file. */
  private static double[][][] read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
    double[][] x = new double[rows.size()][29];
    double[] y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i).split(",", -1);
      for (int j = 0; j < 29; j++) {
        x[i][j] = Double.parseDouble(cells[4 + j]);
      }
      y[i] = Double.parseDouble(cells[2]);
    }
    return new double[][][] {x, {y}};
  }
}

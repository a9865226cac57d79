package gfa.models.learners;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Shuffled k-fold cross-validation with z-scores fitted on each training part, as docs/method.md §4 evaluates. */
final class Folds {
  private Folds() {}

  /**
   * Out-of-fold predictions of {@code learner} with its defaults, over {@code k} shuffled folds. A
   * learner that does not use threads ({@link Learner#usesThreads()}) fits its folds side by side.
   */
  static double[] outOfFold(Learner learner, double[][] x, double[] y, int k, long seed, int threads)
      throws Exception {
    int n = x.length;
    int[] order = shuffled(n, seed);
    double[] predictions = new double[n];
    if (learner.usesThreads() || threads == 1) {
      for (int fold = 0; fold < k; fold++) {
        fitFold(learner, x, y, k, fold, order, seed, threads, predictions);
      }
      return predictions;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> folds = new ArrayList<>();
      for (int fold = 0; fold < k; fold++) {
        int f = fold;
        folds.add(pool.submit(() -> fitFold(learner, x, y, k, f, order, seed, 1, predictions)));
      }
      for (Future<?> fold : folds) {
        fold.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return predictions;
  }

  private static void fitFold(Learner learner, double[][] x, double[] y, int k, int fold, int[] order, long seed,
      int threads, double[] predictions) {
    int n = x.length;
    int lo = fold * n / k;
    int hi = (fold + 1) * n / k;
    int[] test = Arrays.copyOfRange(order, lo, hi);
    int[] train = new int[n - test.length];
    System.arraycopy(order, 0, train, 0, lo);
    System.arraycopy(order, hi, train, lo, n - hi);
    double[][] trainX = rows(x, train);
    double[][] testX = rows(x, test);
    standardise(trainX, testX);
    double[] trainY = new double[train.length];
    for (int i = 0; i < train.length; i++) {
      trainY[i] = y[train[i]];
    }
    try (FittedModel model = learner.fit(trainX, trainY, learner.defaults(), seed, threads)) {
      double[] p = model.predict(testX);
      for (int i = 0; i < test.length; i++) {
        predictions[test[i]] = p[i]; // folds are disjoint: no two threads write the same cell
      }
    }
  }

  private static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static double[][] rows(double[][] x, int[] index) {
    double[][] rows = new double[index.length][];
    for (int i = 0; i < index.length; i++) {
      rows[i] = x[index[i]].clone();
    }
    return rows;
  }

  /** z-scores with the training part's mean and (population) standard deviation; constant columns become 0. */
  static void standardise(double[][] train, double[][] test) {
    int width = train[0].length;
    for (int j = 0; j < width; j++) {
      double mean = 0;
      for (double[] row : train) {
        mean += row[j];
      }
      mean /= train.length;
      double var = 0;
      for (double[] row : train) {
        var += (row[j] - mean) * (row[j] - mean);
      }
      double sd = Math.sqrt(var / train.length);
      double scale = sd > 0 ? 1 / sd : 0;
      for (double[] row : train) {
        row[j] = (row[j] - mean) * scale;
      }
      for (double[] row : test) {
        row[j] = (row[j] - mean) * scale;
      }
    }
  }
}

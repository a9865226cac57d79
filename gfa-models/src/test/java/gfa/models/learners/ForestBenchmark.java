package gfa.models.learners;

import gfa.models.eval.Folds;
import gfa.models.eval.Standardizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Benchmark (not a test): gfa's forest against Smile's exact forest (gfa's forest before) on the
 * published alloys, one thread. Fits fold 0 of Folds.shuffled(n, 5, 42), standardised as
 * PreparedFolds does, and reports the time of each fit and the 5-fold CV RMSE of each forest.
 * Run by bench/forest_benchmark.sh; arguments: reference dir, "gfa", "smile" or "both", runs of
 * fold 0 per forest, and a file to write each row's fold to (optional).
 */
public final class ForestBenchmark {
  /** The process's CPU time: Smile grows its trees on a pool thread, not the caller's. */
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private ForestBenchmark() {}

  public static void main(String[] args) throws Exception {
    PublishedDataset data = PublishedDataset.read(Path.of(args[0], "gong2024", "features_trainset_all.csv"));
    String which = args.length > 1 ? args[1] : "both";
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Folds folds = Folds.shuffled(data.x().length, 5, 42);
    if (args.length > 3) { // the fold of each row, for bench/forest_sklearn.py to use the same folds
      StringBuilder out = new StringBuilder();
      int[] foldOf = new int[data.x().length];
      for (int f = 0; f < folds.count(); f++) {
        for (int row : folds.validation(f)) {
          foldOf[row] = f;
        }
      }
      for (int f : foldOf) {
        out.append(f).append('\n');
      }
      java.nio.file.Files.writeString(Path.of(args[3]), out);
    }
    Map<String, Object> defaults = new HashMap<>(new RandomForestLearner().defaults());
    Map<String, Object> wide = Map.of("n_estimators", 500.0, "max_features", 10.0, "max_depth", 20.0,
        "min_samples_split", 5.0, "min_impurity_decrease", 0.0);
    for (Map<String, Object> params : java.util.List.of(defaults, wide)) {
      System.out.println("params " + new java.util.TreeMap<>(params));
      if (!which.equals("smile")) {
        report("gfa", data, folds, params, repeats, false);
      }
      if (!which.equals("gfa")) {
        report("smile", data, folds, params, Math.min(repeats, 1), true);
      }
    }
  }

  private static void report(String name, PublishedDataset data, Folds folds, Map<String, Object> params,
      int repeats, boolean smile) {
    double[] seconds = new double[repeats];
    double[] cpu = new double[repeats];
    double[] predictions = new double[data.y().length];
    for (int fold = 0; fold < folds.count(); fold++) {
      int[] train = folds.training(fold);
      Standardizer scaler = Standardizer.fit(data.x(), train);
      double[][] x = scaler.transform(data.x(), train);
      double[] y = Arrays.stream(train).mapToDouble(i -> data.y()[i]).toArray();
      int[] validation = folds.validation(fold);
      double[][] vx = scaler.transform(data.x(), validation);
      DecisionForest forest = null;
      for (int r = 0; r < (fold == 0 ? repeats : 1); r++) {
        long start = System.nanoTime();
        long cpuStart = CPU.getProcessCpuTime();
        forest = smile
            ? DecisionForest.of(x[0].length, SmileForest.grow(x, y, params, 42, 1).roots())
            : ForestGrower.grow(RankedDescriptors.of(x, y), ForestOptions.of(params), 42, 1);
        if (fold == 0) {
          seconds[r] = (System.nanoTime() - start) / 1e9;
          cpu[r] = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
        }
      }
      for (int i = 0; i < validation.length; i++) {
        predictions[validation[i]] = forest.predict(vx[i]);
      }
    }
    double sse = 0;
    for (int i = 0; i < predictions.length; i++) {
      sse += (predictions[i] - data.y()[i]) * (predictions[i] - data.y()[i]);
    }
    Arrays.sort(seconds);
    Arrays.sort(cpu);
    System.out.printf("%-6s fold-0 fit (1 thread): process CPU min %.3f s, median %.3f s; wall min %.3f s, median %.3f s;"
        + " %d runs; 5-fold CV RMSE %.4f mm%n", name, cpu[0], cpu[repeats / 2], seconds[0], seconds[repeats / 2],
        repeats, Math.sqrt(sse / predictions.length));
  }
}

package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.models.search.Budget;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The whole learning pipeline on a small synthetic problem: reproducible, leak-free, coherent. */
class TrainingRunTest {

  /** 120 rows, 6 features, y = a smooth function plus noise, clipped at 0 like D_max. */
  static double[][] features(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][6];
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = r.nextDouble(-2, 2) * (j + 1);
      }
    }
    return x;
  }

  static double[] target(double[][] x, long seed) {
    SplittableRandom r = new SplittableRandom(seed + 1);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(0, 1 + Math.sin(x[i][0]) + 0.1 * x[i][1] * x[i][1] + 0.05 * r.nextGaussian());
    }
    return y;
  }

  static final List<String> COLUMNS = List.of("a", "b", "c", "d", "e", "f");

  static Provenance provenance() {
    return new Provenance("test", "synthetic.csv", "0".repeat(64), 0, "D_max", "computed", "gong2024", "paper", "test", null, null);
  }

  static TrainingResult train(double[][] x, double[] y, long seed) throws Exception {
    TrainingOptions options =
        new TrainingOptions(3, seed, 2, Budget.trials(2), Budget.trials(30), TrainingOptions.paperLearners());
    return TrainingRun.run(COLUMNS, x, y, options, TrainingListener.NONE);
  }

  @Test
  void sameDataAndSeedGiveIdenticalMetricsAndPredictions() throws Exception {
    double[][] x = features(120, 3);
    double[] y = target(x, 3);
    {
      TrainingResult a = train(x, y, 11);
      TrainingResult b = train(x, y, 11);
      try (Ensemble ea = a.ensemble(); Ensemble eb = b.ensemble()) {
        assertEquals(withoutTimings(ModelStore.report(a)), withoutTimings(ModelStore.report(b)));
        assertArrayEquals(a.fusedOutOfFold(), b.fusedOutOfFold(), 0.0);
        double[][] probe = features(20, 99);
        double[][] pa = ea.predict(probe);
        double[][] pb = eb.predict(probe);
        for (int m = 0; m < pa.length; m++) {
          assertArrayEquals(pa[m], pb[m], 0.0, "model " + m);
        }
      }
    }
  }

  @Test
  void theNumberOfThreadsChangesNoResult() throws Exception {
    // every fit runs on one thread and the folds and final models only run side by side
    double[][] x = features(120, 4);
    double[] y = target(x, 4);
    TrainingResult[] runs = new TrainingResult[2];
    int[] threads = {1, 3};
    for (int i = 0; i < runs.length; i++) {
      TrainingOptions options =
          new TrainingOptions(3, 7, threads[i], Budget.trials(3), Budget.trials(30), TrainingOptions.paperLearners());
      runs[i] = TrainingRun.run(COLUMNS, x, y, options, TrainingListener.NONE);
    }
    try (Ensemble one = runs[0].ensemble(); Ensemble three = runs[1].ensemble()) {
      assertEquals(withoutTimings(ModelStore.report(runs[0])), withoutTimings(ModelStore.report(runs[1])));
      double[][] probe = features(20, 98);
      double[][] p1 = one.predict(probe);
      double[][] p3 = three.predict(probe);
      for (int m = 0; m < p1.length; m++) {
        assertArrayEquals(p1[m], p3[m], 0.0, "model " + m);
      }
    }
  }

  @Test
  void reportIsCoherent() throws Exception {
    double[][] x = features(120, 5);
    double[] y = target(x, 5);
    TrainingResult r = train(x, y, 7);
    try (Ensemble e = r.ensemble()) {
      assertEquals(4, r.models().size());
      for (TunedModel m : r.models()) {
        assertEquals(2, m.trials());
        assertTrue(m.cv().r2() < 1 && m.cv().rmse() > 0, m.learner());
      }
      double total = r.weights().values().stream().mapToDouble(Double::doubleValue).sum();
      assertTrue(total > 0, "weights sum to something");
      // the fused out-of-fold predictions are the weighted mean of the models' ones
      double[][] oof = new double[4][];
      for (int m = 0; m < 4; m++) {
        oof[m] = r.models().get(m).outOfFold();
      }
      double[] w = FusionWeights.weightsInOrder(TrainingOptions.paperLearners(), r.weights());
      assertArrayEquals(FusionWeights.fuse(oof, w), r.fusedOutOfFold(), 1e-12);
      ObjectNode report = ModelStore.report(r);
      for (String key : List.of("rows", "folds", "seed", "models", "fusion", "fusion_equal", "classification")) {
        assertTrue(report.has(key), key);
      }
      for (String model : TrainingOptions.paperLearners()) {
        for (String key : List.of("cv_r2", "cv_rmse", "cv_mae", "trials", "best_params", "seconds")) {
          assertTrue(report.path("models").path(model).has(key), model + "." + key);
        }
      }
      for (String key : List.of("cv_r2", "cv_rmse", "cv_mae", "weights")) {
        assertTrue(report.path("fusion").has(key), "fusion." + key);
      }
      assertTrue(report.path("fusion_equal").has("cv_r2") && report.path("fusion_equal").has("cv_rmse"));
      assertEquals(120, report.path("rows").asInt());
      // equal weights (1,1,1,1) is on the search grid; TPE with 30 trials need not hit it, so allow
      // a small margin rather than assert an optimum it may miss
      assertTrue(r.fusion().r2() >= r.fusionEqual().r2() - 0.02, r.fusion() + " vs " + r.fusionEqual());
    }
  }

  private static ObjectNode withoutTimings(ObjectNode report) {
    ObjectNode copy = report.deepCopy();
    copy.path("models").forEach(m -> ((ObjectNode) m).remove("seconds"));
    ((ObjectNode) copy.path("fusion")).remove("seconds");
    return copy;
  }
}

package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.models.eval.Folds;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.ParamSpace;
import gfa.models.learners.QRange;
import gfa.models.search.Budget;
import gfa.models.search.EarlyStopping;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Stopping hopeless trials ({@link EarlyStopping} in {@link CrossValidation#run} and {@link
 * Tuner#tune}): a trial clearly worse than the best on its first folds is abandoned after them,
 * the decision is the same for any number of threads, and the search's best is always a trial
 * that ran every fold.
 */
class EarlyStoppingTest {

  /** Predicts the training mean shifted by the parameter {@code bias}: the larger |bias|, the worse. */
  private static final class Shifted implements Learner {
    final AtomicInteger fits = new AtomicInteger();

    @Override
    public String id() {
      return "shifted";
    }

    @Override
    public ParamSpace space() {
      return ParamSpace.of(QRange.ofReal("bias", 0, 4, 0.05));
    }

    @Override
    public Map<String, Object> defaults() {
      return Map.of("bias", 2.0);
    }

    @Override
    public FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
      fits.incrementAndGet();
      double level = java.util.Arrays.stream(y).average().orElseThrow() + ((Number) params.get("bias")).doubleValue();
      return new FittedModel() {
        @Override
        public double[] predict(double[][] rows) {
          double[] p = new double[rows.length];
          java.util.Arrays.fill(p, level);
          return p;
        }

        @Override
        public void save(Path file) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public FittedModel load(Path file) {
      throw new UnsupportedOperationException();
    }
  }

  private static PreparedFolds folds() {
    GeneralisationTest.Data d = GeneralisationTest.systems(7);
    return new PreparedFolds(d.x(), d.y(), Folds.shuffled(d.y().length, 5, 3));
  }

  @Test
  void theRuleComparesTheSameFoldsAfterEnoughOfThem() {
    EarlyStopping rule = new EarlyStopping(2, 0.05);
    double[] best = {1.0, 2.0, 1.0, 1.0, 1.0};
    assertFalse(rule.hopeless(new double[] {9, Double.NaN, Double.NaN, Double.NaN, Double.NaN}, best, 1), "one fold is not enough");
    assertTrue(rule.hopeless(new double[] {1.2, 2.0, Double.NaN, Double.NaN, Double.NaN}, best, 2), "(1.2 + 2) / 3 > 1.05");
    assertFalse(rule.hopeless(new double[] {1.1, 2.0, Double.NaN, Double.NaN, Double.NaN}, best, 2), "(1.1 + 2) / 3 < 1.05");
    assertFalse(rule.hopeless(new double[] {5, 5, 5, 5, 5}, null, 2), "no best yet");
    assertFalse(EarlyStopping.NEVER.hopeless(new double[] {9, 9, 9, 9, 9}, best, 4));
    assertFalse(EarlyStopping.NEVER.active());
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 0.05));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(2, -0.01));
  }

  @Test
  void aHopelessTrialStopsAfterTheFoldsTheRuleNeedsWhateverTheThreads() throws Exception {
    PreparedFolds folds = folds();
    for (int threads : new int[] {1, 2}) {
      Shifted learner = new Shifted();
      try (CrossValidation cv = new CrossValidation(learner, folds, threads)) {
        CrossValidation.FoldRun good = cv.run(Map.of("bias", 0.0), 1, EarlyStopping.DEFAULT, null);
        assertTrue(good.complete());
        assertNotNull(good.outOfFold());
        int before = learner.fits.get();
        CrossValidation.FoldRun bad = cv.run(Map.of("bias", 3.0), 1, EarlyStopping.DEFAULT, good.foldRmse());
        assertEquals(2, bad.foldsScored(), "threads " + threads);
        assertNull(bad.outOfFold());
        assertTrue(Double.isNaN(bad.foldRmse()[2]) && Double.isNaN(bad.foldRmse()[4]));
        if (threads == 1) {
          assertEquals(2, learner.fits.get() - before, "one thread fits exactly the folds it scores");
        }
        CrossValidation.FoldRun close = cv.run(Map.of("bias", 0.01), 1, EarlyStopping.DEFAULT, good.foldRmse());
        assertTrue(close.complete(), "a trial within the margin runs every fold");
        CrossValidation.FoldRun never = cv.run(Map.of("bias", 3.0), 1, EarlyStopping.NEVER, good.foldRmse());
        assertTrue(never.complete());
        assertArrayEquals(java.util.Arrays.copyOf(never.foldRmse(), 2), java.util.Arrays.copyOf(bad.foldRmse(), 2));
      }
    }
  }

  @Test
  void aSearchWithEarlyStoppingKeepsACompleteBestAndTheSameTrialsForAnyThreads() throws Exception {
    PreparedFolds folds = folds();
    Budget budget = Budget.trials(15).withEarlyStopping(EarlyStopping.DEFAULT);
    TunedModel one = Tuner.tune(new Shifted(), folds, budget, 5, 1, null);
    TunedModel two = Tuner.tune(new Shifted(), folds, budget, 5, 2, null);
    assertEquals(15, one.history().size());
    long stopped = one.history().stream().filter(SearchTrial::stoppedEarly).count();
    assertTrue(stopped > 0, "some trials far from bias 0 are stopped");
    SearchTrial best = one.history().stream().filter(t -> !t.stoppedEarly()).min(java.util.Comparator.comparingDouble(SearchTrial::loss)).orElseThrow();
    assertEquals(best.params(), one.bestParams());
    assertEquals(-one.cv().rmse(), -best.loss(), 1e-12);
    for (SearchTrial t : one.history()) {
      if (t.stoppedEarly()) {
        assertTrue(t.loss() > best.loss(), "a stopped trial is told a loss worse than the best");
      }
    }
    assertEquals(one.bestParams(), two.bestParams());
    assertArrayEquals(one.outOfFold(), two.outOfFold());
    for (int i = 0; i < 15; i++) {
      assertEquals(one.history().get(i).params(), two.history().get(i).params());
      assertEquals(one.history().get(i).loss(), two.history().get(i).loss());
      assertEquals(one.history().get(i).foldsScored(), two.history().get(i).foldsScored());
    }
    TunedModel plain = Tuner.tune(new Shifted(), folds, Budget.trials(15), 5, 2, null);
    assertTrue(plain.history().stream().noneMatch(SearchTrial::stoppedEarly));
  }
}

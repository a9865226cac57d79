package gfa.models.learners;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Time of one fit and one prediction of each learner, with its defaults and 2 threads, on the whole
 * published dataset (6398 x 29, z-scored), best of three. Runs only with
 * {@code -Dgfa.benchmark=true}; the numbers are quoted in {@code docs/learners.md}.
 */
class FitTimeBenchmark {
  private static final int THREADS = 2;

  @Test
  void fitAndPredictOnTheWholeDataset() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("gfa.benchmark"), "benchmark: run with -Dgfa.benchmark=true");
    Optional<Path> file = PublishedDataset.file();
    Assumptions.assumeTrue(file.isPresent(), "published dataset not found (gfa.reference.dir)");
    PublishedDataset data = PublishedDataset.read(file.get());
    double[][] x = new double[data.y().length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = data.x()[i].clone();
    }
    Folds.standardise(x, new double[0][]);
    for (Learner learner : Learners.all()) {
      double bestFit = Double.MAX_VALUE;
      double bestPredict = Double.MAX_VALUE;
      double r2 = 0;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        try (FittedModel model = learner.fit(x, data.y(), learner.defaults(), 42, THREADS)) {
          long fitted = System.nanoTime();
          double[] predictions = model.predict(x);
          long predicted = System.nanoTime();
          bestFit = Math.min(bestFit, (fitted - start) / 1e9);
          bestPredict = Math.min(bestPredict, (predicted - fitted) / 1e9);
          r2 = SyntheticRegression.r2(data.y(), predictions);
        }
      }
      System.out.printf("%-8s fit %6.2f s, predict %.3f s (6398 x 29, %d threads, best of 3); training R^2 %.3f%n",
          learner.id(), bestFit, bestPredict, THREADS, r2);
    }
  }
}

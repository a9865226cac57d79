package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.concurrent.RowBlocks;
import gfa.core.concurrent.Workers;
import gfa.models.eval.Standardizer;
import gfa.models.learners.FittedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnsembleSideBySideTest {
  /** A learner whose prediction is a function of the standardised rows. */
  private record Fake(Function<double[][], double[]> f) implements FittedModel {
    @Override
    public double[] predict(double[][] x) {
      return f.apply(x);
    }

    @Override
    public void save(Path file) {}

    @Override
    public void close() {}
  }

  private static Ensemble ensemble(List<FittedModel> models, double... weights) {
    List<String> names = models.size() == 2 ? List.of("a", "b") : List.of("a", "b", "c");
    return new Ensemble(List.of("x"), new Standardizer(new double[] {1}, new double[] {2}), names, models, weights);
  }

  private static double[][] rows(int n) {
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {i};
    }
    return x;
  }

  @Test
  void sameNumbersAsOneLearnerAfterTheOther() {
    FittedModel a = new Fake(x -> java.util.Arrays.stream(x).mapToDouble(r -> r[0] * 3).toArray());
    FittedModel b = new Fake(x -> java.util.Arrays.stream(x).mapToDouble(r -> Math.exp(-r[0] * r[0])).toArray());
    FittedModel c = new Fake(x -> {
      throw new AssertionError("a learner of weight 0 is not evaluated");
    });
    Ensemble e = ensemble(List.of(a, b, c), 0.3, 0.7, 0);
    double[][] x = rows(500);
    double[][] together = new Workers(2).call(() -> e.predictSideBySide(x));
    double[][] inTurn = ensemble(List.of(a, b, new Fake(r -> new double[r.length])), 0.3, 0.7, 0).predict(x);
    assertArrayEquals(inTurn[0], together[0]);
    assertArrayEquals(inTurn[1], together[1]);
    assertNull(together[2]);
    assertArrayEquals(inTurn[3], together[3]);
  }

  /**
   * The worker done with the quick learner must take blocks of the slow one's rows: the slow
   * learner's first block waits until another thread has run one of its blocks. With the learners
   * in a parallel stream, that worker waited for the stream instead, and this failed.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false, true, false, true, false})
  void aWorkerDoneWithItsLearnerHelpsTheOther(boolean quickFirst) {
    CountDownLatch slowStarted = new CountDownLatch(1);
    AtomicBoolean helped = new AtomicBoolean();
    FittedModel quick = new Fake(x -> {
      try {
        slowStarted.await(10, TimeUnit.SECONDS); // so that the two learners run on different workers
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      return new double[x.length];
    });
    FittedModel slow = new Fake(x -> {
      Thread owner = Thread.currentThread();
      CountDownLatch elsewhere = new CountDownLatch(1);
      slowStarted.countDown();
      RowBlocks.split(x.length, 16, (from, to) -> {
        if (Thread.currentThread() != owner) {
          elsewhere.countDown();
        } else if (from == 0) {
          try {
            helped.set(elsewhere.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
        }
      });
      return new double[x.length];
    });
    List<FittedModel> models = quickFirst ? List.of(quick, slow) : List.of(slow, quick);
    new Workers(2).call(() -> ensemble(models, 0.5, 0.5).predictSideBySide(rows(16 * 30)));
    assertTrue(helped.get(), "no other worker took the slow learner's blocks");
  }
}

package gfa.models.learners;

import gfa.core.concurrent.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grows the trees of one forest on {@code threads} workers, each with its own {@link
 * RegressionTreeGrower}. Tree t grows from seed t of {@link Seeds#derive} alone and keeps its place
 * in the forest, so the forest is the same for any number of threads.
 */
final class ForestGrower {
  private ForestGrower() {}

  static DecisionForest grow(RankedDescriptors data, ForestOptions rules, long seed, int threads) {
    long[] seeds = Seeds.derive(seed, rules.nEstimators());
    DecisionForest.Tree[] trees = new DecisionForest.Tree[seeds.length];
    int workers = Math.max(1, Math.min(threads, seeds.length));
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      RegressionTreeGrower grower = new RegressionTreeGrower(data, rules);
      for (int t = next.getAndIncrement(); t < seeds.length; t = next.getAndIncrement()) {
        trees[t] = grower.grow(seeds[t]);
      }
    };
    if (workers == 1) {
      work.run();
    } else {
      runOn(workers, work);
    }
    return new DecisionForest(data.width(), trees);
  }

  private static void runOn(int workers, Runnable work) {
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread thread = new Thread(r, "gfa-rf");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        running.add(pool.submit(work));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while growing the forest", e);
    } catch (ExecutionException e) {
      throw Failures.unchecked(e);
    } finally {
      pool.shutdownNow();
    }
  }
}

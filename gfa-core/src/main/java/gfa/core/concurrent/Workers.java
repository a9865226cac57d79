package gfa.core.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread budget as a plain value. Work run through {@link #call} sees a pool of exactly that many
 * workers, so the parallel streams it starts (featurising a grid, predicting rows) use that many
 * threads and no more: two gfa runs side by side on two cores, each given one thread, do not
 * oversubscribe the machine. Commands turn {@code --threads} into one of these; the domain never
 * reads an option.
 */
public record Workers(int threads) {
  /** More worker threads than this only add overhead (and 32768 exceeds what a pool takes). */
  public static final int MAX = 256;

  public Workers {
    if (threads < 1 || threads > MAX) {
      throw new IllegalArgumentException("threads must be between 1 and " + MAX + ", not " + threads);
    }
  }

  /** As many workers as the machine has processors (at most {@link #MAX}). */
  public static Workers all() {
    return new Workers(Math.min(MAX, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Runs {@code work} in a pool of {@link #threads()} workers and returns its result; whatever it
   * throws is rethrown unchanged (checked exceptions wrapped in IllegalStateException).
   */
  public <T> T call(Callable<T> work) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      pool.submit(() -> {
        try {
          result.set(work.call());
        } catch (Throwable t) {
          failure.set(t);
        }
      }).join();
    } finally {
      pool.shutdown();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    return result.get();
  }
}

package gfa.models.learners;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Training rows that many fits share: one CV fold over the hundreds of trials of a search. The rows
 * are checked once, and a learner may keep its library's own form of them here (XGBoost's DMatrix
 * with its histogram index, LightGBM's binned Dataset), built by the first fit that needs it and
 * reused by the fits that follow; {@link #close()} frees them.
 *
 * <p>A fit from a training set gives exactly the model of {@link Learner#fit(double[][], double[],
 * java.util.Map, long, int)} on its rows. The rows are not copied: the caller must not change them
 * while the set is open. Fits of one set may run one at a time or side by side (the cache is
 * synchronised), though a search fits each fold's set from one thread at a time.
 */
public final class TrainingSet implements AutoCloseable {
  private final double[][] x;
  private final double[] y;
  private final int width;
  private final Map<String, Entry<?>> cache = new LinkedHashMap<>(); // guarded by this
  private boolean closed; // guarded by this

  private record Entry<T>(T value, Consumer<T> free) {
    void release() {
      free.accept(value);
    }
  }

  /**
   * @throws IllegalArgumentException for empty, ragged or non-finite rows, as {@link Learner#fit}
   */
  public TrainingSet(double[][] x, double[] y) {
    this.width = DesignMatrix.requireTraining(x, y, 1);
    this.x = x;
    this.y = y;
  }

  public double[][] x() {
    return x;
  }

  public double[] y() {
    return y;
  }

  public int width() {
    return width;
  }

  public int rows() {
    return x.length;
  }

  /**
   * The value cached under {@code key}, built by {@code build} the first time; {@code free} releases
   * it when the set is closed. The key must name everything the value depends on besides the rows.
   */
  synchronized <T> T cached(String key, Supplier<T> build, Consumer<T> free) {
    if (closed) {
      throw new IllegalStateException("training set is closed");
    }
    Entry<?> entry = cache.get(key);
    if (entry == null) {
      entry = new Entry<>(build.get(), free);
      cache.put(key, entry);
    }
    @SuppressWarnings("unchecked")
    T value = (T) entry.value();
    return value;
  }

  /** How many library structures the set holds (for tests). */
  synchronized int cachedCount() {
    return cache.size();
  }

  /** Frees every cached library structure (newest first); idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Entry<?>> entries = new ArrayList<>(cache.values());
    cache.clear();
    RuntimeException failure = null;
    for (int i = entries.size() - 1; i >= 0; i--) {
      try {
        entries.get(i).release();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

package gfa.models.learners.svm;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reusable arrays for kernel matrices. A search fits hundreds of SVRs on folds of the same size,
 * each needing an n x n float matrix (105 MB for 5118 rows); allocating a fresh one per fit let
 * the garbage pile up in the old generation until the heap (and the process's resident memory)
 * grew by more than a gigabyte. A fit takes an array here and gives it back when its solver is
 * done, so a search holds only as many as it runs fits at once. Arrays are kept through soft
 * references: the collector may still reclaim them under memory pressure.
 */
public final class KernelBuffers {
  /** At most this many idle arrays are kept (fits run side by side, one per core, on 2 cores). */
  private static final int KEPT = 2;
  private static final Deque<SoftReference<float[]>> IDLE = new ArrayDeque<>(); // guarded by IDLE

  private KernelBuffers() {}

  /**
   * An array of at least {@code size} floats, with arbitrary contents: the smallest idle one of at
   * most twice that size, else a new one. Twice, not just a little larger: the folds of a
   * leave-system-out cross-validation differ in size by a quarter (their n x n arrays by more
   * than half), and the final fit on all rows is larger than any fold; each of them would
   * otherwise leave a 100-160 MB array of garbage, and the heap grows with it.
   */
  public static float[] take(int size) {
    synchronized (IDLE) {
      SoftReference<float[]> chosen = null;
      float[] best = null;
      for (var it = IDLE.iterator(); it.hasNext(); ) {
        SoftReference<float[]> ref = it.next();
        float[] a = ref.get();
        if (a == null) {
          it.remove();
        } else if (a.length >= size && a.length / 2 <= size && (best == null || a.length < best.length)) {
          best = a;
          chosen = ref;
        }
      }
      if (best != null) {
        IDLE.remove(chosen);
        return best;
      }
    }
    return new float[size];
  }

  /** Drops every idle array (a fit holding one keeps it); {@link #take} then allocates afresh. */
  public static void releaseIdle() {
    synchronized (IDLE) {
      IDLE.clear();
    }
  }

  /** The number of idle arrays kept (for tests). */
  static int idle() {
    synchronized (IDLE) {
      IDLE.removeIf(r -> r.get() == null);
      return IDLE.size();
    }
  }

  /** Gives back an array from {@link #take}; the caller must not use it afterwards. */
  public static void give(float[] array) {
    synchronized (IDLE) {
      IDLE.removeIf(r -> r.get() == null);
      if (IDLE.size() >= KEPT) {
        IDLE.removeLast(); // the oldest goes: a search's folds reuse the recent ones
      }
      IDLE.addFirst(new SoftReference<>(array));
    }
  }
}

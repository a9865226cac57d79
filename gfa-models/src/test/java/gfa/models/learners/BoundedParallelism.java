package gfa.models.learners;

import gfa.core.concurrent.Failures;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Runs Smile code on a fixed number of threads (only the tests' Smile reference forest needs it now: gfa's own learners run no Smile code). Smile parallelises with Java parallel streams,
 * which run on the fork/join pool of the thread that starts them: started from a worker of a
 * private {@link ForkJoinPool} of {@code threads} workers, they stay on that pool instead of
 * occupying the whole machine through the common pool.
 */
final class BoundedParallelism {
  private BoundedParallelism() {}

  static <T> T call(int threads, Supplier<T> task) {
    try (ForkJoinPool pool = new ForkJoinPool(threads)) {
      return pool.submit(task::get).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting", e);
    } catch (ExecutionException e) {
      throw Failures.unchecked(e);
    }
  }
}

package gfa.models.training;

import gfa.core.concurrent.Failures;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The final models, fitted side by side: each learner on all rows on one thread, {@code threads}
 * of them at a time. One thread per fit keeps the models independent of {@code threads} (the
 * boosters' results may depend on their thread count), and running the learners beside each other
 * keeps the cores busy although no single fit uses two.
 */
final class SideBySide {
  private SideBySide() {}

  /** One model per learner of {@code ids}, in that order; on failure every fitted model is closed. */
  static List<FittedModel> fit(
      List<String> ids, Map<String, Map<String, Object>> params, double[][] z, double[] y, long seed, int threads) {
    int workers = Math.max(1, Math.min(threads, ids.size()));
    ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().factory());
    List<Future<FittedModel>> pending = new ArrayList<>();
    try {
      for (String id : ids) { // in the given order: the paper's order puts the slow learners first
        Map<String, Object> p = params.get(id);
        pending.add(pool.submit(() -> Learners.byId(id).fit(z, y, p, seed, 1)));
      }
      List<FittedModel> models = new ArrayList<>();
      RuntimeException failure = null;
      for (Future<FittedModel> f : pending) { // every fit finishes before we return or throw
        try {
          models.add(f.get());
        } catch (ExecutionException e) {
          RuntimeException cause = Failures.unchecked(e);
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        }
      }
      if (failure != null) {
        models.forEach(FittedModel::close);
        throw failure;
      }
      return models;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting", e);
    } finally {
      pool.shutdownNow();
    }
  }
}

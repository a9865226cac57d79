package gfa.models.training;

import gfa.models.eval.Standardizer;
import gfa.models.learners.FittedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * The final, fitted fusion: the standardiser fitted on all training rows, one model per learner
 * fitted on all rows with its tuned parameters, and the fusion weights. Predicting takes raw
 * descriptor rows (in {@link #columns()} order) and returns each model's prediction and the fused
 * one.
 */
public final class Ensemble implements AutoCloseable {
  private final List<String> columns;
  private final Standardizer scaler;
  private final List<String> learners;
  private final List<FittedModel> models;
  private final double[] weights;

  public Ensemble(List<String> columns, Standardizer scaler, List<String> learners, List<FittedModel> models, double[] weights) {
    if (learners.size() != models.size() || learners.size() != weights.length) {
      throw new IllegalArgumentException("one model and one weight per learner");
    }
    if (scaler.dimension() != columns.size()) {
      throw new IllegalArgumentException("the scaler has " + scaler.dimension() + " columns, not " + columns.size());
    }
    this.columns = List.copyOf(columns);
    this.scaler = scaler;
    this.learners = List.copyOf(learners);
    this.models = List.copyOf(models);
    this.weights = weights.clone();
  }

  /** Descriptor columns the models were trained on, in order. */
  public List<String> columns() {
    return columns;
  }

  public List<String> learners() {
    return learners;
  }

  public double[] weights() {
    return weights.clone();
  }

  public Standardizer scaler() {
    return scaler;
  }

  List<FittedModel> models() {
    return models;
  }

  /** Predictions for raw descriptor rows: one row per learner, then the fused row last. */
  public double[][] predict(double[][] raw) {
    double[][] x = scaler.transform(raw, null);
    double[][] out = new double[learners.size() + 1][];
    for (int m = 0; m < learners.size(); m++) {
      out[m] = models.get(m).predict(x);
    }
    double[][] individual = java.util.Arrays.copyOf(out, learners.size());
    out[learners.size()] = FusionWeights.fuse(individual, weights);
    return out;
  }

  /**
   * As {@link #predict(double[][])}, with the learners predicting side by side in the calling
   * fork-join pool (run it inside {@code Workers.call} to bound the threads): the learners are
   * independent, so the numbers are the same; a 5151-point grid is predicted in about half the time
   * on two cores. A learner of fusion weight 0 is not evaluated and its row is null: it adds
   * nothing to the fused prediction nor to the spread, and skipping it leaves every other number
   * the same bit for bit (its terms were +0.0 or -0.0; see {@link FusionWeights#fuse}).
   *
   * <p>The learners are fork/join tasks, not a parallel stream, and the calling worker helps the
   * pool until it is quiet: a worker done with its learners then takes blocks of rows from the one
   * still running (the SVR's kernel sums, split by {@code RowBlocks}). A stream's caller waits for
   * its own stream's pieces only, so the last learner ran alone on one core for up to a quarter of
   * a second.
   */
  public double[][] predictSideBySide(double[][] raw) {
    double[][] x = scaler.transform(raw, null);
    double[][] out = new double[learners.size() + 1][];
    List<ForkJoinTask<?>> tasks = new ArrayList<>();
    for (int m = 0; m < learners.size(); m++) {
      if (weights[m] != 0) {
        FittedModel model = models.get(m);
        int row = m;
        tasks.add(ForkJoinTask.adapt(() -> out[row] = model.predict(x)));
      }
    }
    for (ForkJoinTask<?> task : tasks) {
      task.fork();
    }
    // runs any task of the pool (another learner's blocks of rows) until all are done, where a
    // join would wait for its own task alone while another learner's blocks are left
    ForkJoinTask.helpQuiesce();
    for (ForkJoinTask<?> task : tasks) {
      task.join();
    }
    double[][] individual = java.util.Arrays.copyOf(out, learners.size());
    out[learners.size()] = FusionWeights.fuse(individual, weights);
    return out;
  }

  /** The fused prediction only. */
  public double[] predictFused(double[][] raw) {
    double[][] all = predict(raw);
    return all[all.length - 1];
  }

  @Override
  public void close() {
    for (FittedModel m : models) {
      m.close();
    }
  }
}

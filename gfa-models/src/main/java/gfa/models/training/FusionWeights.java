package gfa.models.training;

import gfa.models.eval.Folds;
import gfa.models.eval.RegressionMetrics;
import gfa.models.eval.Scoring;
import gfa.models.search.Budget;
import gfa.models.search.Parameter;
import gfa.models.search.SearchResult;
import gfa.models.search.SearchSpace;
import gfa.models.search.Tpe;
import gfa.models.search.TpeOptions;
import gfa.models.search.TrialListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted fusion of eq. 1 of the paper, pred = sum x_i y_i / sum x_i, with the weights tuned
 * by TPE on the mean CV R² of the fused out-of-fold predictions. No model is refitted: the
 * out-of-fold predictions of the tuned models (same folds for all) are combined directly, which is
 * why this takes seconds where the authors' search took 1.5 h.
 */
public final class FusionWeights {
  private FusionWeights() {}

  /**
   * The fused predictions; weights that are all zero have no meaning (NaN). A learner of weight 0
   * is skipped, so its row may be null (a grid leaves such a learner unevaluated).
   */
  public static double[] fuse(double[][] predictions, double[] weights) {
    int n = rowLength(predictions);
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] fused = new double[n];
    if (total <= 0) {
      java.util.Arrays.fill(fused, Double.NaN);
      return fused;
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int m = 0; m < predictions.length; m++) {
        if (weights[m] != 0) { // 0 * p is +-0.0, which leaves s as it is: skipping it changes no bit
          s += weights[m] * predictions[m][i];
        }
      }
      fused[i] = s / total;
    }
    return fused;
  }

  /** The length of the rows that were evaluated (a learner of weight 0 may have none). */
  public static int rowLength(double[][] predictions) {
    for (double[] row : predictions) {
      if (row != null) {
        return row.length;
      }
    }
    throw new IllegalArgumentException("no learner's predictions");
  }

  /** The tuned weights by learner id (each on the paper's grid q(0, 1, 0.01)). */
  public static Map<String, Double> tune(
      List<String> learners, double[][] outOfFold, double[] y, Folds folds, Budget budget, long seed, TrialListener listener)
      throws Exception {
    List<Parameter> parameters = new ArrayList<>();
    for (String id : learners) {
      parameters.add(new Parameter.QUniform(id, 0, 1, 0.01));
    }
    SearchResult result =
        Tpe.minimize(
            new SearchSpace(parameters),
            params -> {
              double[] w = new double[learners.size()];
              for (int m = 0; m < w.length; m++) {
                w[m] = ((Number) params.get(learners.get(m))).doubleValue();
              }
              double[] fused = fuse(outOfFold, w);
              return Double.isNaN(fused[0]) ? Double.NaN : Scoring.R2.loss(Scoring.R2.of(y, fused, folds));
            },
            budget,
            TpeOptions.defaults(seed),
            listener);
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String id : learners) {
      weights.put(id, ((Number) result.best().params().get(id)).doubleValue());
    }
    return weights;
  }

  public static double[] weightsInOrder(List<String> learners, Map<String, Double> weights) {
    double[] w = new double[learners.size()];
    for (int m = 0; m < w.length; m++) {
      w[m] = weights.get(learners.get(m));
    }
    return w;
  }
}

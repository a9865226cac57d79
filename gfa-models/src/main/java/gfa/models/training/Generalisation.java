package gfa.models.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.models.eval.CvScheme;
import gfa.models.eval.Folds;
import gfa.models.eval.PerSystemErrors;
import gfa.models.eval.SystemGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run says about generalisation beyond its own cross-validation: the tuned model
 * cross-validated again with the other fold scheme (leave-system-out after random k-fold tuning,
 * or the reverse), and the errors of both on the systems with the most rows.
 *
 * @param tunedWith the scheme the run tuned with
 * @param extra the evaluation with the other scheme, or null when skipped
 * @param skipped why it was skipped, or null
 * @param systems the number of distinct systems in the rows
 * @param perSystem the errors on the systems with the most rows
 */
public record Generalisation(CvScheme tunedWith, FoldEvaluation extra, String skipped, int systems, List<PerSystemErrors.Row> perSystem) {
  /** How many systems {@code per_system} lists. */
  public static final int PER_SYSTEM = 10;

  public Generalisation {
    perSystem = List.copyOf(perSystem);
  }

  /**
   * The folds {@link #evaluate} cross-validates on after tuning with {@code tunedWith}: those of the
   * other scheme; null when they cannot be made (e.g. one system only) or {@code runExtra} is false.
   * A training run given them beforehand makes that cross-validation beside its searches.
   */
  public static Folds secondFolds(String[] groups, CvScheme tunedWith, boolean runExtra, int k, long seed) {
    if (!runExtra) {
      return null;
    }
    try {
      return tunedWith.other().folds(groups, k, seed);
    } catch (GfaInputException e) {
      return null;
    }
  }

  /**
   * @param result the training run (tuned with {@code tunedWith}, same rows as {@code x})
   * @param groups the system of each row ({@link SystemGroups#of})
   * @param runExtra whether to run the second cross-validation (it costs one CV per learner)
   */
  public static Generalisation evaluate(
      TrainingResult result, double[][] x, double[] y, String[] groups, CvScheme tunedWith, boolean runExtra, long seed,
      int threads, TrainingListener listener) throws Exception {
    CvScheme other = tunedWith.other();
    FoldEvaluation extra = null;
    String skipped = null;
    int systems = SystemGroups.count(groups);
    if (!runExtra) {
      skipped = "not run (--no-extra-cv)";
    } else {
      Folds folds = null;
      try {
        folds = other.folds(groups, result.folds(), seed);
      } catch (GfaInputException e) {
        skipped = e.getMessage(); // e.g. "only 1 groups for 5 folds": a dataset of one system
      }
      SecondOpinion made = result.secondOpinion();
      if (folds != null && made != null && made.folds().sameAs(folds)) {
        extra = FoldEvaluation.of(y, folds, systems, ModelParams.of(result), made.learnerOutOfFold(), made.seconds());
      } else if (folds != null) {
        extra = FoldEvaluation.evaluate(x, y, folds, systems, ModelParams.of(result), seed, threads, listener);
      }
    }
    Map<String, double[]> predictions = new LinkedHashMap<>();
    predictions.put(tunedWith.reportKey(), result.fusedOutOfFold());
    if (extra != null) {
      predictions.put(other.reportKey(), extra.fusedOutOfFold());
    }
    List<PerSystemErrors.Row> perSystem = PerSystemErrors.largest(groups, y, predictions, PER_SYSTEM);
    return new Generalisation(tunedWith, extra, skipped, systems, perSystem);
  }

  /** Adds {@code leave_system_out} or {@code random_kfold}, and {@code per_system}, to a report. */
  public void addTo(ObjectNode report) {
    String key = tunedWith.other().reportKey();
    if (extra != null) {
      GeneralisationReport.addEvaluation(report, key, extra);
    } else {
      GeneralisationReport.addSkipped(report, key, skipped);
    }
    report.put("systems", systems);
    GeneralisationReport.addPerSystem(report, perSystem);
  }
}

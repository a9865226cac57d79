package gfa.models.uncertainty;

import gfa.core.Composition;
import gfa.models.eval.CvScheme;
import gfa.models.eval.Folds;
import gfa.models.training.FoldEvaluation;
import gfa.models.training.FusionWeights;
import gfa.models.training.TrainingResult;
import gfa.models.training.TunedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of a finished training run from the out-of-fold predictions it already has: the
 * leave-system-out ones when the run has them (tuned on them, or its second cross-validation),
 * otherwise the random k-fold ones (then the intervals are too narrow for unseen systems, and the
 * record says which residuals it holds). Nothing is refitted.
 *
 * @param record what the model directory keeps ({@code calibration.json})
 * @param checks the honest coverage and {@code p_bmg} checks, for {@code report.json}
 */
public record TrainingCalibration(CalibrationRecord record, List<CalibrationCheck> checks) {
  public TrainingCalibration {
    checks = List.copyOf(checks);
  }

  /**
   * @param result the training run
   * @param tunedWith the scheme it tuned with, on {@code tunedFolds}
   * @param extra its second cross-validation (the other scheme, on {@code extraFolds}), or null
   * @param alloys the training compositions (rows of the run)
   * @param standardized their descriptor rows standardised with the final model's scaler
   */
  public static TrainingCalibration of(TrainingResult result, CvScheme tunedWith, Folds tunedFolds, FoldEvaluation extra,
      Folds extraFolds, List<Composition> alloys, double[] y, double[][] standardized) {
    List<String> learners = new ArrayList<>();
    double[][] tunedOof = new double[result.models().size()][];
    for (int m = 0; m < tunedOof.length; m++) {
      TunedModel t = result.models().get(m);
      learners.add(t.learner());
      tunedOof[m] = t.outOfFold();
    }
    double[] weights = FusionWeights.weightsInOrder(learners, result.weights());
    OutOfFold tuned = OutOfFold.of(tunedWith.reportKey(), y, result.fusedOutOfFold(), tunedOof, weights, tunedFolds);
    OutOfFold other = extra == null ? null
        : OutOfFold.of(tunedWith.other().reportKey(), y, extra.fusedOutOfFold(), extra.learnerOutOfFold(), weights, extraFolds);
    OutOfFold lso = tunedWith == CvScheme.LEAVE_SYSTEM_OUT ? tuned : other;
    OutOfFold random = tunedWith == CvScheme.RANDOM ? tuned : other;
    OutOfFold calibrateOn = lso != null ? lso : random;

    List<CalibrationCheck> checks = new ArrayList<>();
    double threshold = CalibrationRecord.DEFAULT_THRESHOLD_MM;
    for (OutOfFold evaluated : new OutOfFold[] {lso, random}) {
      if (evaluated != null) {
        checks.add(CalibrationCheck.run(calibrateOn, evaluated, CalibrationCheck.LEVELS, threshold));
      }
    }
    if (lso != null && random != null) {
      // the naive alternative, for contrast: intervals calibrated on random k-fold residuals
      checks.add(CalibrationCheck.run(random, lso, CalibrationCheck.LEVELS, threshold));
    }
    DomainIndex domain = DomainIndex.calibrate(alloys, y, standardized, CalibrationRecord.DEFAULT_DOMAIN_QUANTILE);
    CalibrationRecord record = new CalibrationRecord(calibrateOn.calibrate(), CalibrationRecord.DEFAULT_LEVEL, threshold,
        CalibrationRecord.DEFAULT_DOMAIN_QUANTILE, domain.compositionThreshold(), domain.descriptorThreshold(), alloys, y);
    return new TrainingCalibration(record, checks);
  }
}

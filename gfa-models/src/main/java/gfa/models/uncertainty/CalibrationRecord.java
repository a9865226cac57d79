package gfa.models.uncertainty;

import gfa.core.Composition;
import java.util.List;

/**
 * What a model directory keeps about the trust of its predictions ({@code calibration.json}): the
 * predictive calibration, the default interval level and BMG threshold, and the training alloys
 * with the in-domain thresholds (their descriptors are saved beside it, {@link KnownDescriptors},
 * or, for a model saved before that file, recomputed from the compositions when the domain index
 * is needed).
 *
 * @param calibration the conformal calibration of the fused prediction
 * @param level default nominal level of the central interval (0.9)
 * @param threshold default BMG threshold, mm (1)
 * @param domainQuantile the quantile the in-domain thresholds were taken at
 * @param compositionThreshold in-domain threshold on the nearest composition distance
 * @param descriptorThreshold in-domain threshold on the nearest standardised descriptor distance
 * @param alloys the training alloys, in training order
 * @param dmax their D_max (mm)
 */
public record CalibrationRecord(
    PredictiveCalibration calibration, double level, double threshold, double domainQuantile, double compositionThreshold,
    double descriptorThreshold, List<Composition> alloys, double[] dmax) {
  public static final double DEFAULT_LEVEL = 0.9;
  public static final double DEFAULT_THRESHOLD_MM = 1.0;
  public static final double DEFAULT_DOMAIN_QUANTILE = 0.95;

  public CalibrationRecord {
    alloys = List.copyOf(alloys);
    dmax = dmax.clone();
    if (alloys.size() != dmax.length) {
      throw new IllegalArgumentException("one D_max per alloy");
    }
  }

  @Override
  public double[] dmax() {
    return dmax.clone();
  }

  /** The domain index over the training alloys, given their standardised descriptor rows (training order). */
  public DomainIndex domain(double[][] standardized) {
    return DomainIndex.of(alloys, dmax, standardized, compositionThreshold, descriptorThreshold);
  }

  /**
   * The uncertainty of fused predictions at the default level and threshold.
   *
   * @param predictions as {@code Ensemble.predict}: one row per learner, the fused row last
   * @param weights the fusion weights, one per learner
   */
  public Uncertainty[] predict(double[][] predictions, double[] weights) {
    return predict(predictions, weights, level, threshold);
  }

  /** A calibrated one-sigma per prediction ({@link PredictiveCalibration#sigma}), for the acquisition functions. */
  public double[] sigma(double[][] predictions, double[] weights) {
    double[] spread = EnsembleSpread.of(java.util.Arrays.copyOf(predictions, predictions.length - 1), weights);
    double[] out = new double[spread.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = calibration.sigma(spread[i]);
    }
    return out;
  }

  /** As {@link #predict(double[][], double[])} with another level and threshold. */
  public Uncertainty[] predict(double[][] predictions, double[] weights, double level, double threshold) {
    double[][] learners = java.util.Arrays.copyOf(predictions, predictions.length - 1);
    double[] fused = predictions[predictions.length - 1];
    double[] spread = EnsembleSpread.of(learners, weights);
    Uncertainty[] out = new Uncertainty[fused.length];
    for (int i = 0; i < fused.length; i++) {
      out[i] = calibration.predict(fused[i], spread[i], level, threshold);
    }
    return out;
  }
}

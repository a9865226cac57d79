package gfa.models.uncertainty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code calibration} part of {@code report.json}: how the intervals and {@code p_bmg} were
 * calibrated, and their honest coverage, Brier score and reliability under each scheme.
 */
public final class CalibrationReport {
  public static final String KEY = "calibration";

  private CalibrationReport() {}

  /**
   * {@code report.calibration = {calibrated_on, scale_floor, residuals, domain: {...}, checks: [{calibrated_on,
   * evaluated_on, coverage: {"50": .., "80": .., "90": ..}, median_width_mm: {..}, p_bmg: {threshold_mm, brier,
   * brier_base_rate, reliability: [{low, high, rows, mean_p, observed}]}}]}}.
   */
  public static void addTo(ObjectNode report, TrainingCalibration c) {
    ObjectNode node = report.putObject(KEY);
    CalibrationRecord r = c.record();
    node.put("method", "normalised split-conformal (CV+ reuse of out-of-fold residuals), scale = floor + learner spread");
    node.put("calibrated_on", r.calibration().calibratedOn());
    node.put("residuals", r.calibration().size());
    node.put("scale_floor", r.calibration().scaleFloor());
    node.put("level", r.level());
    node.put("threshold_mm", r.threshold());
    ObjectNode domain = node.putObject("domain");
    domain.put("quantile", r.domainQuantile());
    domain.put("composition_threshold", r.compositionThreshold());
    domain.put("descriptor_threshold", r.descriptorThreshold());
    ArrayNode checks = node.putArray("checks");
    for (CalibrationCheck check : c.checks()) {
      ObjectNode n = checks.addObject();
      n.put("calibrated_on", check.calibratedOn());
      n.put("evaluated_on", check.evaluatedOn());
      levels(n.putObject("coverage"), check.coverage());
      levels(n.putObject("median_width_mm"), check.medianWidth());
      ObjectNode p = n.putObject("p_bmg");
      p.put("threshold_mm", check.threshold());
      p.put("brier", check.brier());
      p.put("brier_base_rate", check.brierBaseRate());
      ArrayNode bins = p.putArray("reliability");
      for (ReliabilityBin b : check.reliability()) {
        ObjectNode bin = bins.addObject();
        bin.put("low", b.low());
        bin.put("high", b.high());
        bin.put("rows", b.rows());
        if (b.rows() > 0) {
          bin.put("mean_p", b.meanProbability());
          bin.put("observed", b.observedFrequency());
        }
      }
    }
  }

  private static void levels(ObjectNode node, Map<Double, Double> values) {
    values.forEach((level, v) -> node.put(String.format(Locale.ROOT, "%.0f", level * 100), v));
  }

  /** A readable line per check, for the train command's summary. */
  public static String summary(TrainingCalibration c) {
    StringBuilder s = new StringBuilder();
    for (CalibrationCheck check : c.checks()) {
      s.append(String.format(Locale.ROOT, "calibrated on %s, evaluated on %s: coverage", check.calibratedOn(), check.evaluatedOn()));
      check.coverage().forEach((level, v) -> s.append(String.format(Locale.ROOT, " %.0f%%->%.1f%%", level * 100, v * 100)));
      s.append(String.format(Locale.ROOT, "; p_bmg Brier %.4f (base rate %.4f)%n", check.brier(), check.brierBaseRate()));
    }
    return s.toString();
  }
}

package gfa.cli.workflow;

import gfa.core.Composition;
import gfa.core.concurrent.Workers;
import gfa.core.io.CsvTable;
import gfa.features.Featurizer;
import gfa.models.training.Ensemble;
import gfa.models.training.GfaModel;
import gfa.models.uncertainty.CalibrationRecord;
import gfa.models.uncertainty.DomainDistance;
import gfa.models.uncertainty.DomainIndex;
import gfa.models.uncertainty.Uncertainty;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gfa predict} as a plain computation: the input table with the fused prediction, each
 * learner's, and, for a calibrated model, the interval, p_bmg and the out-of-domain flag with the
 * distances to the nearest training alloy in composition and descriptor space (docs/trust.md).
 */
public final class AlloyPrediction {
  /** The columns a calibrated model adds after the predictions. */
  public static final List<String> TRUST_COLUMNS = List.of("predicted_D_max_lower", "predicted_D_max_upper", "p_bmg",
      "in_domain", "composition_distance", "descriptor_distance");

  private AlloyPrediction() {}

  /**
   * The numbers of a prediction: the fused one, each learner's, and for a calibrated model the
   * interval and p_bmg and the domain distance of every alloy (null without a calibration).
   */
  public record Predictions(double[] fused, double[][] byLearner, Uncertainty[] uncertainty, DomainDistance[] domain) {}

  /** Predicts {@code compositions}; a row the featuriser refuses throws {@link Featurizer.RowProblem} with its index. */
  public static Predictions compute(List<Composition> compositions, Featurizer featurizer, Ensemble ensemble,
      CalibrationRecord calibration, Workers workers) {
    double[][] all = workers.call(() -> ensemble.predict(featurizer.featurizeAll(compositions)));
    Uncertainty[] uncertainty = calibration == null ? null : calibration.predict(all, ensemble.weights());
    DomainDistance[] domain = calibration == null ? null : domain(compositions, featurizer, ensemble, calibration, workers);
    return new Predictions(all[all.length - 1], java.util.Arrays.copyOf(all, all.length - 1), uncertainty, domain);
  }

  /**
   * Predicts {@code compositions} (row r of {@code input}) with {@code model}; {@code calibration}
   * may be null. A row the featuriser refuses throws {@link Featurizer.RowProblem} with its index.
   */
  public static CsvTable predict(CsvTable input, List<Composition> compositions, GfaModel model, CalibrationRecord calibration,
      Workers workers) {
    Predictions p = compute(compositions, model.featurizer(), model.ensemble(), calibration, workers);
    List<String> header = new ArrayList<>(input.header());
    header.add("predicted_D_max");
    for (String id : model.learners()) {
      header.add("predicted_D_max_" + id);
    }
    if (p.uncertainty() != null) {
      header.addAll(TRUST_COLUMNS);
    }
    int m = model.learners().size();
    List<String[]> rows = new ArrayList<>(compositions.size());
    for (int r = 0; r < input.rowCount(); r++) {
      List<String> row = new ArrayList<>(header.size());
      for (int c = 0; c < input.header().size(); c++) {
        row.add(input.cell(r, c));
      }
      row.add(CsvTable.formatNumber(p.fused()[r]));
      for (int k = 0; k < m; k++) {
        row.add(CsvTable.formatNumber(p.byLearner()[k][r]));
      }
      if (p.uncertainty() != null) {
        Uncertainty u = p.uncertainty()[r];
        DomainDistance d = p.domain()[r];
        row.add(CsvTable.formatNumber(u.lower()));
        row.add(CsvTable.formatNumber(u.upper()));
        row.add(CsvTable.formatNumber(u.pBmg()));
        row.add(Boolean.toString(d.inDomain()));
        row.add(CsvTable.formatNumber(d.compositionDistance()));
        row.add(CsvTable.formatNumber(d.descriptorDistance()));
      }
      rows.add(row.toArray(String[]::new));
    }
    return new CsvTable(header, rows);
  }

  /** Each composition's distance to the training alloys the calibration names. */
  private static DomainDistance[] domain(List<Composition> compositions, Featurizer featurizer, Ensemble ensemble,
      CalibrationRecord calibration, Workers workers) {
    var scaler = ensemble.scaler();
    double[][] known = workers.call(() -> featurizer.featurizeAll(calibration.alloys()));
    DomainIndex index = calibration.domain(scaler.transform(known, null));
    double[][] x = scaler.transform(workers.call(() -> featurizer.featurizeAll(compositions)), null);
    DomainDistance[] out = new DomainDistance[compositions.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = index.distance(compositions.get(r), x[r]);
    }
    return out;
  }
}

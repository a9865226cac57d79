package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.models.eval.CvScheme;
import gfa.models.eval.Folds;
import gfa.models.search.Budget;
import gfa.models.training.Ensemble;
import gfa.models.training.Generalisation;
import gfa.models.training.TrainingListener;
import gfa.models.training.TrainingOptions;
import gfa.models.training.TrainingResult;
import gfa.models.training.TrainingRun;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Calibration of a real (tiny) training run: 12 binary systems whose D_max level only the system's
 * own id column explains, so unseen systems are much harder than seen ones; the leave-system-out residuals
 * calibrate, and intervals calibrated on random folds would undercover unseen systems.
 */
class TrainingCalibrationTest {
  private static final String[] ELEMENTS = {"Cu", "Zr", "Al", "Ni", "Fe", "B", "Co", "Ti"};

  @Test
  void calibratesOnLeaveSystemOutResidualsAndReportsEveryCheck() throws Exception {
    SplittableRandom r = new SplittableRandom(4);
    List<Composition> alloys = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    List<Double> dmax = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    int system = 0;
    for (int a = 0; a < ELEMENTS.length && system < 12; a++) {
      for (int b = a + 1; b < ELEMENTS.length && system < 12; b++, system++) {
        double level = r.nextDouble(0, 5);
        for (int k = 0; k < 15; k++) {
          int share = 30 + 2 * k;
          Composition c = Composition.parse(ELEMENTS[a] + share + ELEMENTS[b] + (100 - share));
          double x1 = r.nextDouble(-1, 1);
          alloys.add(c);
          // the system's id identifies its level for a model that has seen the system, and only then
          rows.add(new double[] {system + r.nextDouble(-0.1, 0.1), x1, share / 100.0});
          dmax.add(level + 0.3 * x1);
          groups.add(c.elementSet().toString());
        }
      }
    }
    double[][] x = rows.toArray(double[][]::new);
    double[] y = dmax.stream().mapToDouble(Double::doubleValue).toArray();
    String[] g = groups.toArray(String[]::new);
    TrainingOptions options = new TrainingOptions(3, 7, 1, Budget.trials(1), Budget.trials(20), List.of("xgboost", "lightgbm"));
    Folds folds = CvScheme.RANDOM.folds(g, 3, 7);
    TrainingResult result = TrainingRun.run(List.of("system id", "x1", "share"), x, y, folds, options, TrainingListener.NONE);
    try (Ensemble ignored = result.ensemble()) {
      Generalisation gen = Generalisation.evaluate(result, x, y, g, CvScheme.RANDOM, true, 7, 1, TrainingListener.NONE);
      Folds lsoFolds = CvScheme.LEAVE_SYSTEM_OUT.folds(g, 3, 7);
      double[][] z = result.ensemble().scaler().transform(x, null);
      TrainingCalibration c = TrainingCalibration.of(result, CvScheme.RANDOM, folds, gen.extra(), lsoFolds, alloys, y, z);

      assertEquals("leave_system_out", c.record().calibration().calibratedOn());
      assertEquals(180, c.record().calibration().size());
      assertEquals(3, c.checks().size());
      CalibrationCheck lso = c.checks().get(0);
      CalibrationCheck random = c.checks().get(1);
      CalibrationCheck naive = c.checks().get(2);
      assertEquals("leave_system_out", lso.evaluatedOn());
      assertEquals("random_kfold", random.evaluatedOn());
      assertEquals("random_kfold", naive.calibratedOn());
      // unseen systems are far harder here than seen ones: random-fold residuals undercover them
      assertTrue(naive.coverage().get(0.9) < lso.coverage().get(0.9) - 0.2, naive.coverage() + " vs " + lso.coverage());
      assertTrue(random.coverage().get(0.9) >= 0.9, "leave-system-out intervals are conservative on seen systems");

      ObjectNode report = new ObjectMapper().createObjectNode();
      CalibrationReport.addTo(report, c);
      var node = report.path("calibration");
      assertEquals("leave_system_out", node.path("calibrated_on").asText());
      assertEquals(3, node.path("checks").size());
      assertEquals(lso.coverage().get(0.8), node.path("checks").get(0).path("coverage").path("80").asDouble(), 0);
      assertEquals(10, node.path("checks").get(0).path("p_bmg").path("reliability").size());
      assertTrue(CalibrationReport.summary(c).contains("evaluated on leave_system_out"));
    }
  }
}

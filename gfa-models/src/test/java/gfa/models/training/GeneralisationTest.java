package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.models.eval.CvScheme;
import gfa.models.eval.Folds;
import gfa.models.learners.Learners;
import gfa.models.search.Budget;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Leave-system-out evaluation beside random k-fold: whole systems held out, the tuned
 * parameters reused unchanged, and the gap it is there to show.
 */
class GeneralisationTest {
  static final List<String> COLUMNS = List.of("system id", "x1", "x2");

  /**
   * 12 "systems" of 15 rows. Each system has its own D_max level, which no descriptor explains
   * except the system's id column: a model can learn a system's level from its other rows (random
   * k-fold) but not for a system it has never seen (leave-system-out).
   */
  record Data(double[][] x, double[] y, String[] groups) {}

  static Data systems(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int systems = 12;
    int per = 15;
    double[][] x = new double[systems * per][];
    double[] y = new double[x.length];
    String[] groups = new String[x.length];
    double[] level = new double[systems];
    for (int s = 0; s < systems; s++) {
      level[s] = r.nextDouble(0, 5);
    }
    for (int s = 0; s < systems; s++) {
      for (int k = 0; k < per; k++) {
        int i = s * per + k;
        double x1 = r.nextDouble(-1, 1);
        x[i] = new double[] {s + r.nextDouble(-0.1, 0.1), x1, r.nextDouble(-1, 1)};
        y[i] = level[s] + 0.3 * x1;
        groups[i] = "S" + s;
      }
    }
    return new Data(x, y, groups);
  }

  static TrainingResult train(Data d, CvScheme scheme) throws Exception {
    TrainingOptions options = new TrainingOptions(3, 7, 1, Budget.trials(1), Budget.trials(20), List.of("xgboost"));
    Folds folds = scheme.folds(d.groups(), 3, 7);
    return TrainingRun.run(COLUMNS, d.x(), d.y(), folds, options, TrainingListener.NONE);
  }

  @Test
  void leaveSystemOutFoldsNeverSplitASystem() {
    Data d = systems(1);
    Folds folds = CvScheme.LEAVE_SYSTEM_OUT.folds(d.groups(), 5, 3);
    Set<String> seen = new HashSet<>();
    for (int f = 0; f < folds.count(); f++) {
      Set<String> held = new HashSet<>();
      for (int i : folds.validation(f)) {
        held.add(d.groups()[i]);
      }
      for (int i : folds.training(f)) {
        assertTrue(!held.contains(d.groups()[i]), d.groups()[i] + " is on both sides of fold " + f);
      }
      for (String g : held) {
        assertTrue(seen.add(g), g + " is held out by two folds");
      }
    }
    assertEquals(12, seen.size());
  }

  @Test
  void evaluatesTheTunedModelOnWholeSystemsAndReportsBoth() throws Exception {
    Data d = systems(2);
    TrainingResult tuned = train(d, CvScheme.RANDOM);
    try (Ensemble ignored = tuned.ensemble()) {
      Generalisation g = Generalisation.evaluate(tuned, d.x(), d.y(), d.groups(), CvScheme.RANDOM, true, 7, 1, TrainingListener.NONE);
      FoldEvaluation lso = g.extra();
      assertEquals("leave-system-out 3-fold", lso.kind());
      assertEquals(12, lso.groups());
      assertEquals(12, g.systems());
      // the tuned parameters, unchanged, on the group folds
      Folds folds = CvScheme.LEAVE_SYSTEM_OUT.folds(d.groups(), 3, 7);
      TunedModel again = Tuner.fixed(Learners.byId("xgboost"), tuned.model("xgboost").bestParams(),
          new PreparedFolds(d.x(), d.y(), folds), 7, 1);
      assertArrayEquals(again.outOfFold(), lso.fusedOutOfFold(), 1e-12);
      assertEquals(again.cv().rmse(), lso.models().get("xgboost").rmse(), 1e-12);
      // what it is for: the systems' own levels cannot be learnt for an unseen system
      assertTrue(lso.fusion().rmse() > 2 * tuned.fusion().rmse(),
          "leave-system-out RMSE " + lso.fusion().rmse() + " vs random " + tuned.fusion().rmse());

      ObjectNode report = ModelStore.report(tuned);
      g.addTo(report);
      var node = report.path("leave_system_out");
      assertEquals(3, node.path("folds").asInt());
      assertEquals(12, node.path("groups").asInt());
      assertTrue(node.path("models").path("xgboost").has("cv_r2"));
      assertTrue(node.path("fusion").has("cv_rmse") && node.path("fusion").has("cv_mae"));
      assertEquals(lso.fusion().r2(), node.path("fusion").path("cv_r2").asDouble(), 0);
      assertEquals(10, report.path("per_system").size());
      var first = report.path("per_system").get(0);
      assertEquals(15, first.path("rows").asInt());
      assertTrue(first.path("random_kfold").has("rmse") && first.path("leave_system_out").has("mae"), first.toString());
      assertTrue(report.has("models") && report.has("fusion") && report.has("classification"), "the usual keys stay");
    }
  }

  @Test
  void tuningOnLeaveSystemOutEvaluatesOnRandomFolds() throws Exception {
    Data d = systems(3);
    TrainingResult tuned = train(d, CvScheme.LEAVE_SYSTEM_OUT);
    try (Ensemble ignored = tuned.ensemble()) {
      assertEquals("leave-system-out 3-fold", tuned.foldKind());
      Generalisation g = Generalisation.evaluate(tuned, d.x(), d.y(), d.groups(), CvScheme.LEAVE_SYSTEM_OUT, true, 7, 1,
          TrainingListener.NONE);
      assertEquals("random 3-fold", g.extra().kind());
      ObjectNode report = ModelStore.report(tuned);
      g.addTo(report);
      assertTrue(report.has("random_kfold") && !report.has("leave_system_out"), report.toString());
      assertEquals("leave-system-out 3-fold", report.path("cv").asText());
    }
  }

  @Test
  void tooFewSystemsSkipTheExtraEvaluationAndSaySo() throws Exception {
    Data d = systems(4);
    String[] two = new String[d.groups().length];
    for (int i = 0; i < two.length; i++) {
      two[i] = i < 90 ? "A" : "B";
    }
    TrainingResult tuned = train(d, CvScheme.RANDOM);
    try (Ensemble ignored = tuned.ensemble()) {
      Generalisation g = Generalisation.evaluate(tuned, d.x(), d.y(), two, CvScheme.RANDOM, true, 7, 1, TrainingListener.NONE);
      assertNull(g.extra());
      assertTrue(g.skipped().contains("at least 3 alloy systems") && g.skipped().contains("hold 2"), g.skipped());
      ObjectNode report = new ObjectMapper().createObjectNode();
      g.addTo(report);
      assertEquals(g.skipped(), report.path("leave_system_out").path("skipped").asText());
      assertEquals(2, report.path("per_system").size());
      assertTrue(!report.path("per_system").get(0).has("leave_system_out"));
      assertThrows(GfaInputException.class, () -> CvScheme.LEAVE_SYSTEM_OUT.folds(two, 3, 1));
    }
  }

  @Test
  void theSecondOpinionMadeBesideTheSearchesIsTheSeparateEvaluation() throws Exception {
    // with 2 threads and several learners each tuned learner is cross-validated on the second
    // folds as soon as its search ends; with 1 thread Generalisation does it afterwards
    Data d = systems(3);
    Folds folds = CvScheme.RANDOM.folds(d.groups(), 3, 7);
    Folds second = Generalisation.secondFolds(d.groups(), CvScheme.RANDOM, true, folds.count(), 7);
    assertTrue(second.kind().startsWith("leave-system-out"), second.kind());
    FoldEvaluation[] evaluations = new FoldEvaluation[2];
    int[] threads = {1, 2};
    for (int i = 0; i < 2; i++) {
      TrainingOptions options =
          new TrainingOptions(3, 7, threads[i], Budget.trials(2), Budget.trials(20), List.of("svr", "rf", "xgboost"));
      TrainingResult result = TrainingRun.run(COLUMNS, d.x(), d.y(), folds, second, options, TrainingListener.NONE);
      try (var ensemble = result.ensemble()) {
        assertEquals(threads[i] > 1, result.secondOpinion() != null, "made beside the searches only side by side");
        evaluations[i] = Generalisation.evaluate(result, d.x(), d.y(), d.groups(), CvScheme.RANDOM, true, 7, threads[i],
            TrainingListener.NONE).extra();
      }
    }
    assertEquals(evaluations[0].kind(), evaluations[1].kind());
    assertEquals(evaluations[0].models(), evaluations[1].models());
    assertEquals(evaluations[0].fusion(), evaluations[1].fusion());
    assertArrayEquals(evaluations[0].fusedOutOfFold(), evaluations[1].fusedOutOfFold(), 0.0);
    for (int m = 0; m < 3; m++) {
      assertArrayEquals(evaluations[0].learnerOutOfFold()[m], evaluations[1].learnerOutOfFold()[m], 0.0);
    }
  }
}

package gfa.models.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.data.MiedemaVersion;
import gfa.core.pruning.Pruning;
import gfa.core.pruning.PruningCategory;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernarySelection;
import gfa.core.ternary.TopOverlap;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.eval.SystemAgreement;
import gfa.models.training.ModelParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The study on a small made-up dataset, with a model that records what each cell trained on. */
class PruningStudyTest {
  static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");

  /** 70 random alloys of a dozen elements, plus six of Zr-Al-Cu itself (two bulk glasses). */
  static List<Composition> compositions(List<Double> dmax) {
    String[] pool = {"Zr", "Cu", "Al", "Ni", "Ti", "Pd", "P", "Mg", "Y", "Fe", "B", "Si"};
    Random r = new Random(5);
    List<Composition> out = new ArrayList<>();
    while (out.size() < 70) {
      List<String> elements = new ArrayList<>(List.of(pool));
      Collections.shuffle(elements, r);
      int k = 2 + r.nextInt(3);
      StringBuilder formula = new StringBuilder();
      for (int j = 0; j < k; j++) {
        formula.append(elements.get(j)).append(5 + r.nextInt(50)).append(' ');
      }
      Composition c = Composition.parse(formula.toString().strip());
      if (c.elementSet().equals(ZR_AL_CU.elementSet()) || out.contains(c)) {
        continue; // the system's own alloys are the six below
      }
      out.add(c);
      dmax.add(c.contains(gfa.core.Element.of("Zr")) ? 1.5 * r.nextDouble() : 0.2 * r.nextInt(2));
    }
    String[][] own = {{"Zr50 Al10 Cu40", "3"}, {"Zr46 Al8 Cu46", "2"}, {"Zr60 Al15 Cu25", "0.2"},
        {"Zr20 Al20 Cu60", "0"}, {"Zr41.2 Al8.8 Cu50", "0.2"}, {"Zr30 Al30 Cu40", "0"}};
    for (String[] a : own) {
      out.add(Composition.parse(a[0]));
      dmax.add(Double.parseDouble(a[1]));
    }
    return out;
  }

  @Test
  void highGfaAlloysAreTheBulkGlassesElseTheBestReported() {
    assertArrayEquals(new int[] {1, 2}, ReportedAlloys.highGfa(new double[] {0.2, 1.0, 3, 0}));
    assertArrayEquals(new int[] {1, 2}, ReportedAlloys.highGfa(new double[] {0, 0.2, 0.2}));
    assertArrayEquals(new int[] {0, 1}, ReportedAlloys.highGfa(new double[] {0, 0}));
    assertArrayEquals(new int[0], ReportedAlloys.highGfa(new double[0]));
  }

  @Test
  void eachCellTrainsOnWhatItsLevelKeepsAndIsScoredOnTheSystemsOwnAlloys() throws Exception {
    List<Double> d = new ArrayList<>();
    List<Composition> compositions = compositions(d);
    double[] y = d.stream().mapToDouble(Double::doubleValue).toArray();
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    double[][] x = featurizer.featurizeAll(compositions);

    // a model that remembers the rows it was given (the study shares them, so identity tells which)
    List<Set<double[]>> seen = new ArrayList<>();
    CellModel real = CellModel.refit(ModelParams.defaults(List.of("xgboost")), 3, 1);
    CellModel spy = (columns, rows, target) -> {
      Set<double[]> s = Collections.newSetFromMap(new IdentityHashMap<>());
      s.addAll(List.of(rows));
      seen.add(s);
      return real.fit(columns, rows, target);
    };
    List<PruningLevel> levels = List.of(PruningLevel.of(1), PruningLevel.of(3), PruningLevel.of(5));
    var settings = new PruningStudy.Settings(List.of(ZR_AL_CU), levels, 5, new TernarySelection.Options(5, 5, List.of()));
    List<SystemStudy> study = PruningStudy.run(compositions, x, y, featurizer.columns(), featurizer, settings, spy,
        PruningStudy.Listener.NONE);

    assertEquals(1, study.size());
    SystemStudy s = study.get(0);
    ReportedAlloys reported = s.reported();
    assertEquals(6, reported.count());
    assertArrayEquals(new int[] {70, 71, 72, 73, 74, 75}, reported.rows());
    assertArrayEquals(new int[] {0, 1}, reported.high(), "the two bulk glasses");
    assertEquals(3, s.cells().size());
    for (int k = 0; k < 3; k++) {
      StudyCell cell = s.cells().get(k);
      var expected = Pruning.prune(compositions, ZR_AL_CU, levels.get(k));
      assertEquals(expected.keptCount(), cell.rowsTrained());
      assertEquals(expected.keptCount(), seen.get(k).size(), "the model got exactly the kept rows");
      for (int row : expected.keptRows()) {
        assertTrue(seen.get(k).contains(x[row]), "kept row " + row + " reached the model");
      }
      for (int row : reported.rows()) {
        assertFalse(seen.get(k).contains(x[row]), "reported alloy " + row + " must never be trained on");
      }
      assertEquals(6, cell.removed(PruningCategory.TERNARY));
      // the scores are the pure measures on the cell's own predictions
      SystemAgreement agreement = SystemAgreement.of(cell.reportedPredicted(), cell.selection().min(), cell.selection().max(),
          reported.dmax());
      assertEquals(agreement.rmse(), cell.rmse(), 0);
      TopOverlap overlap = TopOverlap.of(cell.selection(), reported.highCompositions());
      assertEquals(overlap.hits(), cell.overlap().hits());
      assertEquals(2, cell.overlap().alloys());
      assertTrue(cell.rmse() >= 0 && cell.rmse() <= 1, String.format(Locale.ROOT, "rmse %.3f", cell.rmse()));
      assertSame(s.grid(), cell.selection().grid(), "one grid per system");
    }
    assertTrue(s.cells().get(2).removed(PruningCategory.ONE_ELEMENT) > 0);
    assertEquals(0, s.cells().get(0).removed(PruningCategory.ONE_ELEMENT));
  }

  @Test
  void aSystemWithoutReportedAlloysStillGetsItsMaps() throws Exception {
    List<Double> d = new ArrayList<>();
    List<Composition> compositions = compositions(d);
    double[] y = d.stream().mapToDouble(Double::doubleValue).toArray();
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    double[][] x = featurizer.featurizeAll(compositions);
    TernarySystem none = TernarySystem.parse("La-Co-Ga");
    var settings = new PruningStudy.Settings(List.of(none), List.of(PruningLevel.of(3)), 10, new TernarySelection.Options(5, 10, List.of()));
    List<SystemStudy> study = PruningStudy.run(compositions, x, y, featurizer.columns(), featurizer, settings,
        CellModel.refit(ModelParams.defaults(List.of("xgboost")), 3, 1), PruningStudy.Listener.NONE);
    StudyCell cell = study.get(0).cells().get(0);
    assertEquals(0, study.get(0).reported().count());
    assertTrue(Double.isNaN(cell.rmse()));
    assertTrue(Double.isNaN(cell.overlap().fraction()));
    assertEquals(66, cell.selection().grid().size());
  }

  @Test
  void theSideBySideRefitGivesTheSameSvrAndNearlyTheSameBoosters() throws Exception {
    List<Double> d = new ArrayList<>();
    List<Composition> compositions = compositions(d);
    double[] y = d.stream().mapToDouble(Double::doubleValue).toArray();
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    double[][] x = featurizer.featurizeAll(compositions);
    ModelParams params = ModelParams.of(Map.of("svr", Map.of(), "xgboost", Map.of()), Map.of("svr", 0.3, "xgboost", 0.7));
    double[][] probe = featurizer.featurizeAll(List.of(Composition.parse("Zr55 Al10 Cu35"), Composition.parse("Pd40 Ni40 P20")));
    try (var sideBySide = CellModel.refit(params, 9, 2).fit(featurizer.columns(), x, y);
        var sequential = gfa.models.training.TrainingRun.refit(featurizer.columns(), x, y, params, 9, 2)) {
      double[][] a = sideBySide.predict(probe);
      double[][] b = sequential.predict(probe);
      assertEquals(sequential.learners(), sideBySide.learners());
      int svr = sequential.learners().indexOf("svr");
      assertArrayEquals(b[svr], a[svr], 0.0, "svr fits on one thread either way");
      for (int m = 0; m < a.length; m++) {
        assertArrayEquals(b[m], a[m], 1e-4, "model " + m);
      }
    }
  }

  @Test
  void cellsSideBySideGiveTheSameStudyInTheSameOrder() throws Exception {
    List<Double> d = new ArrayList<>();
    List<Composition> compositions = compositions(d);
    double[] y = d.stream().mapToDouble(Double::doubleValue).toArray();
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    double[][] x = featurizer.featurizeAll(compositions);
    List<TernarySystem> systems = List.of(ZR_AL_CU, TernarySystem.parse("Cu-Ni-Ti"));
    List<PruningLevel> levels = List.of(PruningLevel.of(2), PruningLevel.of(4));
    CellModel model = CellModel.refit(ModelParams.defaults(List.of("xgboost")), 3, 1);
    var options = new TernarySelection.Options(5, 10, List.of());
    List<SystemStudy> one = PruningStudy.run(compositions, x, y, featurizer.columns(), featurizer,
        new PruningStudy.Settings(systems, levels, 10, options, 1), model, PruningStudy.Listener.NONE);
    List<SystemStudy> three = PruningStudy.run(compositions, x, y, featurizer.columns(), featurizer,
        new PruningStudy.Settings(systems, levels, 10, options, 3), model, PruningStudy.Listener.NONE);
    for (int s = 0; s < 2; s++) {
      assertEquals(systems.get(s), three.get(s).system());
      for (int k = 0; k < 2; k++) {
        StudyCell a = one.get(s).cells().get(k);
        StudyCell b = three.get(s).cells().get(k);
        assertEquals(levels.get(k), b.level());
        assertArrayEquals(a.selection().predicted(), b.selection().predicted(), 0.0);
        assertArrayEquals(a.reportedPredicted(), b.reportedPredicted(), 0.0);
      }
    }
  }
}

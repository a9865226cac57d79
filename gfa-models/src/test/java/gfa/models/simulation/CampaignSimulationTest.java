package gfa.models.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.Pruning;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.models.training.Ensemble;
import gfa.models.training.ModelParams;
import gfa.models.training.TrainingRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulation on a small synthetic data set: a Zr-Al-Cu pool on the 10 at.% lattice whose D_max
 * peaks at Zr50 Al10 Cu40, beside five other systems for the base data. The descriptors are the
 * at.% of each element, and the model one small XGBoost, so a whole simulation takes a second.
 */
class CampaignSimulationTest {
  static final TernarySystem SYSTEM = TernarySystem.parse("Zr-Al-Cu");
  static final List<String> ELEMENTS = List.of("Zr", "Al", "Cu", "Ni", "Ti", "Mg", "Y", "La", "Fe", "B", "Si", "Pd", "P");
  static final String[][] BASE_SYSTEMS = {{"Zr", "Ni", "Ti"}, {"Cu", "Mg", "Y"}, {"Al", "La", "Ni"}, {"Fe", "B", "Si"},
      {"Pd", "Ni", "P"}};

  static List<Composition> compositions = new ArrayList<>();
  static double[][] x;
  static double[] y;
  static ModelParams params;

  @BeforeAll
  static void data() {
    List<double[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    for (int a = 10; a <= 80; a += 10) {
      for (int b = 10; a + b <= 90; b += 10) {
        int c = 100 - a - b;
        add(rows, labels, new String[] {"Zr", "Al", "Cu"}, new int[] {a, b, c},
            Math.max(0.2, 8 - 0.01 * ((a - 50) * (a - 50) + 4 * (b - 10) * (b - 10) + (c - 40) * (c - 40))));
      }
    }
    for (String[] s : BASE_SYSTEMS) {
      for (int a = 20; a <= 60; a += 10) {
        for (int b = 10; a + b <= 80; b += 20) {
          add(rows, labels, s, new int[] {a, b, 100 - a - b}, 0.02 * a + 0.01 * b);
        }
      }
    }
    x = rows.toArray(double[][]::new);
    y = labels.stream().mapToDouble(Double::doubleValue).toArray();
    Map<String, Object> xgb = new LinkedHashMap<>();
    xgb.put("n_estimators", 20.0);
    xgb.put("learning_rate", 0.3);
    xgb.put("max_depth", 3.0);
    xgb.put("subsample", 1.0);
    xgb.put("colsample_bytree", 1.0);
    xgb.put("colsample_bynode", 1.0);
    xgb.put("gamma", 0.0);
    xgb.put("reg_lambda", 1.0);
    xgb.put("min_child_weight", 1.0);
    params = ModelParams.of(Map.of("xgboost", xgb), Map.of("xgboost", 1.0));
  }

  private static void add(List<double[]> rows, List<Double> labels, String[] elements, int[] amounts, double dmax) {
    StringBuilder text = new StringBuilder();
    double[] row = new double[ELEMENTS.size()];
    for (int e = 0; e < elements.length; e++) {
      text.append(elements[e]).append(amounts[e]);
      row[ELEMENTS.indexOf(elements[e])] = amounts[e];
    }
    compositions.add(Composition.parse(text.toString()));
    rows.add(row);
    labels.add(dmax);
  }

  static CampaignSimulation.Settings settings(long seed, int parallel) {
    return new CampaignSimulation.Settings(Strategy.all(), 3, 2, 3, seed, 1.0, 5, parallel);
  }

  static List<SimulatedRound> simulate(CampaignSimulation.Settings settings) throws Exception {
    List<SystemPool> pools = CampaignSimulation.pools(compositions, y, List.of(SYSTEM), settings, "synthetic");
    return CampaignSimulation.run(compositions, x, y, ELEMENTS, pools, settings, params, CampaignSimulation.Listener.NONE)
        .get(0).rounds();
  }

  static String render(List<SimulatedRound> rounds) {
    StringBuilder sb = new StringBuilder();
    for (SimulatedRound r : rounds) {
      sb.append(r.strategy()).append(' ').append(r.repeat()).append(' ').append(r.round()).append(' ')
          .append(r.proposals().stream().map(Composition::format).toList()).append(' ').append(r.bestSoFar()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void everyCampaignCastsEachAlloyOnceAndItsBestNeverFalls() throws Exception {
    CampaignSimulation.Settings settings = settings(7, 2);
    List<SimulatedRound> rounds = simulate(settings);
    assertEquals(Strategy.all().size() * 3 * 4, rounds.size());
    SystemPool pool = SystemPool.of(SYSTEM, compositions, y);
    for (Strategy s : Strategy.all()) {
      for (int repeat = 1; repeat <= 3; repeat++) {
        int rep = repeat;
        List<SimulatedRound> campaign = rounds.stream().filter(r -> r.strategy().equals(s) && r.repeat() == rep).toList();
        assertEquals(4, campaign.size());
        Set<Composition> cast = new HashSet<>();
        double best = 0;
        int glasses = 0;
        for (SimulatedRound r : campaign) {
          assertEquals(2, r.proposals().size());
          for (int t = 0; t < 2; t++) {
            assertTrue(cast.add(r.proposals().get(t)), s + " proposed " + r.proposals().get(t) + " twice");
            assertTrue(pool.compositions().contains(r.proposals().get(t)));
            best = Math.max(best, r.proposalDmax()[t]);
            glasses += r.proposalDmax()[t] >= 1 ? 1 : 0;
          }
          assertEquals(best, r.bestSoFar(), 1e-12);
          assertEquals(2 * (r.round() + 1), r.castings());
          assertEquals(glasses, r.glasses());
          assertEquals(best >= 0.9 * pool.best(), r.found());
        }
      }
    }
    // the opening batch is shared by every strategy of a repeat, and differs between repeats
    for (int repeat = 1; repeat <= 3; repeat++) {
      int rep = repeat;
      Set<List<Composition>> openings = new HashSet<>();
      rounds.stream().filter(r -> r.repeat() == rep && r.round() == 0).forEach(r -> openings.add(r.proposals()));
      assertEquals(1, openings.size());
    }
    assertNotEquals(opening(rounds, 1), opening(rounds, 2));
  }

  private static List<Composition> opening(List<SimulatedRound> rounds, int repeat) {
    return rounds.stream().filter(r -> r.repeat() == repeat && r.round() == 0).findFirst().orElseThrow().proposals();
  }

  @Test
  void sameSeedSameTableWhateverTheParallelism() throws Exception {
    String one = render(simulate(settings(11, 1)));
    assertEquals(one, render(simulate(settings(11, 2))));
    assertNotEquals(one, render(simulate(settings(12, 2))));
  }

  @Test
  void topCastsTheHighestPredictedAlloysOfTheModelRefittedOnWhatWasRevealed() throws Exception {
    CampaignSimulation.Settings settings = new CampaignSimulation.Settings(List.of(Strategy.parseList(List.of("top")).get(0)), 1, 2, 1,
        5, 1.0, 5, 1);
    List<SimulatedRound> rounds = simulate(settings);
    SystemPool pool = SystemPool.of(SYSTEM, compositions, y);
    List<Composition> opening = rounds.get(0).proposals();
    int[] base = Pruning.prune(compositions, SYSTEM, PruningLevel.of(3)).keptRows();
    List<double[]> trainX = new ArrayList<>();
    List<Double> trainY = new ArrayList<>();
    for (int row : base) {
      trainX.add(x[row]);
      trainY.add(y[row]);
    }
    boolean[] cast = new boolean[pool.size()];
    int[] poolRows = pool.rows();
    for (int i = 0; i < pool.size(); i++) {
      if (opening.contains(pool.compositions().get(i))) {
        trainX.add(x[poolRows[i]]);
        trainY.add(y[poolRows[i]]);
        cast[i] = true;
      }
    }
    double[][] poolX = new double[pool.size()][];
    for (int i = 0; i < pool.size(); i++) {
      poolX[i] = x[poolRows[i]];
    }
    double[] predicted;
    try (Ensemble e = TrainingRun.refit(ELEMENTS, trainX.toArray(double[][]::new),
        trainY.stream().mapToDouble(Double::doubleValue).toArray(), params, CampaignSimulation.repeatSeed(5, SYSTEM, 1), 1)) {
      predicted = e.predictFused(poolX);
    }
    int[] expected = CampaignSimulation.topUncast(predicted, cast, 2);
    assertEquals(List.of(pool.compositions().get(expected[0]), pool.compositions().get(expected[1])), rounds.get(1).proposals());
  }

  @Test
  void topUncastRanksByScoreSkipsCastAlloysAndBreaksTiesByIndex() {
    double[] score = {1, 5, 3, 5, 9};
    assertArrayEquals(new int[] {1, 3, 2}, CampaignSimulation.topUncast(score, new boolean[] {false, false, false, false, true}, 3));
    assertArrayEquals(new int[] {0}, CampaignSimulation.topUncast(score, new boolean[] {false, true, true, true, true}, 2));
  }

  @Test
  void randomDrawsAreDistinctAndUncast() {
    boolean[] cast = new boolean[10];
    cast[3] = true;
    int[] drawn = CampaignSimulation.draw(new SplittableRandom(1), cast, 9);
    assertEquals(9, new HashSet<>(java.util.Arrays.stream(drawn).boxed().toList()).size());
    assertTrue(java.util.Arrays.stream(drawn).noneMatch(i -> i == 3));
    assertArrayEquals(drawn, CampaignSimulation.draw(new SplittableRandom(1), cast, 9));
  }

  @Test
  void refusesAPoolSmallerThanACampaign() {
    CampaignSimulation.Settings big = new CampaignSimulation.Settings(Strategy.all(), 12, 3, 1, 1, 1.0, 5, 1);
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> CampaignSimulation.pools(compositions, y, List.of(SYSTEM), big, "synthetic"));
    assertEquals("Zr-Al-Cu has 36 reported alloys in synthetic (rows of exactly Al-Cu-Zr), fewer than the 39 a campaign casts "
        + "(3 per round x 13 rounds, the opening batch included)", e.getMessage());
    assertThrows(GfaInputException.class, () -> new CampaignSimulation.Settings(Strategy.all(), 2, 0, 1, 1, 1.0, 5, 1));
  }

  @Test
  void strategiesParseAndRefuseUnknownOrRepeatedNames() {
    assertEquals(List.of("random", "top", "ucb", "ei", "pbmg", "explore"), Strategy.all().stream().map(Strategy::id).toList());
    assertEquals(List.of("ucb", "random"), Strategy.parseList(List.of("UCB", " random")).stream().map(Strategy::id).toList());
    assertEquals("unknown strategy 'greedy'; use one of random, top, ucb, ei, pbmg, explore",
        assertThrows(GfaInputException.class, () -> Strategy.parseList(List.of("greedy"))).getMessage());
    assertThrows(GfaInputException.class, () -> Strategy.parseList(List.of("top", "top")));
  }
}

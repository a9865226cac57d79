package gfa.models.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * TPE against random search on standard test functions: for each seed, both get the same number
 * of evaluations, and the best loss of each is compared. With the same seed the first 20 trials
 * (TPE's startup) are identical, so a seed where neither improves on them is a tie, not a win.
 *
 * <p>Each test states two margins: the median over seeds of TPE's distance to the minimum is at
 * most a fraction of random search's, and TPE is strictly better on at least a number of seeds.
 * The runs are deterministic; the margins leave room for changes that alter the random stream
 * (measured values in the comments; docs/tpe.md has the table).
 */
class TpeVersusRandomSearchTest {
  /** Best losses over seeds 0..seeds-1: TPE in [0], random search in [1]. */
  private static double[][] run(TestFunctions.Problem problem, int seeds) throws Exception {
    double[][] best = new double[2][seeds];
    Budget budget = Budget.trials(problem.evaluations());
    for (int seed = 0; seed < seeds; seed++) {
      best[0][seed] = Tpe.minimize(problem.space(), problem.objective(), budget, TpeOptions.defaults(seed), null)
          .best().loss();
      best[1][seed] = RandomSearch.minimize(problem.space(), problem.objective(), budget, seed, null).best().loss();
    }
    System.out.printf("%s, %d evaluations, %d seeds: median best TPE %.4f, random %.4f (minimum %.4f); "
            + "gap ratio %.2f; TPE better on %d, ties %d%n", problem.name(), problem.evaluations(), seeds,
        median(best[0]), median(best[1]), problem.minimum(), gapRatio(best, problem.minimum()), wins(best), ties(best));
    return best;
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** (median TPE best - minimum) / (median random best - minimum): 1 = no better than random search. */
  private static double gapRatio(double[][] best, double minimum) {
    return (median(best[0]) - minimum) / (median(best[1]) - minimum);
  }

  private static int wins(double[][] best) {
    int wins = 0;
    for (int seed = 0; seed < best[0].length; seed++) {
      wins += best[0][seed] < best[1][seed] ? 1 : 0;
    }
    return wins;
  }

  private static int ties(double[][] best) {
    int ties = 0;
    for (int seed = 0; seed < best[0].length; seed++) {
      ties += best[0][seed] == best[1][seed] ? 1 : 0;
    }
    return ties;
  }

  private static void assertMargins(TestFunctions.Problem problem, double[][] best, double maxGapRatio, int minWins) {
    double ratio = gapRatio(best, problem.minimum());
    assertTrue(ratio < maxGapRatio, problem.name() + ": median gap ratio " + ratio + ", need < " + maxGapRatio);
    assertTrue(wins(best) >= minWins, problem.name() + ": TPE better on " + wins(best) + " seeds, need " + minWins);
  }

  /**
   * 2-D with three global minima, TPE's least favourable case here: per-parameter densities cannot
   * tell which x1 goes with which x2. Measured (60 seeds, 100 evaluations): median best TPE 0.561,
   * random 0.752, gap ratio 0.46; TPE better on 38, 4 ties. (At 60 evaluations, 30 seeds, the edge is
   * small: 0.873 vs 0.954, better on 18; hyperopt's own test only asks for < 0.7 after 200.)
   */
  @Test
  void branin() throws Exception {
    TestFunctions.Problem problem = TestFunctions.branin();
    assertMargins(problem, run(problem, 60), 0.75, 31);
  }

  /** Measured (60 seeds, 100 evaluations): median TPE 0.613, random 0.899, gap ratio 0.42; better on 43, 3 ties. */
  @Test
  void quantisedBranin() throws Exception {
    TestFunctions.Problem problem = TestFunctions.quantisedBranin();
    assertMargins(problem, run(problem, 60), 0.75, 35);
  }

  /** Measured (30 seeds, 100 evaluations): median TPE -2.554, random -1.935, gap ratio 0.55; better on 28, no ties. */
  @Test
  void hartmann6() throws Exception {
    TestFunctions.Problem problem = TestFunctions.hartmann6();
    assertMargins(problem, run(problem, 30), 0.75, 24);
  }

  /** Measured (30 seeds, 80 evaluations): median TPE 0.585, random 1.796, gap ratio 0.13; better on 25, 1 tie. */
  @Test
  void mixedSpaceWithAChoice() throws Exception {
    TestFunctions.Problem problem = TestFunctions.mixedBranin();
    assertMargins(problem, run(problem, 30), 0.5, 21);
  }
}

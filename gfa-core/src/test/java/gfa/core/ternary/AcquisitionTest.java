package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AcquisitionTest {
  private static final double[] MEAN = {1.0, 2.0, 0.5, -0.1};
  private static final double[] SIGMA = {0.5, 0.0, 1.5, 0.2};
  private static final double[] P_BMG = {0.5, 0.99, 0.4, 0.0};

  @Test
  void parsesEveryNameAndRefusesOthersListingTheValidOnes() {
    for (Acquisition a : Acquisition.values()) {
      assertEquals(a, Acquisition.parse(a.id()));
      assertEquals(a, Acquisition.parse(" " + a.id().toUpperCase() + " "));
    }
    GfaInputException e = assertThrows(GfaInputException.class, () -> Acquisition.parse("greedy"));
    assertEquals("unknown acquisition 'greedy'; use one of top, ucb, ei, pbmg, explore", e.getMessage());
  }

  @Test
  void topIsTheMeanAndNeedsNoUncertainty() {
    assertArrayEquals(MEAN, Acquisition.TOP.scores(MEAN, null, null, Acquisition.Parameters.defaults()));
  }

  @Test
  void ucbAddsKappaSigma() {
    assertArrayEquals(new double[] {1.5, 2.0, 2.0, 0.1}, Acquisition.UCB.scores(MEAN, SIGMA, null, Acquisition.Parameters.defaults()), 1e-12);
    assertArrayEquals(new double[] {2.0, 2.0, 3.5, 0.3},
        Acquisition.UCB.scores(MEAN, SIGMA, null, new Acquisition.Parameters(2, 0)), 1e-12);
  }

  @Test
  void pbmgAndExploreReadTheirInput() {
    assertArrayEquals(P_BMG, Acquisition.PBMG.scores(MEAN, null, P_BMG, Acquisition.Parameters.defaults()));
    assertArrayEquals(SIGMA, Acquisition.EXPLORE.scores(MEAN, SIGMA, null, Acquisition.Parameters.defaults()));
  }

  @Test
  void normalDistributionFunctionMatchesTables() {
    assertEquals(0.5, Acquisition.normalCdf(0), 1e-7);
    assertEquals(0.9750021048517795, Acquisition.normalCdf(1.96), 1e-7);
    assertEquals(0.15865525393145707, Acquisition.normalCdf(-1), 1e-7);
    assertEquals(0.0013498980316301, Acquisition.normalCdf(-3), 1e-8);
    assertEquals(0.3989422804014327, Acquisition.normalPdf(0), 1e-15);
  }

  @Test
  void expectedImprovementHasItsClosedForms() {
    // At μ = best: EI = σ φ(0) = σ / √(2π).
    assertEquals(0.5 * 0.3989422804014327, Acquisition.expectedImprovement(1, 0.5, 1), 1e-7);
    // σ = 0: the plain improvement, or 0.
    assertEquals(0.7, Acquisition.expectedImprovement(1.2, 0, 0.5), 1e-12);
    assertEquals(0, Acquisition.expectedImprovement(0.2, 0, 0.5));
    // μ - best = 1, σ = 1: Φ(1) + φ(1) = 0.8413447 + 0.2419707.
    assertEquals(0.8413447460685429 + 0.24197072451914337, Acquisition.expectedImprovement(2, 1, 1), 1e-7);
    double[] ei = Acquisition.EI.scores(MEAN, SIGMA, null, new Acquisition.Parameters(1, 1.0));
    assertEquals(1.0, ei[1], 1e-12);
    assertTrue(ei[2] > ei[0], "the uncertain point may improve more than the sure one at the incumbent");
  }

  @Test
  void expectedImprovementIsAboveTheGainAndGrowsWithMeanAndSigma() {
    Random random = new Random(7);
    for (int k = 0; k < 1000; k++) {
      double mean = random.nextGaussian() * 2;
      double sigma = random.nextDouble() * 2 + 1e-3;
      double best = random.nextDouble() * 3;
      double ei = Acquisition.expectedImprovement(mean, sigma, best);
      assertTrue(ei >= Math.max(mean - best, 0) - 1e-6, "EI is at least the plain improvement");
      assertTrue(Acquisition.expectedImprovement(mean + 0.1, sigma, best) >= ei - 1e-9);
      assertTrue(Acquisition.expectedImprovement(mean, sigma + 0.1, best) >= ei - 1e-9);
    }
  }

  @Test
  void bestMeasuredIsTheLargestLabelOrZero() {
    assertEquals(0, Acquisition.bestMeasured(new double[0]));
    assertEquals(0, Acquisition.bestMeasured(new double[] {0, 0}));
    assertEquals(2.5, Acquisition.bestMeasured(new double[] {0.2, 2.5, 1.5}));
  }

  @Test
  void missingUncertaintyIsAOneLineInputError() {
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> Acquisition.UCB.scores(MEAN, null, null, Acquisition.Parameters.defaults()));
    assertEquals("acquisition ucb needs the uncertainty of the predictions (sigma), which this model does not give", e.getMessage());
    assertThrows(GfaInputException.class, () -> Acquisition.PBMG.scores(MEAN, SIGMA, null, Acquisition.Parameters.defaults()));
    assertThrows(IllegalArgumentException.class,
        () -> Acquisition.EXPLORE.scores(MEAN, new double[] {1, -1, 0, 0}, null, Acquisition.Parameters.defaults()));
    assertThrows(IllegalArgumentException.class, () -> Acquisition.TOP.scores(new double[] {Double.NaN}, null, null,
        Acquisition.Parameters.defaults()));
    assertThrows(GfaInputException.class, () -> new Acquisition.Parameters(-1, 0));
  }
}

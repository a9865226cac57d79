package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchSelectionTest {
  private static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");
  private static final TernaryGrid GRID = TernaryGrid.of(ZR_AL_CU);
  private static final CompositionBounds NONE = CompositionBounds.none(ZR_AL_CU);

  /** A random field: a few Gaussian bumps plus noise, so regions are uneven and sometimes split. */
  private static double[] field(long seed) {
    Random r = new Random(seed);
    double[] p = new double[GRID.size()];
    int bumps = 1 + r.nextInt(4);
    double noise = r.nextDouble() * 0.3;
    double[][] centres = new double[bumps][];
    for (int k = 0; k < bumps; k++) {
      double a = r.nextDouble() * 100;
      double b = r.nextDouble() * (100 - a);
      centres[k] = new double[] {a, b, 100 - a - b, 0.5 + r.nextDouble() * 2, 50 + r.nextDouble() * 400};
    }
    for (int i = 0; i < p.length; i++) {
      for (double[] c : centres) {
        double d2 = sq(GRID.a(i) - c[0]) + sq(GRID.b(i) - c[1]) + sq(GRID.c(i) - c[2]);
        p[i] += c[3] * Math.exp(-d2 / c[4]);
      }
      p[i] += noise * r.nextGaussian();
    }
    return p;
  }

  private static double sq(double x) {
    return x * x;
  }

  @Test
  void topWithTwoCandidatesIsTodaysPairOnRandomFields() {
    for (long seed = 1; seed <= 40; seed++) {
      double[] p = field(seed);
      List<Candidate> pair = TernarySelection.select(GRID, p, TernarySelection.Options.paper()).candidates();
      List<BatchSelection.Proposal> batch = BatchSelection.propose(GRID, p, null, null, Acquisition.TOP,
          Acquisition.Parameters.defaults(), BatchSelection.Options.paper(2, NONE));
      assertEquals(2, batch.size());
      for (int k = 0; k < 2; k++) {
        assertEquals(pair.get(k).index(), batch.get(k).index(), "seed " + seed + " candidate " + (k + 1));
        assertEquals(pair.get(k).reason(), batch.get(k).reason());
        assertEquals(pair.get(k).predicted(), batch.get(k).score());
      }
    }
  }

  @Test
  void measuredAndPendingAreLeftOutAsTodaysExclusions() {
    for (long seed = 1; seed <= 10; seed++) {
      double[] p = field(seed);
      List<Candidate> first = TernarySelection.select(GRID, p, TernarySelection.Options.paper()).candidates();
      List<Composition> measured = List.of(first.get(0).composition());
      List<Composition> pending = List.of(first.get(1).composition(), Composition.parse("Ni50Cu50"));
      List<Candidate> pair = TernarySelection.select(GRID, p, new TernarySelection.Options(5, 5,
          List.of(first.get(0).composition(), first.get(1).composition()))).candidates();
      List<BatchSelection.Proposal> batch = BatchSelection.propose(GRID, p, "prediction",
          BatchSelection.Options.paper(6, NONE).with(measured, pending));
      assertEquals(pair.get(0).index(), batch.get(0).index());
      assertEquals(pair.get(1).index(), batch.get(1).index());
      for (BatchSelection.Proposal b : batch) {
        assertFalse(measured.contains(b.composition()) || pending.contains(b.composition()), b.composition().format());
      }
    }
  }

  @Test
  void aBatchIsDistinctSpreadOutAndWithinTheBounds() {
    CompositionBounds bounds = CompositionBounds.parse("Zr=20..70,Al<=25", ZR_AL_CU);
    for (long seed = 1; seed <= 20; seed++) {
      double[] p = field(seed);
      List<BatchSelection.Proposal> batch = BatchSelection.propose(GRID, p, "prediction", BatchSelection.Options.paper(6, bounds));
      assertEquals(6, batch.size());
      Set<Integer> seen = new HashSet<>();
      for (BatchSelection.Proposal b : batch) {
        assertTrue(bounds.allows(b.atPercent()), b.composition().format());
        assertTrue(TernarySelection.onLattice(GRID, b.index(), 5));
        assertTrue(seen.add(b.index()));
        assertEquals(b.rank(), seen.size());
      }
      assertEquals(1, BatchSelection.latticeDistance(GRID, batch.get(0).index(), batch.get(1).index(), 5));
      for (int k = 2; k < batch.size(); k++) {
        for (int j = 0; j < k; j++) {
          int d = BatchSelection.latticeDistance(GRID, batch.get(k).index(), batch.get(j).index(), 5);
          assertTrue(d >= 2 || batch.get(k).reason().contains("no point is 2 steps"), "seed " + seed + ": " + d);
        }
      }
    }
  }

  @Test
  void laterCandidatesAreTheBestPointsFarEnoughFromTheEarlierOnes() {
    // A single peak at Zr20 Al20 Cu60, falling off with distance: candidate 3 sits two steps away.
    double[] p = new double[GRID.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = -(sq(GRID.a(i) - 20) + sq(GRID.b(i) - 20) + sq(GRID.c(i) - 60));
    }
    List<BatchSelection.Proposal> batch = BatchSelection.propose(GRID, p, "prediction", BatchSelection.Options.paper(3, NONE));
    assertEquals(Composition.parse("Zr20Al20Cu60"), batch.get(0).composition());
    assertEquals(2, BatchSelection.latticeDistance(GRID, batch.get(2).index(), batch.get(0).index(), 5));
    assertTrue(batch.get(2).reason().startsWith("highest prediction on the 5 at.% lattice at least 2 lattice steps (10 at.%) from candidates 1..2"),
        batch.get(2).reason());
  }

  @Test
  void theSpacingShrinksWhenTheBoundsLeaveNoRoom() {
    CompositionBounds small = CompositionBounds.parse("Zr=30..35,Al=30..35", ZR_AL_CU); // 4 lattice points
    List<BatchSelection.Proposal> batch = BatchSelection.propose(GRID, field(3), "prediction", BatchSelection.Options.paper(4, small));
    assertEquals(4, batch.stream().map(BatchSelection.Proposal::index).distinct().count());
    assertTrue(batch.get(3).reason().endsWith("; no point is 2 steps from all of them"), batch.get(3).reason());
  }

  @Test
  void theOnlyPointLeftIsProposedAlone() {
    CompositionBounds one = CompositionBounds.parse("Zr=30..30,Al=30..30", ZR_AL_CU);
    List<BatchSelection.Proposal> batch = BatchSelection.propose(GRID, field(1), "prediction", BatchSelection.Options.paper(1, one));
    assertEquals(Composition.parse("Zr30Al30Cu40"), batch.get(0).composition());
  }

  @Test
  void otherAcquisitionsRankByTheirScore() {
    double[] mean = new double[GRID.size()];
    double[] sigma = new double[GRID.size()];
    int uncertain = GRID.indexOf(70, 10);
    sigma[uncertain] = 5;
    for (int i = 0; i < mean.length; i++) {
      mean[i] = -(sq(GRID.a(i) - 20) + sq(GRID.b(i) - 20)) / 1000.0;
    }
    List<BatchSelection.Proposal> explore = BatchSelection.propose(GRID, mean, sigma, null, Acquisition.EXPLORE,
        Acquisition.Parameters.defaults(), BatchSelection.Options.paper(2, NONE));
    assertEquals(uncertain, explore.get(0).index());
    assertTrue(explore.get(0).reason().contains("highest explore score"), explore.get(0).reason());
    List<BatchSelection.Proposal> top = BatchSelection.propose(GRID, mean, sigma, null, Acquisition.TOP,
        Acquisition.Parameters.defaults(), BatchSelection.Options.paper(2, NONE));
    assertEquals(Composition.parse("Zr20Al20Cu60"), top.get(0).composition());
  }

  @Test
  void badBatchSizesAreOneLineErrors() {
    GfaInputException zero = assertThrows(GfaInputException.class, () -> BatchSelection.Options.paper(0, NONE));
    assertEquals("number of candidates 0 is below 1; propose at least one alloy", zero.getMessage());
    GfaInputException many = assertThrows(GfaInputException.class,
        () -> BatchSelection.propose(GRID, field(1), "prediction", BatchSelection.Options.paper(172, NONE)));
    assertEquals("172 candidates asked, but the 5 at.% lattice holds only 171 alloys with all three elements", many.getMessage());
    CompositionBounds bounds = CompositionBounds.parse("Zr=30..35,Al=30..35", ZR_AL_CU);
    GfaInputException left = assertThrows(GfaInputException.class, () -> BatchSelection.propose(GRID, field(1), "prediction",
        BatchSelection.Options.paper(4, bounds).with(List.of(Composition.parse("Zr30Al30Cu40")), List.of())));
    assertEquals("4 candidates asked, but the 5 at.% lattice holds only 3 alloys with all three elements within the bounds "
        + "Zr=30..35,Al=30..35 that are neither measured nor pending", left.getMessage());
    assertThrows(GfaInputException.class, () -> BatchSelection.propose(GRID, field(1), "prediction",
        BatchSelection.Options.paper(1, CompositionBounds.parse("Zr=31..34", ZR_AL_CU))));
  }

  @Test
  void theWholeLatticeCanBeProposed() {
    List<BatchSelection.Proposal> all = BatchSelection.propose(GRID, field(2), "prediction", BatchSelection.Options.paper(171, NONE));
    assertEquals(171, all.stream().map(BatchSelection.Proposal::index).distinct().count());
  }
}

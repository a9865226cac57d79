package gfa.models.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.pruning.TernarySystem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategySummaryTest {
  static final TernarySystem SYSTEM = TernarySystem.parse("Zr-Al-Cu");

  /** Three repeats of two rounds: best found in round 1, in round 2, never. */
  @Test
  void roundsToBestOverTheRepeatsThatFoundIt() {
    SystemPool pool = new SystemPool(SYSTEM, new int[] {0, 1, 2},
        List.of(Composition.parse("Zr50Al10Cu40"), Composition.parse("Zr40Al20Cu40"), Composition.parse("Zr30Al30Cu40")),
        new double[] {10, 2, 0.5});
    double[][] best = {{2, 10, 10}, {0.5, 2, 9.5}, {0.5, 2, 2}};
    List<SimulatedRound> rounds = new ArrayList<>();
    for (int rep = 0; rep < 3; rep++) {
      for (int round = 0; round < 3; round++) {
        double b = best[rep][round];
        rounds.add(new SimulatedRound(SYSTEM, Strategy.RANDOM, rep + 1, round, List.of(), new double[0], b, b >= pool.target(),
            round + 1, b >= 1 ? round + 1 : 0));
      }
    }
    CampaignSimulation.SystemResult result = new CampaignSimulation.SystemResult(pool, 100, null, rounds, 0);
    StrategySummary s = StrategySummary.of(result, Strategy.RANDOM, 2);
    assertEquals(3, s.repeats());
    assertEquals(2, s.found());
    assertEquals(1.5, s.roundsToBestMean(), 1e-12);
    assertEquals(Math.sqrt(0.5), s.roundsToBestSd(), 1e-12);
    assertEquals((1 + 2 + 3) / 3.0, s.censoredMean(), 1e-12);
    assertArrayEquals(new double[] {1, 14 / 3.0, 21.5 / 3}, s.meanBest(), 1e-12);
    assertEquals((3 + 3 + 3) / 3.0, s.meanGlasses(), 1e-12);
    assertTrue(Double.isNaN(StrategySummary.of(new CampaignSimulation.SystemResult(pool, 100, null, rounds.subList(6, 9), 0),
        Strategy.RANDOM, 2).roundsToBestMean()));
  }
}

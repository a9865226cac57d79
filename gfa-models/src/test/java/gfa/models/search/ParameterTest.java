package gfa.models.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.models.search.Parameter.Choice;
import gfa.models.search.Parameter.LogUniform;
import gfa.models.search.Parameter.QUniform;
import gfa.models.search.Parameter.Uniform;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTest {
  @Test
  void quantisedGridIsDecimalWithoutFloatNoise() {
    QUniform gamma = new QUniform("gamma", 0.1, 0.45, 0.005);
    assertEquals(71, gamma.size());
    assertEquals("0.105", Double.toString(gamma.value(1))); // 0.1 + 0.005 = 0.10500000000000001 in binary arithmetic
    assertEquals(0.45, gamma.value(70));
    assertEquals(7, gamma.index(0.135));
    assertEquals(0, gamma.index(-3)); // outside: nearest end
    assertEquals(70, gamma.index(9));
  }

  @Test
  void everyGridPointOfThePaperSpacesPrintsWithTheStepsDecimals() {
    for (QUniform q : PaperSpaces.allQuantised()) {
      int decimals = Math.max(BigDecimal.valueOf(q.step()).stripTrailingZeros().scale(), 0);
      for (int k = 0; k < q.size(); k++) {
        double v = q.value(k);
        BigDecimal printed = new BigDecimal(Double.toString(v));
        assertTrue(printed.stripTrailingZeros().scale() <= decimals, q.name() + " point " + k + " prints as " + v);
        assertTrue(v >= q.low() && v <= q.high(), q.name() + " point " + v);
        assertTrue(q.admits(v));
      }
    }
  }

  @Test
  void aLastGridPointBeyondHighIsClippedToHigh() {
    QUniform q = new QUniform("x", 0, 1, 0.3);
    assertEquals(5, q.size());
    assertEquals(List.of(0.0, 0.3, 0.6, 0.9, 1.0), List.of(q.value(0), q.value(1), q.value(2), q.value(3), q.value(4)));
    assertEquals(101, new QUniform("n_estimators", 50, 550, 5).size());
  }

  @Test
  void admitsOnlyValuesOfTheRightTypeRangeAndGrid() {
    QUniform q = new QUniform("n", 2, 10, 1);
    assertTrue(q.admits(3.0));
    assertFalse(q.admits(3.5)); // off the grid
    assertFalse(q.admits(11.0));
    assertFalse(q.admits(3)); // Integer, not Double
    assertTrue(new Uniform("x", 0, 1).admits(1.0));
    assertFalse(new Uniform("x", 0, 1).admits(1.0000001));
    assertTrue(new LogUniform("C", 1e-3, 1e3).admits(0.001));
    assertFalse(new LogUniform("C", 1e-3, 1e3).admits(0.0));
    Choice kernel = new Choice("kernel", List.of("rbf", "linear"));
    assertTrue(kernel.admits("linear"));
    assertFalse(kernel.admits("poly"));
    assertEquals(1, kernel.index("linear"));
  }

  @Test
  void refusesMeaninglessDefinitions() {
    assertThrows(IllegalArgumentException.class, () -> new Uniform("x", 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Uniform("x", 0, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new QUniform("x", 0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new QUniform("x", 0, 1, -0.1));
    assertThrows(IllegalArgumentException.class, () -> new QUniform("", 0, 1, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new LogUniform("C", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Choice("k", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Choice("k", List.of("a", "a")));
    assertThrows(IllegalArgumentException.class, () -> SearchSpace.of(new Uniform("x", 0, 1), new Uniform("x", 0, 2)));
    assertThrows(IllegalArgumentException.class, SearchSpace::of);
  }

  @Test
  void searchSpaceAdmitsExactlyItsParametersInOrder() {
    SearchSpace space = SearchSpace.of(new Uniform("a", 0, 1), new Choice("b", List.of("x", "y")));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("a", 0.5);
    params.put("b", "y");
    assertTrue(space.admits(params));
    Map<String, Object> reversed = new LinkedHashMap<>();
    reversed.put("b", "y");
    reversed.put("a", 0.5);
    assertFalse(space.admits(reversed));
    assertEquals(List.of("a", "b"), space.names());
    assertThrows(IllegalArgumentException.class, () -> space.parameter("c"));
  }

  @Test
  void trialValuesAreTypedAndOrdered() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("n_estimators", 150.0);
    params.put("learning_rate", 0.052);
    params.put("kernel", "rbf");
    Trial t = new Trial(3, params, 0.7, 1.5);
    assertEquals(150, t.intValue("n_estimators"));
    assertEquals(0.052, t.doubleValue("learning_rate"));
    assertEquals("rbf", t.stringValue("kernel"));
    assertEquals(List.of("n_estimators", "learning_rate", "kernel"), List.copyOf(t.params().keySet()));
    assertThrows(IllegalArgumentException.class, () -> t.intValue("learning_rate"));
    assertThrows(IllegalArgumentException.class, () -> t.doubleValue("kernel"));
    assertThrows(IllegalArgumentException.class, () -> t.doubleValue("missing"));
    assertThrows(UnsupportedOperationException.class, () -> t.params().put("x", 1.0));
    params.put("later", 1.0); // the trial keeps its own copy
    assertEquals(3, t.params().size());
    assertFalse(t.failed());
    assertTrue(new Trial(0, params, Double.POSITIVE_INFINITY, 0).failed());
    assertThrows(IllegalArgumentException.class, () -> new Trial(0, params, Double.NaN, 0));
  }

  @Test
  void budgetsOfThePaper() {
    assertEquals(new Budget(500, 100, null), Budget.paper());
    assertEquals(new Budget(300, 50, null), Budget.fusionPaper());
    assertEquals(Duration.ofMinutes(5), Budget.paper().withWallTime(Duration.ofMinutes(5)).wallTime());
    assertThrows(IllegalArgumentException.class, () -> new Budget(0, 0, null));
    assertThrows(IllegalArgumentException.class, () -> new Budget(10, -1, null));
    assertThrows(IllegalArgumentException.class, () -> new Budget(10, 0, Duration.ZERO));
  }

  @Test
  void hyperoptsRuleForTheNumberOfGoodTrials() {
    TpeOptions o = TpeOptions.defaults(0);
    assertEquals(new TpeOptions(20, 0.25, 24, 1.0, 0), o);
    assertEquals(1, o.goodTrials(16)); // ceil(0.25 * 4)
    assertEquals(2, o.goodTrials(20)); // ceil(1.118)
    assertEquals(3, o.goodTrials(100)); // ceil(2.5)
    assertEquals(6, o.goodTrials(500)); // ceil(5.59)
    assertEquals(25, o.goodTrials(40_000)); // capped
    assertThrows(IllegalArgumentException.class, () -> new TpeOptions(20, 0, 24, 1.0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TpeOptions(20, 0.25, 0, 1.0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TpeOptions(20, 0.25, 24, 0, 0));
  }
}

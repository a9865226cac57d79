package gfa.models.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstPointsTest {
  @Test
  void givenPointsAreEvaluatedFirstThenTpeTakesOver() throws Exception {
    SearchSpace space = SearchSpace.of(new Parameter.QUniform("x", 0, 10, 0.5), new Parameter.QUniform("y", 0, 10, 0.5));
    Map<String, Object> first = Map.of("x", 3.0, "y", 7.5);
    SearchResult r =
        Tpe.minimize(space, p -> Math.abs((Double) p.get("x") - 2) + Math.abs((Double) p.get("y") - 2), Budget.trials(25),
            TpeOptions.defaults(1), null, List.of(first));
    assertEquals(25, r.trials().size());
    assertEquals(3.0, r.trials().get(0).doubleValue("x"));
    assertEquals(7.5, r.trials().get(0).doubleValue("y"));
    assertTrue(r.best().loss() < r.trials().get(0).loss(), "the search improves on the given point");
    SearchResult again =
        Tpe.minimize(space, p -> Math.abs((Double) p.get("x") - 2) + Math.abs((Double) p.get("y") - 2), Budget.trials(25),
            TpeOptions.defaults(1), null, List.of(first));
    assertEquals(r.trials().stream().map(Trial::params).toList(), again.trials().stream().map(Trial::params).toList());
  }
}

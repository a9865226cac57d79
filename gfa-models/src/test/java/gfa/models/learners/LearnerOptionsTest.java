package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each learner's typed options: built from the search's maps, checked, and written without integers as doubles. */
class LearnerOptionsTest {

  @Test
  void valuesFollowTheSpaceWithIntegersForWholeNumberedRanges() {
    for (Learner learner : Learners.all()) {
      LearnerOptions o = LearnerOptions.defaults(learner.id());
      assertEquals(learner.id(), o.learner());
      assertEquals(learner.space().names(), List.copyOf(o.values().keySet()), learner.id());
      for (QRange range : learner.space().ranges()) {
        Number v = o.values().get(range.name());
        Class<?> expected = range.integer() ? Integer.class : Double.class;
        assertEquals(expected, v.getClass(), learner.id() + " " + range.name());
        assertEquals(((Number) learner.defaults().get(range.name())).doubleValue(), v.doubleValue(), 0.0);
      }
    }
  }

  @Test
  void theSearchsDoublesBecomeTypedFieldsAndBack() {
    Map<String, Object> point = new HashMap<>(Map.of("n_estimators", 305.0, "num_leaves", 115.0, "learning_rate", 0.26,
        "min_child_samples", 7.0, "reg_alpha", 1.5, "reg_lambda", 42.0, "subsample", 0.7));
    LightgbmOptions o = LightgbmOptions.of(point);
    assertEquals(new LightgbmOptions(305, 115, 0.26, 7, 1.5, 42.0, 0.7), o);
    assertEquals(o, LearnerOptions.of("lightgbm", o.values()));
    assertEquals(new SvrOptions(23, 0.2, 0.1), SvrOptions.of(Map.of("C", 23)));
    assertEquals(new ForestOptions(100, 29, 55, 2, 0.0), LearnerOptions.defaults("rf"));
  }

  @Test
  void writtenWholeNumbersAreJsonIntegers() {
    ObjectNode node = new ObjectMapper().createObjectNode();
    new XgboostOptions(150, 0.3, 1, 1, 0, 1, 1, 6, 1).writeTo(node);
    assertEquals("{\"n_estimators\":150,\"learning_rate\":0.3,\"colsample_bytree\":1.0,\"colsample_bynode\":1.0,"
        + "\"gamma\":0.0,\"reg_lambda\":1.0,\"min_child_weight\":1.0,\"max_depth\":6,\"subsample\":1.0}", node.toString());
  }

  @Test
  void badValuesAreRefusedWhenBuilt() {
    assertRefused("whole number", () -> LearnerOptions.of("rf", Map.of("max_depth", 8.5)));
    assertRefused("unknown parameter 'depth'", () -> LearnerOptions.of("rf", Map.of("depth", 8)));
    assertRefused("not a finite number", () -> LearnerOptions.of("xgboost", Map.of("gamma", Double.NaN)));
    assertRefused("not a finite number", () -> new XgboostOptions(150, Double.POSITIVE_INFINITY, 1, 1, 0, 1, 1, 6, 1));
    assertRefused("unknown learner", () -> LearnerOptions.of("gbm", Map.of()));
    // the libraries' own bounds
    assertRefused("C and gamma must be > 0", () -> new SvrOptions(0, 0.2, 0.1));
    assertRefused("epsilon = -0.1 must be >= 0", () -> new SvrOptions(1, 0.2, -0.1));
    assertRefused("min_samples_split = 1 must be >= 2", () -> new ForestOptions(100, 29, 55, 1, 0));
    assertRefused("num_leaves = 1 must be >= 2", () -> new LightgbmOptions(100, 1, 0.1, 20, 0, 0, 1));
    assertRefused("n_estimators = 0 must be >= 1", () -> new XgboostOptions(0, 0.3, 1, 1, 0, 1, 1, 6, 1));
  }

  @Test
  void aFitRefusesWhatTheOptionsRefuse() {
    double[][] x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
    double[] y = {1, 2, 3, 4};
    assertRefused("min_samples_split = 1", () -> new RandomForestLearner().fit(x, y, Map.of("min_samples_split", 1.0), 1, 1));
  }

  private static void assertRefused(String message, org.junit.jupiter.api.function.Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}

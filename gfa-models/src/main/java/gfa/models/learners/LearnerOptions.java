package gfa.models.learners;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The hyperparameters of one learner as a typed value (as Smile's {@code RandomForest.Options}):
 * whole numbers are {@code int}s, the rest {@code double}s, checked when built. The search samples
 * plain maps ({@link gfa.models.search.Tpe}); a map becomes options at the boundary, {@link
 * #of(String, Map)}, with the checks a fit makes: known names, finite numbers, whole numbers where
 * the library takes one, and the library's own lower bounds. Values outside the search space's
 * bounds are allowed: the space bounds the search, not the library.
 */
public sealed interface LearnerOptions permits SvrOptions, ForestOptions, XgboostOptions, LightgbmOptions {

  /** The learner these options are for: {@code svr}, {@code rf}, {@code xgboost} or {@code lightgbm}. */
  String learner();

  /**
   * The values by the names of the learner's {@link ParamSpace}, in its order: an {@link Integer}
   * for a whole-numbered parameter, a {@link Double} otherwise.
   */
  Map<String, Number> values();

  /**
   * The options of learner {@code id} from values by name (any {@link Number}; a missing name
   * takes the learner's default).
   *
   * @throws IllegalArgumentException for an unknown learner or name, or a value the learner refuses
   */
  static LearnerOptions of(String id, Map<String, ?> values) {
    return switch (id) {
      case "svr" -> SvrOptions.of(values);
      case "rf" -> ForestOptions.of(values);
      case "xgboost" -> XgboostOptions.of(values);
      case "lightgbm" -> LightgbmOptions.of(values);
      default -> throw new IllegalArgumentException("unknown learner '" + id + "'");
    };
  }

  /** The learner's defaults ({@link Learner#defaults()}) as options. */
  static LearnerOptions defaults(String id) {
    return of(id, Map.of());
  }

  /** Writes {@link #values()} into {@code node}: whole numbers as JSON integers, the rest as doubles. */
  default void writeTo(ObjectNode node) {
    values().forEach((name, v) -> {
      if (v instanceof Integer i) {
        node.put(name, i.intValue());
      } else {
        node.put(name, v.doubleValue());
      }
    });
  }
}

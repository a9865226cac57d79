package gfa.models.search;

import java.util.Map;

/**
 * The function a search minimises: a loss for one set of hyperparameters (mean 5-fold CV RMSE for
 * the learners; the fusion weights maximise CV R², so their objective returns {@code -R²}).
 *
 * <p>A NaN or infinite loss marks a failed trial: it is recorded with loss {@code +inf} and the
 * search goes on. An exception ends the whole search and reaches the caller unchanged.
 */
@FunctionalInterface
public interface Objective {
  /**
   * The loss for {@code params}, an immutable map in the search space's parameter order: {@link
   * Double} for numeric parameters, {@link String} for {@link Parameter.Choice}s.
   */
  double evaluate(Map<String, Object> params) throws Exception;
}

package gfa.models.learners;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained regression model: immutable, and safe to call from several threads at once. It knows
 * the number of descriptors it was trained on and refuses rows of another width.
 */
public interface FittedModel extends AutoCloseable {
  /**
   * Predicts D_max for each row.
   *
   * @param x rows standardised like the training rows, each as wide as the training rows, finite
   * @throws IllegalArgumentException for rows of the wrong width or non-finite values
   * @throws IllegalStateException after {@link #close()}
   */
  double[] predict(double[][] x);

  /**
   * Writes the model in gfa's own format (SVR, forest) or its library's (XGBoost, LightGBM), see
   * {@code docs/model-format.md}, atomically: a
   * temporary file beside {@code file} is renamed into place when complete.
   */
  void save(Path file) throws IOException;

  /** Frees the native memory of the model, if any; idempotent. */
  @Override
  void close();
}

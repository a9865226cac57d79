package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.math.kernel.GaussianKernel;

/** SVR: scikit-learn's RBF kernel in Smile's parametrisation. */
class SvrLearnerTest {
  private static final SyntheticRegression DATA = SyntheticRegression.generate(7);

  @Test
  void smilesGaussianWidthGivesScikitLearnsKernel() {
    double[] a = {0.3, -1.2, 2.0, 0.0, 0.7};
    double[] b = {-0.4, 0.1, 1.1, 0.9, -0.2};
    double squared = 0;
    for (int j = 0; j < a.length; j++) {
      squared += (a[j] - b[j]) * (a[j] - b[j]);
    }
    for (double gamma : new double[] {0.1, 0.25, 0.45}) {
      double sklearn = Math.exp(-gamma * squared);
      assertEquals(sklearn, new GaussianKernel(SvrLearner.sigma(gamma)).k(a, b), 1e-14 * sklearn + 1e-300);
    }
  }

  @Test
  void theModelIsTheSameForAnyNumberOfThreads() {
    SvrLearner svr = new SvrLearner();
    try (FittedModel one = svr.fit(DATA.trainX(), DATA.trainY(), Map.of(), 0, 1);
        FittedModel three = svr.fit(DATA.trainX(), DATA.trainY(), Map.of(), 0, 3)) {
      assertArrayEquals(one.predict(DATA.testX()), three.predict(DATA.testX()));
    }
  }
}

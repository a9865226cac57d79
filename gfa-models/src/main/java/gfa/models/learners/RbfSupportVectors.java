package gfa.models.learners;

import gfa.models.learners.svm.RbfExpansion;
import gfa.models.learners.svm.SvrSolution;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;

/**
 * A fitted RBF support vector regression as plain numbers: {@code f(x) = b + sum_i w_i exp(-gamma
 * |x - v_i|^2)}, saved in gfa's own format {@value #HEADER} (docs/model-format.md). It predicts
 * through {@link RbfExpansion} (the support vectors as one matrix). Models fitted by Smile, which
 * older gfa releases saved, predict as Smile's machine did up to rounding: Smile computes the
 * kernel as {@code exp(-0.5 (sqrt(d) / sigma)^2)}, this {@code exp(-gamma d)}, a few units in the
 * last place apart.
 *
 * @param width the number of descriptors, or {@link #ANY_WIDTH} for a constant model without
 *     support vectors read from an old file, which did not record it
 * @param gamma scikit-learn's gamma
 */
record RbfSupportVectors(int width, double gamma, double intercept, double[] coefficients, double[][] vectors) {
  static final String HEADER = "gfa-svr/1";
  static final int ANY_WIDTH = 0;

  /** The model gfa's solver found on the training rows {@code x}: rows with a non-zero weight. */
  static RbfSupportVectors of(SvrSolution solution, double[][] x, double gamma, int width) {
    int[] support = solution.supportVectors();
    double[] coefficients = new double[support.length];
    double[][] vectors = new double[support.length][];
    for (int s = 0; s < support.length; s++) {
      coefficients[s] = solution.coefficient(support[s]);
      vectors[s] = x[support[s]].clone();
    }
    return new RbfSupportVectors(width, gamma, -solution.rho(), coefficients, vectors);
  }

  /** A model of an old file, which recorded only Smile's width: gamma follows from it. */
  static RbfSupportVectors ofLegacy(KernelMachine<double[]> machine) {
    double sigma = ((GaussianKernel) machine.kernel()).scale();
    double[][] vectors = machine.vectors();
    int width = vectors.length == 0 ? ANY_WIDTH : vectors[0].length;
    return new RbfSupportVectors(width, 1 / (2 * sigma * sigma), machine.intercept(), machine.weights(), vectors);
  }

  /** The fitted function in the form that evaluates it fast. */
  RbfExpansion expansion() {
    return new RbfExpansion(vectors.length == 0 ? 0 : width, gamma, intercept, coefficients, vectors);
  }

  void save(Path file) throws IOException {
    GfaModelFile.write(file, HEADER, out -> {
      out.writeInt(width);
      out.writeInt(vectors.length);
      out.writeDouble(gamma);
      out.writeDouble(intercept);
      GfaModelFile.writeAll(out, coefficients);
      for (double[] v : vectors) {
        GfaModelFile.writeAll(out, v);
      }
    });
  }

  static RbfSupportVectors read(Path file, byte[] bytes) throws IOException {
    GfaModelFile.Reader in = new GfaModelFile.Reader(file, bytes, HEADER, "svr");
    int width = in.int32();
    int count = in.int32();
    double gamma = in.float64();
    double intercept = in.float64();
    if (width < 0 || (width == ANY_WIDTH && count != 0)) {
      throw in.corrupt("width " + width + " with " + count + " support vectors");
    }
    if (!(gamma > 0) || Double.isInfinite(gamma) || !Double.isFinite(intercept)) {
      throw in.corrupt("gamma " + gamma + ", intercept " + intercept);
    }
    double[] coefficients = in.float64s(count);
    double[][] vectors = new double[count][];
    for (int i = 0; i < count; i++) {
      vectors[i] = in.float64s(width);
    }
    in.end();
    return new RbfSupportVectors(width, gamma, intercept, coefficients, vectors);
  }
}

package gfa.models.learners;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;

/**
 * A fitted RBF support vector regression as plain numbers: {@code f(x) = b + sum_i w_i exp(-gamma
 * |x - v_i|^2)}. It predicts with exactly the arithmetic of Smile 4.4's {@link KernelMachine} with
 * a {@link GaussianKernel} of width {@code sigma = sqrt(1 / (2 gamma))} (the distance is the
 * square root of the squared differences summed in column order, the kernel {@code exp(-0.5 (d /
 * sigma)^2)}, the terms added to b in support-vector order), so its predictions are bit-identical
 * to Smile's; and it is saved in gfa's own format {@value #HEADER} (docs/model-format.md).
 *
 * @param width the number of descriptors, or {@link #ANY_WIDTH} for a constant model without
 *     support vectors read from an old file, which did not record it
 * @param gamma scikit-learn's gamma
 * @param sigma Smile's Gaussian width, the one the arithmetic uses
 */
record RbfSupportVectors(int width, double gamma, double sigma, double intercept, double[] coefficients, double[][] vectors) {
  static final String HEADER = "gfa-svr/1";
  static final int ANY_WIDTH = 0;

  /** The model Smile fitted for scikit-learn's {@code gamma}. */
  static RbfSupportVectors of(KernelMachine<double[]> machine, double gamma, int width) {
    double sigma = ((GaussianKernel) machine.kernel()).scale();
    return new RbfSupportVectors(width, gamma, sigma, machine.intercept(), machine.weights(), machine.vectors());
  }

  /** A model of an old file, which recorded only Smile's width: gamma follows from it. */
  static RbfSupportVectors ofLegacy(KernelMachine<double[]> machine) {
    double sigma = ((GaussianKernel) machine.kernel()).scale();
    double[][] vectors = machine.vectors();
    int width = vectors.length == 0 ? ANY_WIDTH : vectors[0].length;
    return new RbfSupportVectors(width, 1 / (2 * sigma * sigma), sigma, machine.intercept(), machine.weights(), vectors);
  }

  double predict(double[] x) {
    double f = intercept;
    for (int i = 0; i < vectors.length; i++) {
      double[] v = vectors[i];
      double squared = 0;
      for (int j = 0; j < v.length; j++) {
        double d = x[j] - v[j];
        squared += d * d;
      }
      double r = Math.sqrt(squared) / sigma;
      f += coefficients[i] * Math.exp(-0.5 * r * r);
    }
    return f;
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
    return new RbfSupportVectors(width, gamma, SvrLearner.sigma(gamma), intercept, coefficients, vectors);
  }
}

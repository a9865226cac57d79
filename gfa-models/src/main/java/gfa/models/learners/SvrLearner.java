package gfa.models.learners;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;
import smile.regression.SVM;

/**
 * Epsilon support vector regression with an RBF kernel (scikit-learn's {@code SVR(kernel="rbf")}),
 * fitted by Smile's SMO solver ({@link SVM#fit(Object[], double[], smile.math.kernel.MercerKernel,
 * SVM.Options)}).
 *
 * <p>scikit-learn's kernel is {@code exp(-gamma |x - x'|^2)}; Smile's {@link GaussianKernel} is
 * {@code exp(-|x - x'|^2 / (2 sigma^2))}, so {@code sigma = sqrt(1 / (2 gamma))}. {@code C} and the
 * tube width {@code epsilon} mean the same in both; the stopping tolerance is scikit-learn's
 * {@code tol = 1e-3}. Smile refuses {@code epsilon = 0} (the lower end of the paper's range), so
 * epsilon is floored at {@value #MIN_EPSILON} mm, far below the grid step of 0.002.
 *
 * <p>Threads: Smile computes kernel rows with a parallel stream, run here on {@code threads}
 * workers; the result does not depend on the number of threads. The fitted machine is kept as
 * plain numbers ({@link RbfSupportVectors}) that predict exactly as Smile does and are saved in
 * gfa's own format (docs/model-format.md), which a Smile upgrade cannot break; files of older gfa
 * releases (Java serialization of Smile's {@link KernelMachine}) still load.
 */
public final class SvrLearner implements Learner {
  /** Smile's and libsvm's convergence tolerance (scikit-learn's default {@code tol}). */
  static final double TOLERANCE = 1e-3;
  /** The smallest epsilon Smile accepts here (it refuses 0). */
  static final double MIN_EPSILON = 1e-6;

  private static final ParamSpace SPACE = ParamSpace.of(
      QRange.ofReal("C", 1, 50, 1),
      QRange.ofReal("gamma", 0.1, 0.45, 0.005),
      QRange.ofReal("epsilon", 0, 0.2, 0.002));

  private static final Map<String, Object> DEFAULTS = Map.of("C", 10.0, "gamma", 0.2, "epsilon", 0.1);

  @Override
  public String id() {
    return "svr";
  }

  @Override
  public ParamSpace space() {
    return SPACE;
  }

  @Override
  public Map<String, Object> defaults() {
    return DEFAULTS;
  }

  /** The SMO solver is sequential; only kernel rows are computed in parallel. */
  @Override
  public boolean usesThreads() {
    return false;
  }

  /** Smile's Gaussian width for scikit-learn's {@code gamma}. */
  static double sigma(double gamma) {
    return Math.sqrt(1.0 / (2.0 * gamma));
  }

  @Override
  public FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
    int width = DesignMatrix.requireTraining(x, y, threads);
    SvrOptions o = SvrOptions.of(params);
    double c = o.c();
    double gamma = o.gamma();
    double epsilon = o.epsilon();
    double[][] rows = DesignMatrix.copy(x); // the support vectors are kept by reference
    double[] targets = y.clone();
    SVM.Options options = new SVM.Options(Math.max(epsilon, MIN_EPSILON), c, TOLERANCE);
    GaussianKernel kernel = new GaussianKernel(sigma(gamma));
    // The SMO solver is deterministic: seed is not used.
    KernelMachine<double[]> machine = BoundedParallelism.call(threads, () -> SVM.fit(rows, targets, kernel, options));
    return new Model(RbfSupportVectors.of(machine, gamma, width));
  }

  @Override
  public FittedModel load(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (GfaModelFile.isJavaSerialization(bytes)) {
      return new Model(RbfSupportVectors.ofLegacy(legacy(file)));
    }
    return new Model(RbfSupportVectors.read(file, bytes));
  }

  /** A model file of gfa before its own format: Smile's machine, Java-serialized. */
  private KernelMachine<double[]> legacy(Path file) throws IOException {
    KernelMachine<?> machine = SmileModelFile.read(file, KernelMachine.class, id());
    if (!(machine.kernel() instanceof GaussianKernel) || !(machine.vectors() instanceof double[][])) {
      throw new IOException(file + " is not an svr model file (kernel " + machine.kernel() + ")");
    }
    @SuppressWarnings("unchecked")
    KernelMachine<double[]> rbf = (KernelMachine<double[]>) machine;
    return rbf;
  }

  private static final class Model implements FittedModel {
    private final RbfSupportVectors machine;
    private final int width;
    private volatile boolean closed;

    Model(RbfSupportVectors machine) {
      this.machine = machine;
      this.width = machine.width();
    }

    @Override
    public double[] predict(double[][] x) {
      if (closed) {
        throw new IllegalStateException("svr model is closed");
      }
      DesignMatrix.requireRows(x, width != RbfSupportVectors.ANY_WIDTH || x.length == 0 || x[0] == null ? width : x[0].length);
      double[] predictions = new double[x.length];
      // rows are independent and the machine is read-only: spread them over the cores (a grid of
      // 5151 points against thousands of support vectors is the slow part of a ternary map)
      java.util.stream.IntStream.range(0, x.length).parallel().forEach(i -> predictions[i] = machine.predict(x[i]));
      return predictions;
    }

    @Override
    public void save(Path file) throws IOException {
      machine.save(file);
    }

    @Override
    public void close() {
      closed = true; // pure Java: nothing to free
    }
  }
}

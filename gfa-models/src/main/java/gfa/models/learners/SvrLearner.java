package gfa.models.learners;

import gfa.models.learners.svm.EpsilonSvrSolver;
import gfa.models.learners.svm.KernelBuffers;
import gfa.models.learners.svm.KernelMatrix;
import gfa.models.learners.svm.RbfExpansion;
import gfa.models.learners.svm.SvrSolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;

/**
 * Epsilon support vector regression with an RBF kernel (scikit-learn's {@code SVR(kernel="rbf")},
 * i.e. libsvm's), fitted by gfa's own solver ({@link EpsilonSvrSolver}: libsvm's dual, working-set
 * selection, stopping rule and rho, on the whole kernel matrix of the fit held in memory).
 *
 * <p>The kernel is scikit-learn's {@code exp(-gamma |x - x'|^2)}; {@code C}, the tube width
 * {@code epsilon} (0 allowed, as in libsvm) and the stopping tolerance {@code tol = 1e-3} mean the
 * same as there. The solver is sequential and deterministic (seed and threads are not used), so a
 * cross-validation fits its folds side by side. The fitted machine is kept as plain numbers
 * ({@link RbfSupportVectors}) saved in gfa's own format (docs/model-format.md); files of older gfa
 * releases (Java serialization of Smile's {@link KernelMachine}) still load.
 */
public final class SvrLearner implements Learner {
  /** libsvm's convergence tolerance (scikit-learn's default {@code tol}). */
  static final double TOLERANCE = 1e-3;

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

  /** The SMO solver and the kernel matrix are computed on one thread. */
  @Override
  public boolean usesThreads() {
    return false;
  }

  /** Smile's Gaussian width for scikit-learn's {@code gamma} (Smile is the tests' reference). */
  static double sigma(double gamma) {
    return Math.sqrt(1.0 / (2.0 * gamma));
  }

  @Override
  public FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
    int width = DesignMatrix.requireTraining(x, y, threads);
    SvrOptions o = SvrOptions.of(params);
    // the kernel matrix's array is reused by the next fit (KernelBuffers: a search's fits would
    // otherwise leave a 105 MB array of garbage each)
    float[] buffer = KernelBuffers.take(Math.multiplyExact(x.length, x.length));
    try {
      KernelMatrix kernel = KernelMatrix.rbf(x, o.gamma(), buffer);
      SvrSolution solution = new EpsilonSvrSolver(kernel, o.c(), TOLERANCE).solve(y, o.epsilon());
      return new Model(RbfSupportVectors.of(solution, x, o.gamma(), width));
    } finally {
      KernelBuffers.give(buffer);
    }
  }

  @Override
  public void releaseReusables() {
    KernelBuffers.releaseIdle();
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
    private final RbfExpansion expansion;
    private final int width;
    private volatile boolean closed;

    Model(RbfSupportVectors machine) {
      this.machine = machine;
      this.expansion = machine.expansion();
      this.width = machine.width();
    }

    @Override
    public double[] predict(double[][] x) {
      if (closed) {
        throw new IllegalStateException("svr model is closed");
      }
      DesignMatrix.requireRows(x, width != RbfSupportVectors.ANY_WIDTH || x.length == 0 || x[0] == null ? width : x[0].length);
      // a large input (a ternary grid against thousands of support vectors) is spread over the
      // cores; the arithmetic of each row is the same either way
      return expansion.predict(x);
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

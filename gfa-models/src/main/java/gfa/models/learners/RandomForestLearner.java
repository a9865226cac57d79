package gfa.models.learners;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import smile.base.cart.Node;

/**
 * Random forest regression as scikit-learn's {@code RandomForestRegressor} grows it, the paper's
 * forest: bootstrap samples of n rows drawn with replacement, {@code max_features} descriptors tried
 * per split, exact squared-error splits, {@code max_depth}, {@code min_samples_split} and {@code
 * min_impurity_decrease} as scikit-learn applies them, trees grown depth first without a leaf limit
 * ({@link RegressionTreeGrower} states each rule).
 *
 * <p>gfa grows the trees itself. Smile's forest has neither {@code min_samples_split} nor {@code
 * min_impurity_decrease} and sorts at every node; XGBoost's and LightGBM's random-forest modes bin
 * the descriptors and sample rows without replacement, so neither is this forest (docs/learners.md).
 * The rows of a {@link TrainingSet} are ranked once ({@link RankedDescriptors}) and every trial of a
 * search reuses the ranks.
 *
 * <p>Threads and determinism: each tree draws from its own seed, derived from the fit's seed, and
 * the trees grow on {@code threads} workers; the forest, and so every prediction, is the same for
 * any number of threads. The trees are node arrays ({@link DecisionForest}) saved in gfa's own format
 * (docs/model-format.md); files of older gfa releases (Java serialization of Smile's nodes) still load.
 */
public final class RandomForestLearner implements Learner {
  private static final ParamSpace SPACE = ParamSpace.of(
      QRange.ofInteger("n_estimators", 50, 550, 5),
      QRange.ofInteger("max_features", 3, 29, 1),
      QRange.ofInteger("max_depth", 8, 55, 1),
      QRange.ofInteger("min_samples_split", 2, 10, 1),
      QRange.ofReal("min_impurity_decrease", 0, 5, 0.1));

  /** scikit-learn's defaults, where the space allows: 100 trees, all 29 descriptors, depth as deep as the space goes. */
  private static final Map<String, Object> DEFAULTS = Map.of(
      "n_estimators", 100.0,
      "max_features", 29.0,
      "max_depth", 55.0,
      "min_samples_split", 2.0,
      "min_impurity_decrease", 0.0);

  @Override
  public String id() {
    return "rf";
  }

  @Override
  public ParamSpace space() {
    return SPACE;
  }

  @Override
  public Map<String, Object> defaults() {
    return DEFAULTS;
  }

  @Override
  public FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
    DesignMatrix.requireTraining(x, y, threads);
    ForestOptions rules = rules(params, x[0].length);
    return new Model(ForestGrower.grow(RankedDescriptors.of(x, y), rules, seed, threads));
  }

  /** As the fit above; the ranks of the set's rows are computed by its first fit and reused. */
  @Override
  public FittedModel fit(TrainingSet data, Map<String, Object> params, long seed, int threads) {
    DesignMatrix.requireThreads(threads); // the rows were checked when the set was made
    ForestOptions rules = rules(params, data.width());
    return new Model(ForestGrower.grow(RankedDescriptors.of(data), rules, seed, threads));
  }

  /** The options, with {@code max_features} at most the number of descriptors (there are no more to try). */
  private static ForestOptions rules(Map<String, Object> params, int width) {
    ForestOptions o = ForestOptions.of(params);
    return new ForestOptions(o.nEstimators(), Math.min(o.maxFeatures(), width), o.maxDepth(), o.minSamplesSplit(),
        o.minImpurityDecrease());
  }

  @Override
  public FittedModel load(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (!GfaModelFile.isJavaSerialization(bytes)) {
      return new Model(DecisionForest.read(file, bytes));
    }
    // a model file of gfa before its own format: Smile's nodes, Java-serialized
    Forest forest = SmileModelFile.read(file, Forest.class, id());
    if (forest.roots() == null || forest.roots().length == 0 || forest.width() < 1) {
      throw new IOException(file + " is not an rf model file (no trees)");
    }
    try {
      return new Model(DecisionForest.of(forest.width(), forest.roots()));
    } catch (IllegalStateException | NullPointerException e) {
      throw new IOException(file + " is not an rf model file (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The file format of gfa before its own: Smile's nodes, Java-serialized. Its name and components
   * stay for reading those files.
   */
  record Forest(int width, Node[] roots) implements Serializable {}

  private static final class Model implements FittedModel {
    private final DecisionForest trees;
    private volatile boolean closed;

    Model(DecisionForest trees) {
      this.trees = trees;
    }

    @Override
    public double[] predict(double[][] x) {
      if (closed) {
        throw new IllegalStateException("rf model is closed");
      }
      DesignMatrix.requireRows(x, trees.width());
      return trees.predict(x);
    }

    @Override
    public void save(Path file) throws IOException {
      trees.save(file);
    }

    @Override
    public void close() {
      closed = true; // pure Java: nothing to free
    }
  }
}

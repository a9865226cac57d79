package gfa.models.learners;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.math.MathEx;
import smile.regression.RandomForest;
import smile.regression.RegressionTree;

/**
 * Random forest regression as scikit-learn's {@code RandomForestRegressor} grows it (bootstrap
 * samples of size n drawn with replacement, {@code max_features} descriptors tried per split,
 * squared-error splits, trees grown depth first without a leaf limit), built by Smile's
 * {@link RandomForest#fit(Formula, DataFrame, RandomForest.Options)}.
 *
 * <p>Two of scikit-learn's stopping rules have no Smile option and are applied to Smile's trees
 * afterwards, top-down, which gives exactly scikit-learn's trees (each rule decides a node from
 * that node alone, so stopping early and cutting afterwards agree): a node is made a leaf if fewer
 * than {@code min_samples_split} distinct training rows reach it, or if its split decreases the
 * weighted impurity, {@code (RSS_node - RSS_left - RSS_right) / n}, by less than
 * {@code min_impurity_decrease}. Counting distinct rows needs each tree's bootstrap sample, which
 * is re-drawn here from the tree's seed exactly as Smile draws it, and checked against Smile's own
 * node counts. Smile's {@code nodeSize} is scikit-learn's {@code min_samples_leaf} (children of at
 * least nodeSize rows), so it stays 1, scikit-learn's default. scikit-learn's {@code max_depth = d}
 * (root at depth 0) is Smile's {@code maxDepth = d + 1} (root at depth 1).
 *
 * <p>Split points: Smile 4.4 bins the candidate split points of regression trees unless the system
 * property {@value #SMILE_BINS_PROPERTY} allows as many bins as rows; {@link #fit} sets it so (for the
 * whole JVM), because scikit-learn searches every split point.
 *
 * <p>Threads and determinism: each tree draws from its own seed, derived from the fit's seed, and
 * Smile grows the trees in parallel on {@code threads} workers; the forest, and so every
 * prediction, is the same for any number of threads. The cut trees are kept as node arrays
 * ({@link DecisionForest}) that predict exactly as Smile's nodes do and are saved in gfa's own
 * format (docs/model-format.md), which a Smile upgrade cannot break; files of older gfa releases
 * (Java serialization of Smile's nodes) still load.
 */
public final class RandomForestLearner implements Learner {
  private static final String TARGET = "D_max";
  private static final Formula FORMULA = Formula.lhs(TARGET);
  /**
   * Smile 4.4's regression trees try split points only at the boundaries of 100 quantile bins of
   * the training set unless this system property says otherwise (read at every split search). With
   * n/100 rows per bin, no node smaller than about n/100 rows can be split: on the 6398 alloys the
   * trees stopped at about 140 leaves and the forest's cross-validated R^2 fell from 0.8 to 0.58.
   * scikit-learn tries every split point; so does Smile when the number of bins is at least n.
   */
  static final String SMILE_BINS_PROPERTY = "smile.regression_tree.bins";
  private static final String EXACT_SPLITS = String.valueOf(Integer.MAX_VALUE);
  /** scikit-learn's {@code EPSILON} in its impurity-decrease test ({@code np.finfo(np.double).eps}). */
  private static final double SKLEARN_EPSILON = Math.ulp(1.0);

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
    Forest forest = grow(x, y, params, seed, threads);
    return new Model(DecisionForest.of(forest.width(), forest.roots())); // Smile's nodes are dropped
  }

  /** The trees {@link #fit} keeps, as Smile's nodes (the tests inspect how they were grown and cut). */
  Forest grow(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
    int width = DesignMatrix.requireTraining(x, y, threads);
    ForestOptions o = ForestOptions.of(params);
    int trees = o.nEstimators();
    int maxFeatures = o.maxFeatures();
    int maxDepth = o.maxDepth();
    int minSamplesSplit = o.minSamplesSplit();
    double minImpurityDecrease = o.minImpurityDecrease();

    System.setProperty(SMILE_BINS_PROPERTY, EXACT_SPLITS); // process-wide; see SMILE_BINS_PROPERTY
    long[] seeds = Seeds.derive(seed, trees);
    RandomForest.Options options = new RandomForest.Options(
        trees,
        Math.min(maxFeatures, width), // scikit-learn refuses more features than there are; Smile too
        maxDepth + 1,
        Integer.MAX_VALUE, // no leaf limit: Smile then grows each tree depth first, like scikit-learn
        1,
        1.0, // bootstrap of n rows with replacement
        seeds,
        null);
    DataFrame data = frame(x, y, width);
    Node[] roots = BoundedParallelism.call(threads, () -> {
      RegressionTree[] grown = RandomForest.fit(FORMULA, data, options).trees();
      StructType schema = grown[0].schema();
      return IntStream.range(0, grown.length).parallel()
          .mapToObj(t -> sklearnStopping(grown[t].root(), x, seeds[t], schema, minSamplesSplit, minImpurityDecrease))
          .toArray(Node[]::new);
    });
    return new Forest(width, roots);
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

  private static DataFrame frame(double[][] x, double[] y, int width) {
    String[] names = schema(width).names();
    return DataFrame.of(x, names).add(new DoubleVector(TARGET, y.clone()));
  }

  /** The descriptor columns as Smile sees them: x0, x1, ... (doubles). */
  private static StructType schema(int width) {
    return new StructType(IntStream.range(0, width)
        .mapToObj(j -> new StructField("x" + j, DataTypes.DoubleType))
        .toList());
  }

  /** Applies scikit-learn's {@code min_samples_split} and {@code min_impurity_decrease} to one grown tree. */
  private static Node sklearnStopping(Node root, double[][] x, long treeSeed, StructType schema,
      int minSamplesSplit, double minImpurityDecrease) {
    boolean bySize = minSamplesSplit > 2; // 2 is implied: a node of one distinct row has zero impurity
    boolean byDecrease = minImpurityDecrease > 0;
    if (!bySize && !byDecrease) {
      return root;
    }
    Map<Node, int[]> rowsPerNode = bySize ? distinctRows(root, x, treeSeed, schema) : Map.of();
    return prune(root, root.size(), rowsPerNode, minSamplesSplit, minImpurityDecrease);
  }

  /**
   * The number of distinct training rows reaching each node, from the tree's bootstrap sample
   * re-drawn as {@link RandomForest#fit} draws it: {@code MathEx.setSeed(seed)}, then n times
   * {@code samples[MathEx.randomInt(n)]++}. The weighted counts must equal Smile's node sizes.
   */
  private static Map<Node, int[]> distinctRows(Node root, double[][] x, long treeSeed, StructType schema) {
    int n = x.length;
    int[] samples = new int[n];
    MathEx.setSeed(treeSeed);
    for (int i = 0; i < n; i++) {
      samples[MathEx.randomInt(n)]++;
    }
    Map<Node, int[]> counts = new IdentityHashMap<>(); // node -> {distinct rows, rows with multiplicity}
    for (int i = 0; i < n; i++) {
      if (samples[i] == 0) {
        continue;
      }
      Tuple row = Tuple.of(schema, x[i]);
      Node node = root;
      while (true) {
        int[] c = counts.computeIfAbsent(node, k -> new int[2]);
        c[0]++;
        c[1] += samples[i];
        if (!(node instanceof InternalNode split)) {
          break;
        }
        node = split.branch(row) ? split.trueChild() : split.falseChild();
      }
    }
    counts.forEach((node, c) -> {
      if (c[1] != node.size()) {
        throw new IllegalStateException("rf: cannot reproduce Smile's bootstrap sample (a node holds "
            + node.size() + " rows, the re-drawn sample puts " + c[1] + " there); has Smile's RandomForest changed?");
      }
    });
    return counts;
  }

  private static Node prune(Node node, double rows, Map<Node, int[]> rowsPerNode, int minSamplesSplit,
      double minImpurityDecrease) {
    if (!(node instanceof InternalNode split)) {
      return node;
    }
    int[] count = rowsPerNode.get(split);
    boolean tooFew = count != null && count[0] < minSamplesSplit;
    // Smile's split score is the decrease of the node's residual sum of squares (with bootstrap
    // multiplicities); scikit-learn compares that divided by the number of bootstrap rows.
    boolean tooLittleGain = split.score() / rows + SKLEARN_EPSILON < minImpurityDecrease;
    if (tooFew || tooLittleGain) {
      return leaf(split);
    }
    Node t = prune(split.trueChild(), rows, rowsPerNode, minSamplesSplit, minImpurityDecrease);
    Node f = prune(split.falseChild(), rows, rowsPerNode, minSamplesSplit, minImpurityDecrease);
    return t == split.trueChild() && f == split.falseChild() ? split : split.replace(t, f);
  }

  /** The leaf a node would have been: the mean response of its rows. */
  private static RegressionNode leaf(InternalNode node) {
    double mean = weightedSum(node) / node.size();
    return new RegressionNode(node.size(), mean, mean, node.deviance());
  }

  private static double weightedSum(Node node) {
    if (node instanceof InternalNode split) {
      return weightedSum(split.trueChild()) + weightedSum(split.falseChild());
    }
    RegressionNode leaf = (RegressionNode) node;
    return leaf.mean() * leaf.size();
  }

  /**
   * The cut trees as Smile's nodes. This record was also the file format of gfa before its own
   * (Java-serialized), so its name and components stay for reading those files.
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
      double[] predictions = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        predictions[i] = trees.predict(x[i]);
      }
      return predictions;
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

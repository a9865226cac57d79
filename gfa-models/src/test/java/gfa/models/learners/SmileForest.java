package gfa.models.learners;

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
 * The reference the tests hold gfa's forest against: Smile 4.4's exact random forest (the forest gfa
 * fitted before growing its own), with scikit-learn's {@code min_samples_split} (distinct rows) and
 * {@code min_impurity_decrease} applied to Smile's trees afterwards, top-down. Each rule decides a
 * node from that node alone, so cutting afterwards gives the trees stopping early would have given.
 * Counting distinct rows needs each tree's bootstrap sample, re-drawn here from the tree's seed as
 * Smile draws it and checked against Smile's node counts. scikit-learn's {@code max_depth = d} (root
 * at depth 0) is Smile's {@code maxDepth = d + 1}.
 */
final class SmileForest {
  private static final String TARGET = "D_max";
  private static final Formula FORMULA = Formula.lhs(TARGET);
  /**
   * Smile 4.4's regression trees try split points only at the boundaries of 100 quantile bins
   * unless this system property allows as many bins as rows (read at every split search).
   */
  static final String SMILE_BINS_PROPERTY = "smile.regression_tree.bins";
  private static final String EXACT_SPLITS = String.valueOf(Integer.MAX_VALUE);
  private static final double SKLEARN_EPSILON = Math.ulp(1.0);

  private SmileForest() {}

  static RandomForestLearner.Forest grow(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
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
    return new RandomForestLearner.Forest(width, roots);
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

}

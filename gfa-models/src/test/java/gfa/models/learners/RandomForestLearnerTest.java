package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** gfa's forest grows scikit-learn's trees: each stopping rule, exact splits, and determinism. */
class RandomForestLearnerTest {
  private static final SyntheticRegression DATA = SyntheticRegression.generate(7);
  private static final long SEED = 17;
  private final RandomForestLearner learner = new RandomForestLearner();

  private static ForestOptions options(Map<String, Object> changes) {
    Map<String, Object> params = new HashMap<>(new RandomForestLearner().defaults());
    params.put("n_estimators", 50.0);
    params.put("max_features", 5.0);
    params.putAll(changes);
    return ForestOptions.of(params);
  }

  private static DecisionForest grow(Map<String, Object> changes, int threads) {
    return ForestGrower.grow(RankedDescriptors.of(DATA.trainX(), DATA.trainY()), options(changes), SEED, threads);
  }

  @Test
  void theForestIsTheSameForAnySeedRepeatAndNumberOfThreads() {
    DecisionForest one = grow(Map.of(), 1);
    assertSameTrees(one, grow(Map.of(), 1));
    assertSameTrees(one, grow(Map.of(), 3));
    try (FittedModel a = learner.fit(DATA.trainX(), DATA.trainY(), Map.of("n_estimators", 60.0), 4, 1);
        FittedModel b = learner.fit(DATA.trainX(), DATA.trainY(), Map.of("n_estimators", 60.0), 4, 3);
        FittedModel other = learner.fit(DATA.trainX(), DATA.trainY(), Map.of("n_estimators", 60.0), 5, 1)) {
      assertArrayEquals(a.predict(DATA.testX()), b.predict(DATA.testX()));
      assertTrue(!Arrays.equals(a.predict(DATA.testX()), other.predict(DATA.testX())), "another seed, another forest");
    }
  }

  @Test
  void manyRowsInBlocksOnThePoolGiveEachRowsOwnPrediction() {
    DecisionForest forest = grow(Map.of("n_estimators", 100.0), 2);
    SplittableRandom random = new SplittableRandom(5);
    double[][] rows = new double[12_000][DATA.trainX()[0].length]; // 1.2 million tree walks: parallel blocks
    for (double[] row : rows) {
      for (int f = 0; f < row.length; f++) {
        row[f] = DATA.trainX()[random.nextInt(DATA.trainX().length)][f] + random.nextGaussian() * 0.1;
      }
    }
    double[] batch = forest.predict(rows);
    double[] one = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      one[i] = forest.predict(rows[i]);
    }
    assertArrayEquals(one, batch);
  }

  @Test
  void aTrainingSetGivesTheSameForestAsTheRows() {
    try (TrainingSet set = new TrainingSet(DATA.trainX(), DATA.trainY());
        FittedModel fromSet = learner.fit(set, Map.of("n_estimators", 30.0), 4, 2);
        FittedModel again = learner.fit(set, Map.of("n_estimators", 30.0), 4, 1);
        FittedModel fromRows = learner.fit(DATA.trainX(), DATA.trainY(), Map.of("n_estimators", 30.0), 4, 1)) {
      assertArrayEquals(fromRows.predict(DATA.testX()), fromSet.predict(DATA.testX()));
      assertArrayEquals(fromRows.predict(DATA.testX()), again.predict(DATA.testX()));
    }
  }

  @Test
  void treesGrowToTheFullDepthScikitLearnAllowsAndNoDeeper() {
    int deepest = 0;
    for (DecisionForest.Tree tree : grow(Map.of("max_depth", 8.0), 2).trees()) {
      deepest = Math.max(deepest, depth(tree, 0));
    }
    assertEquals(8, deepest); // max_depth = 8 edges from the root
  }

  @Test
  void unlimitedTreesSplitUntilTheLeavesArePure() {
    // exact split search grows the trees until each leaf holds one value: 240 rows, ~152 distinct per bootstrap
    DecisionForest forest = grow(Map.of(), 2);
    for (int t = 0; t < forest.trees().length; t++) {
      for (NodeRows node : route(forest, t)) {
        if (node.leaf) {
          assertEquals(0, node.rss(), 1e-9, "tree " + t + ": an impure leaf");
        }
      }
    }
  }

  @Test
  void minSamplesSplitCountsDistinctRowsNotTheirMultiplicity() {
    DecisionForest forest = grow(Map.of("min_samples_split", 10.0), 2);
    int leavesHeavyButFew = 0;
    for (int t = 0; t < forest.trees().length; t++) {
      for (NodeRows node : route(forest, t)) {
        if (!node.leaf) {
          assertTrue(node.distinct >= 10, "tree " + t + ": a split of " + node.distinct + " distinct rows");
        } else if (node.distinct < 10 && node.weight >= 10 && node.rss() > 1e-9) {
          leavesHeavyButFew++;
        }
      }
    }
    // leaves of >= 10 bootstrap rows but < 10 distinct ones were not split: the rule counts distinct rows
    assertTrue(leavesHeavyButFew > 0, "no leaf tells distinct rows from bootstrap rows");
    assertTrue(leaves(forest) < leaves(grow(Map.of(), 2)));
  }

  @Test
  void minImpurityDecreaseCutsEverySplitThatGainsLess() {
    double threshold = 0.02;
    DecisionForest cut = grow(Map.of("min_impurity_decrease", threshold), 2);
    int splits = 0;
    for (int t = 0; t < cut.trees().length; t++) {
      List<NodeRows> nodes = route(cut, t);
      DecisionForest.Tree tree = cut.trees()[t];
      double n = nodes.get(0).weight;
      for (int i = 0; i < nodes.size(); i++) {
        if (!nodes.get(i).leaf) {
          splits++;
          double decrease = (nodes.get(i).rss() - nodes.get(tree.left()[i]).rss() - nodes.get(tree.right()[i]).rss()) / n;
          assertTrue(decrease >= threshold - 1e-9, "tree " + t + ": a split gaining " + decrease);
        }
      }
    }
    assertTrue(splits > 0, "some splits gain more than the threshold");
    assertTrue(leaves(cut) < leaves(grow(Map.of(), 2)));
  }

  @Test
  void aDecreaseLargerThanTheVarianceLeavesOnlyRoots() {
    Map<String, Object> params = Map.of("min_impurity_decrease", 5.0, "n_estimators", 50.0);
    for (DecisionForest.Tree tree : grow(params, 2).trees()) {
      assertEquals(1, tree.size());
    }
    try (FittedModel model = learner.fit(DATA.trainX(), DATA.trainY(), params, 17, 2)) {
      double[] p = model.predict(DATA.testX());
      for (double v : p) {
        assertEquals(p[0], v);
      }
    }
  }

  @Test
  void withoutBootstrapAndWithAllDescriptorsATreeIsTheExactCartTree() {
    // no ties in x or y: exhaustive CART has one answer, and each row weighs 1
    SplittableRandom random = new SplittableRandom(3);
    int n = 60;
    int width = 4;
    double[][] x = new double[n][width];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < width; j++) {
        x[i][j] = random.nextDouble();
      }
      y[i] = Math.sin(6 * x[i][0]) + x[i][1] * x[i][2] + 0.1 * random.nextDouble();
    }
    for (int maxDepth : new int[] {3, 55}) {
      ForestOptions rules = new ForestOptions(1, width, maxDepth, 2, 0);
      int[] everyRowOnce = new int[n];
      Arrays.fill(everyRowOnce, 1);
      DecisionForest.Tree tree = new RegressionTreeGrower(RankedDescriptors.of(x, y), rules)
          .grow(everyRowOnce, new SplittableRandom(9));
      int splits = new ExhaustiveCart(x, y, maxDepth, tree).check(0, java.util.stream.IntStream.range(0, n).toArray(), 0);
      assertTrue(splits > (maxDepth == 3 ? 6 : 30), splits + " splits at max_depth " + maxDepth);
    }
  }

  /**
   * CART by brute force, node by node of a grown tree: a split must reach the least squared error
   * over every descriptor and midpoint (ties may fall to any descriptor), its threshold must lie
   * midway between the node's values either side, and a leaf must be pure, single or at max_depth
   * and hold its rows' mean.
   */
  private record ExhaustiveCart(double[][] x, double[] y, int maxDepth, DecisionForest.Tree tree) {
    /** Checks node {@code at} reached by {@code rows}; returns the number of splits below it. */
    int check(int at, int[] rows, int depth) {
      double mean = Arrays.stream(rows).mapToDouble(i -> y[i]).average().orElseThrow();
      if (tree.feature()[at] == DecisionForest.LEAF) {
        assertTrue(depth == maxDepth || rows.length < 2 || rss(rows) < 1e-12, "leaf " + at + " could be split");
        assertEquals(mean, tree.value()[at], 1e-12, "value of leaf " + at);
        return 0;
      }
      double best = Double.POSITIVE_INFINITY;
      for (int f = 0; f < x[0].length; f++) {
        int j = f;
        double[] values = Arrays.stream(rows).mapToDouble(i -> x[i][j]).sorted().toArray();
        for (int k = 0; k + 1 < values.length; k++) {
          double t = values[k] / 2.0 + values[k + 1] / 2.0;
          best = Math.min(best, rss(side(rows, j, t, true)) + rss(side(rows, j, t, false)));
        }
      }
      int f = tree.feature()[at];
      double t = tree.threshold()[at];
      int[] left = side(rows, f, t, true);
      int[] right = side(rows, f, t, false);
      assertEquals(best, rss(left) + rss(right), 1e-9 * (1 + best), "split of node " + at);
      double below = Arrays.stream(left).mapToDouble(i -> x[i][f]).max().orElseThrow();
      double above = Arrays.stream(right).mapToDouble(i -> x[i][f]).min().orElseThrow();
      assertEquals(below / 2.0 + above / 2.0, t, "threshold of node " + at);
      return 1 + check(tree.left()[at], left, depth + 1) + check(tree.right()[at], right, depth + 1);
    }

    private int[] side(int[] rows, int f, double t, boolean left) {
      return Arrays.stream(rows).filter(i -> (x[i][f] <= t) == left).toArray();
    }

    private double rss(int[] rows) {
      double mean = Arrays.stream(rows).mapToDouble(i -> y[i]).average().orElse(0);
      return Arrays.stream(rows).mapToDouble(i -> (y[i] - mean) * (y[i] - mean)).sum();
    }
  }

  /** The rows of tree t's bootstrap that reach one node. */
  private static final class NodeRows {
    boolean leaf;
    int distinct;
    double weight;
    double sum;
    double squares;

    double rss() {
      return weight == 0 ? 0 : squares - sum * sum / weight;
    }
  }

  /** Tree t's bootstrap sample, re-drawn from its seed, routed through the tree: per node, its rows. */
  private static List<NodeRows> route(DecisionForest forest, int t) {
    double[][] x = DATA.trainX();
    double[] y = DATA.trainY();
    int[] counts = new int[x.length];
    RegressionTreeGrower.bootstrap(new SplittableRandom(Seeds.derive(SEED, forest.trees().length)[t]), counts);
    DecisionForest.Tree tree = forest.trees()[t];
    List<NodeRows> nodes = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      NodeRows node = new NodeRows();
      node.leaf = tree.feature()[i] == DecisionForest.LEAF;
      nodes.add(node);
    }
    for (int row = 0; row < x.length; row++) {
      if (counts[row] == 0) {
        continue;
      }
      int i = 0;
      while (true) {
        NodeRows node = nodes.get(i);
        node.distinct++;
        node.weight += counts[row];
        node.sum += counts[row] * y[row];
        node.squares += counts[row] * y[row] * y[row];
        if (node.leaf) {
          break;
        }
        i = x[row][tree.feature()[i]] <= tree.threshold()[i] ? tree.left()[i] : tree.right()[i];
      }
    }
    return nodes;
  }

  private static int depth(DecisionForest.Tree tree, int node) {
    return tree.feature()[node] == DecisionForest.LEAF
        ? 0
        : 1 + Math.max(depth(tree, tree.left()[node]), depth(tree, tree.right()[node]));
  }

  private static int leaves(DecisionForest forest) {
    int leaves = 0;
    for (DecisionForest.Tree tree : forest.trees()) {
      leaves += (int) Arrays.stream(tree.feature()).filter(f -> f == DecisionForest.LEAF).count();
    }
    return leaves;
  }

  private static void assertSameTrees(DecisionForest a, DecisionForest b) {
    assertEquals(a.trees().length, b.trees().length);
    for (int t = 0; t < a.trees().length; t++) {
      DecisionForest.Tree p = a.trees()[t];
      DecisionForest.Tree q = b.trees()[t];
      assertArrayEquals(p.feature(), q.feature(), "tree " + t);
      assertArrayEquals(p.threshold(), q.threshold(), "tree " + t);
      assertArrayEquals(p.left(), q.left(), "tree " + t);
      assertArrayEquals(p.right(), q.right(), "tree " + t);
      assertArrayEquals(p.value(), q.value(), "tree " + t);
    }
  }
}

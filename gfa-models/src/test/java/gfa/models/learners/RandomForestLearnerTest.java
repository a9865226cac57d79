package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;

/** The random forest's mapping of scikit-learn's parameters onto Smile. */
class RandomForestLearnerTest {
  private static final SyntheticRegression DATA = SyntheticRegression.generate(7);
  private final RandomForestLearner learner = new RandomForestLearner();

  private RandomForestLearner.Forest fit(Map<String, Object> changes, int threads) {
    Map<String, Object> params = new HashMap<>(learner.defaults());
    params.put("n_estimators", 50.0);
    params.putAll(changes);
    return learner.grow(DATA.trainX(), DATA.trainY(), params, 17, threads);
  }

  private static void forEachNode(Node node, Consumer<Node> action) {
    action.accept(node);
    if (node instanceof InternalNode split) {
      forEachNode(split.trueChild(), action);
      forEachNode(split.falseChild(), action);
    }
  }

  @Test
  void theForestIsTheSameForAnyNumberOfThreads() {
    try (FittedModel one = learner.fit(DATA.trainX(), DATA.trainY(), Map.of("n_estimators", 60.0), 4, 1);
        FittedModel three = learner.fit(DATA.trainX(), DATA.trainY(), Map.of("n_estimators", 60.0), 4, 3)) {
      assertArrayEquals(one.predict(DATA.testX()), three.predict(DATA.testX()));
    }
  }

  @Test
  void treesGrowToTheFullDepthScikitLearnAllows() {
    // max_depth = 8 edges from the root; Smile counts levels, so a depth-8 tree has depth() 9.
    int deepest = 0;
    for (Node root : fit(Map.of("max_depth", 8.0), 2).roots()) {
      deepest = Math.max(deepest, root.depth());
    }
    assertEquals(9, deepest);
  }

  @Test
  void everySplitSearchesEveryThreshold() {
    // Unbinned split search grows the trees until the leaves are pure: 240 rows, ~152 distinct per
    // bootstrap, nearly as many leaves. Smile's default of 100 bins would stop at a few dozen.
    int leaves = 0;
    RandomForestLearner.Forest forest = fit(Map.of(), 2);
    for (Node root : forest.roots()) {
      leaves += root.leaves();
    }
    assertTrue(leaves / forest.roots().length > 140, "mean leaves per tree " + leaves / forest.roots().length);
    assertEquals(String.valueOf(Integer.MAX_VALUE), System.getProperty(RandomForestLearner.SMILE_BINS_PROPERTY));
  }

  @Test
  void minImpurityDecreaseCutsEverySplitThatGainsLess() {
    double threshold = 0.02;
    RandomForestLearner.Forest cut = fit(Map.of("min_impurity_decrease", threshold), 2);
    int splits = 0;
    for (Node root : cut.roots()) {
      double rows = root.size();
      int[] count = {0};
      forEachNode(root, node -> {
        if (node instanceof InternalNode split) {
          count[0]++;
          assertTrue(split.score() / rows >= threshold, "a split gaining " + split.score() / rows);
        }
      });
      splits += count[0];
    }
    assertTrue(splits > 0, "some splits gain more than the threshold");
    assertTrue(leaves(cut) < leaves(fit(Map.of(), 2)));
  }

  @Test
  void aDecreaseLargerThanTheVarianceLeavesOnlyRoots() {
    Map<String, Object> params = Map.of("min_impurity_decrease", 5.0, "n_estimators", 50.0);
    for (Node root : learner.grow(DATA.trainX(), DATA.trainY(), params, 17, 2).roots()) {
      assertEquals(1, root.leaves());
    }
    try (FittedModel model = learner.fit(DATA.trainX(), DATA.trainY(), params, 17, 2)) {
      double[] p = model.predict(DATA.testX());
      for (double v : p) {
        assertEquals(p[0], v);
      }
    }
  }

  @Test
  void minSamplesSplitLeavesNoSmallerNodeSplit() {
    // A node split although fewer than min_samples_split distinct rows reach it would also hold
    // fewer than min_samples_split rows with bootstrap multiplicity (Smile's size()).
    RandomForestLearner.Forest forest = fit(Map.of("min_samples_split", 10.0), 2);
    for (Node root : forest.roots()) {
      forEachNode(root, node -> {
        if (node instanceof InternalNode split) {
          assertTrue(split.size() >= 10, "split of a node of " + split.size() + " rows");
        }
      });
    }
    assertTrue(leaves(forest) < leaves(fit(Map.of(), 2)));
  }

  private static int leaves(RandomForestLearner.Forest forest) {
    int leaves = 0;
    for (Node root : forest.roots()) {
      leaves += root.leaves();
    }
    return leaves;
  }
}

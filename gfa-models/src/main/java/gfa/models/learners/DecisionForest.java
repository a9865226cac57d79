package gfa.models.learners;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Arrays;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;

/**
 * A fitted regression forest as node arrays, one set per tree: a row goes left where {@code
 * x[feature] <= threshold} (right otherwise, also for NaN), and the forest predicts the mean of
 * the leaves' values it reaches, summed in tree order. That is exactly the arithmetic of Smile
 * 4.4's trees ({@link OrdinalNode#branch}, {@link RegressionNode#output}), so predictions are
 * bit-identical to theirs; the arrays are saved in gfa's own format {@value #HEADER}
 * (docs/model-format.md).
 */
record DecisionForest(int width, Tree[] trees) {
  static final String HEADER = "gfa-rf/1";
  static final int LEAF = -1;

  /**
   * One tree in pre-order (the root is node 0, children come after their parent). A leaf has
   * feature, left and right {@value #LEAF} and threshold 0; an internal node has value 0.
   */
  record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    double predict(double[] x) {
      int node = 0;
      int f;
      while ((f = feature[node]) != LEAF) {
        node = x[f] <= threshold[node] ? left[node] : right[node];
      }
      return value[node];
    }

    int size() {
      return feature.length;
    }
  }

  double predict(double[] x) {
    double sum = 0;
    for (Tree tree : trees) {
      sum += tree.predict(x);
    }
    return sum / trees.length;
  }

  /** Below this many tree evaluations a call stays on the caller's thread. */
  private static final long PARALLEL_WORK = 1L << 20;

  /**
   * The predictions for many rows, in blocks of rows on the common pool, tree by tree within a
   * block: a tree's nodes stay in the cache while the block's rows walk it, where row by row the
   * whole forest (megabytes) passed through the cache for every row. Each row still adds its
   * trees' leaves in tree order from 0, so every prediction is {@link #predict(double[])}'s bit
   * for bit.
   */
  double[] predict(double[][] x) {
    double[] out = new double[x.length];
    gfa.core.concurrent.RowBlocks.run(x.length, (long) x.length * trees.length, PARALLEL_WORK, (from, to) -> {
      double[] sums = new double[to - from];
      for (Tree tree : trees) {
        for (int r = from; r < to; r++) {
          sums[r - from] += tree.predict(x[r]);
        }
      }
      for (int r = from; r < to; r++) {
        out[r] = sums[r - from] / trees.length;
      }
    });
    return out;
  }

  /** The arrays of Smile's trees. */
  static DecisionForest of(int width, Node[] roots) {
    Tree[] trees = new Tree[roots.length];
    for (int t = 0; t < roots.length; t++) {
      trees[t] = flatten(roots[t]);
    }
    return new DecisionForest(width, trees);
  }

  private static Tree flatten(Node root) {
    int n = count(root);
    Tree tree = new Tree(new int[n], new double[n], new int[n], new int[n], new double[n]);
    int filled = fill(root, tree, 0);
    assert filled == n;
    return tree;
  }

  private static int count(Node node) {
    return node instanceof InternalNode split ? 1 + count(split.trueChild()) + count(split.falseChild()) : 1;
  }

  /** Writes {@code node} at index {@code at} and its subtree after it; returns the next free index. */
  private static int fill(Node node, Tree tree, int at) {
    if (node instanceof RegressionNode leaf) {
      tree.feature[at] = LEAF;
      tree.left[at] = LEAF;
      tree.right[at] = LEAF;
      tree.value[at] = leaf.output();
      return at + 1;
    }
    if (!(node instanceof OrdinalNode split)) {
      throw new IllegalStateException("rf: unexpected tree node " + node.getClass().getName());
    }
    tree.feature[at] = split.feature();
    tree.threshold[at] = threshold(split);
    tree.left[at] = at + 1;
    int next = fill(split.trueChild(), tree, at + 1);
    tree.right[at] = next;
    return fill(split.falseChild(), tree, next);
  }

  /**
   * Smile 4.4 keeps a split's threshold in a package-private field and offers no accessor, so it
   * is read by reflection, once per node at the end of a fit (Smile is on the class path, not a
   * named module). A Smile without that field fails every forest fit, loudly, in the tests.
   */
  private static double threshold(OrdinalNode split) {
    return (double) ThresholdField.VALUE.get(split);
  }

  private static final class ThresholdField {
    static final VarHandle VALUE;

    static {
      try {
        VALUE = MethodHandles.privateLookupIn(OrdinalNode.class, MethodHandles.lookup())
            .findVarHandle(OrdinalNode.class, "value", double.class);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("rf: cannot read the split thresholds of this Smile version's trees", e);
      }
    }
  }

  void save(Path file) throws IOException {
    GfaModelFile.write(file, HEADER, out -> {
      out.writeInt(width);
      out.writeInt(trees.length);
      for (Tree tree : trees) {
        out.writeInt(tree.size());
        GfaModelFile.writeAll(out, tree.feature());
        GfaModelFile.writeAll(out, tree.threshold());
        GfaModelFile.writeAll(out, tree.left());
        GfaModelFile.writeAll(out, tree.right());
        GfaModelFile.writeAll(out, tree.value());
      }
    });
  }

  static DecisionForest read(Path file, byte[] bytes) throws IOException {
    GfaModelFile.Reader in = new GfaModelFile.Reader(file, bytes, HEADER, "rf");
    int width = in.int32();
    int count = in.int32();
    if (width < 1 || count < 1) {
      throw in.corrupt("width " + width + ", " + count + " trees");
    }
    if (count > bytes.length / (Integer.BYTES + 3 * Integer.BYTES + 2 * Double.BYTES)) {
      throw in.corrupt(count + " trees in " + bytes.length + " bytes");
    }
    Tree[] trees = new Tree[count];
    for (int t = 0; t < count; t++) {
      int n = in.int32();
      if (n < 1) {
        throw in.corrupt("tree " + t + " has " + n + " nodes");
      }
      trees[t] = new Tree(in.int32s(n), in.float64s(n), in.int32s(n), in.int32s(n), in.float64s(n));
      check(trees[t], t, width, in);
    }
    in.end();
    return new DecisionForest(width, trees);
  }

  /** Every path ends at a leaf: children lie after their parent, inside the tree. */
  private static void check(Tree tree, int t, int width, GfaModelFile.Reader in) throws IOException {
    int n = tree.size();
    for (int i = 0; i < n; i++) {
      int f = tree.feature()[i];
      boolean ok = f == LEAF
          ? tree.left()[i] == LEAF && tree.right()[i] == LEAF && Double.isFinite(tree.value()[i])
          : f >= 0 && f < width && !Double.isNaN(tree.threshold()[i])
              && tree.left()[i] > i && tree.left()[i] < n && tree.right()[i] > i && tree.right()[i] < n;
      if (!ok) {
        throw in.corrupt("tree " + t + ", node " + i + ": feature " + f + ", children " + tree.left()[i]
            + " and " + tree.right()[i] + ", value " + tree.value()[i]);
      }
    }
  }

  @Override
  public String toString() {
    return "DecisionForest[width=" + width + ", trees=" + trees.length + ", nodes="
        + Arrays.stream(trees).mapToInt(Tree::size).sum() + "]";
  }
}

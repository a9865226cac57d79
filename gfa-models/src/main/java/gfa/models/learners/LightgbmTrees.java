package gfa.models.learners;

import com.fasterxml.jackson.core.io.NumberInput;
import gfa.core.Excerpt;
import gfa.core.concurrent.RowBlocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A LightGBM regression model read from LightGBM's text format and evaluated in Java, with
 * LightGBM's own decision rule (its {@code Tree::NumericalDecision}) and its order of summation, so
 * the predictions are LightGBM's bit for bit (tests compare them with the library's on fitted
 * models).
 *
 * <p>Why not the library: a grid of 5151 points through the default model (740 trees of up to 360
 * leaves) took LightGBM's C API about 0.7 s on one core, and reading the 8 MB model into a native
 * booster (with its two libraries extracted and checked on every run) about as long; in Java the
 * trees are walked in a fraction of that, on both cores, and a command that only predicts never
 * loads LightGBM's libraries. Only what gfa fits is read: numerical splits, one tree per
 * iteration, {@code objective=regression} without a transform. {@link #parse} answers null for
 * anything else, and the caller falls back to the library.
 */
final class LightgbmTrees {
  /** LightGBM's kZeroThreshold (a float constant widened to double). */
  private static final double ZERO = 1e-35f;
  /** Below this many tree evaluations a call stays on the caller's thread. */
  private static final long PARALLEL_WORK = 1L << 21;
  private static final int DEFAULT_LEFT = 2;
  private static final int MISSING_ZERO = 1;
  private static final int MISSING_NAN = 2;

  private final int width;
  /** Per tree: where its nodes and its leaves start in the arrays below. */
  private final int[] nodeStart;
  private final int[] leafStart;
  private final int[] feature;
  private final double[] threshold;
  private final byte[] decision;
  private final int[] left;
  private final int[] right;
  private final double[] leafValue;
  /** Whether no split has a missing-value rule (LightGBM's missing type None everywhere). */
  private final boolean plain;

  private LightgbmTrees(int width, List<Tree> trees) {
    this.width = width;
    nodeStart = new int[trees.size() + 1];
    leafStart = new int[trees.size() + 1];
    for (int t = 0; t < trees.size(); t++) {
      nodeStart[t + 1] = nodeStart[t] + trees.get(t).feature().length;
      leafStart[t + 1] = leafStart[t] + trees.get(t).leaf().length;
    }
    int nodes = nodeStart[trees.size()];
    feature = new int[nodes];
    threshold = new double[nodes];
    decision = new byte[nodes];
    left = new int[nodes];
    right = new int[nodes];
    leafValue = new double[leafStart[trees.size()]];
    boolean none = true;
    for (int t = 0; t < trees.size(); t++) {
      Tree tree = trees.get(t);
      int at = nodeStart[t];
      int n = tree.feature().length;
      System.arraycopy(tree.feature(), 0, feature, at, n);
      System.arraycopy(tree.threshold(), 0, threshold, at, n);
      System.arraycopy(tree.left(), 0, left, at, n);
      System.arraycopy(tree.right(), 0, right, at, n);
      for (int i = 0; i < n; i++) {
        decision[at + i] = (byte) tree.decision()[i];
        none &= ((tree.decision()[i] >> 2) & 3) == 0;
      }
      System.arraycopy(tree.leaf(), 0, leafValue, leafStart[t], tree.leaf().length);
    }
    this.plain = none;
  }

  private LightgbmTrees(int width, int[] nodeStart, int[] leafStart, int[] feature, double[] threshold, byte[] decision,
      int[] left, int[] right, double[] leafValue) {
    this.width = width;
    this.nodeStart = nodeStart;
    this.leafStart = leafStart;
    this.feature = feature;
    this.threshold = threshold;
    this.decision = decision;
    this.left = left;
    this.right = right;
    this.leafValue = leafValue;
    boolean none = true;
    for (byte d : decision) {
      none &= ((d >> 2) & 3) == 0;
    }
    this.plain = none;
  }

  /** The first line of the trees' table ({@link TreeTables}, docs/model-format.md). */
  static final String TABLE_HEADER = "gfa-lightgbm-trees/1";

  /** The table's body: the arrays above, as they are. */
  void writeTable(java.io.DataOutputStream out) throws java.io.IOException {
    int trees = trees();
    out.writeInt(width);
    out.writeInt(trees);
    GfaModelFile.writeAll(out, nodeStart);
    GfaModelFile.writeAll(out, leafStart);
    GfaModelFile.writeAll(out, feature);
    GfaModelFile.writeAll(out, threshold);
    for (byte d : decision) {
      out.writeInt(d);
    }
    GfaModelFile.writeAll(out, left);
    GfaModelFile.writeAll(out, right);
    GfaModelFile.writeAll(out, leafValue);
  }

  /** The trees of a table's body, or null when they are not well formed (the checks of {@link Tree#problem}). */
  static LightgbmTrees readTable(GfaModelFile.Reader in) throws java.io.IOException {
    int width = in.int32();
    int trees = in.int32();
    if (width < 1 || trees < 0 || trees == Integer.MAX_VALUE) {
      return null;
    }
    int[] nodeStart = in.int32s(trees + 1);
    int[] leafStart = in.int32s(trees + 1);
    if (nodeStart[0] != 0 || leafStart[0] != 0) {
      return null;
    }
    for (int t = 0; t < trees; t++) {
      if (leafStart[t + 1] - leafStart[t] != nodeStart[t + 1] - nodeStart[t] + 1 || nodeStart[t + 1] < nodeStart[t]) {
        return null;
      }
    }
    int nodes = nodeStart[trees];
    int[] feature = in.int32s(nodes);
    double[] threshold = in.float64s(nodes);
    int[] types = in.int32s(nodes);
    int[] left = in.int32s(nodes);
    int[] right = in.int32s(nodes);
    double[] leafValue = in.float64s(leafStart[trees]);
    byte[] decision = new byte[nodes];
    for (int t = 0; t < trees; t++) {
      int base = nodeStart[t];
      int n = nodeStart[t + 1] - base;
      for (int i = 0; i < n; i++) {
        int k = base + i;
        if (feature[k] < 0 || feature[k] >= width || types[k] < 0 || types[k] > 15 || (types[k] & 1) != 0) {
          return null;
        }
        if (!childInTree(left[k], i, n) || !childInTree(right[k], i, n)) {
          return null;
        }
        decision[k] = (byte) types[k];
      }
    }
    return new LightgbmTrees(width, nodeStart, leafStart, feature, threshold, decision, left, right, leafValue);
  }

  /** Whether split {@code i}'s child is a later split of its tree of {@code n} splits, or one of its n + 1 leaves. */
  private static boolean childInTree(int child, int i, int n) {
    return child >= 0 ? child > i && child < n : ~child <= n;
  }

  /** One tree as LightGBM's text gives it: per split node, then per leaf. */
  private record Tree(int[] feature, double[] threshold, int[] decision, int[] left, int[] right, double[] leaf) {
    /**
     * Why this tree cannot be evaluated (arrays of the wrong lengths, a split on an unknown feature
     * or of an unknown kind, a child outside the tree or before its split, which would loop), or
     * null.
     */
    String problem(int width) {
      int nodes = feature.length;
      if (leaf.length != nodes + 1 || threshold.length != nodes || decision.length != nodes || left.length != nodes
          || right.length != nodes) {
        return "its split and leaf lines disagree in length";
      }
      for (int i = 0; i < nodes; i++) {
        int d = decision[i];
        if (feature[i] < 0 || feature[i] >= width || d < 0 || d > 15) {
          return "split " + i + " has feature " + feature[i] + " and decision type " + d;
        }
        for (int child : new int[] {left[i], right[i]}) {
          // a split's children come after it (LightGBM numbers a split's node when it makes it)
          if (!childInTree(child, i, nodes)) { // leaf.length is nodes + 1, checked above
            return "split " + i + " has child " + child;
          }
        }
      }
      return null;
    }
  }

  int width() {
    return width;
  }

  /** How many different thresholds the trees' splits use on descriptor {@code f} (at most its histogram bins). */
  long splitPoints(int f) {
    java.util.Set<Double> points = new java.util.HashSet<>();
    for (int i = 0; i < feature.length; i++) {
      if (feature[i] == f) {
        points.add(threshold[i]);
      }
    }
    return points.size();
  }

  int trees() {
    return leafStart.length - 1;
  }

  /**
   * The model in LightGBM's text {@code text}, or null when it uses what this class does not
   * evaluate (categorical or linear trees, several trees per iteration, another objective): the
   * library then evaluates it.
   *
   * @throws IllegalStateException naming the problem when the text is not a well-formed model (it
   *     is not handed to the library, whose parser aborts the process on such text)
   */
  static LightgbmTrees parse(String text) {
    try {
      return read(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalStateException("malformed model text (" + e.getMessage() + ")", e);
    }
  }

  private static LightgbmTrees read(String text) {
    int width = -1;
    boolean regression = false;
    List<Tree> trees = new ArrayList<>();
    Map<String, String> tree = null; // the lines of the tree being read
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(at, end > at && text.charAt(end - 1) == '\r' ? end - 1 : end);
      at = end + 1;
      if (line.equals("end of trees")) {
        break;
      }
      if (line.startsWith("Tree=")) {
        if (tree != null) {
          trees.add(tree(tree));
        }
        tree = new HashMap<>();
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (tree != null) {
        tree.put(key, value);
        continue;
      }
      switch (key) {
        case "num_class", "num_tree_per_iteration" -> {
          if (!value.equals("1")) {
            return null;
          }
        }
        case "max_feature_idx" -> width = Integer.parseInt(value) + 1;
        case "objective" -> regression = value.equals("regression");
        case "average_output" -> {
          return null;
        }
        default -> { }
      }
    }
    if (tree != null) {
      trees.add(tree(tree));
    }
    if (width < 1 || !regression) {
      return null;
    }
    for (int t = 0; t < trees.size(); t++) {
      if (trees.get(t) == null) {
        return null; // categorical or linear
      }
      String problem = trees.get(t).problem(width);
      if (problem != null) {
        throw new IllegalStateException("tree " + t + ": " + problem);
      }
    }
    return new LightgbmTrees(width, trees);
  }

  /** A tree from its lines, or null for one with categorical splits or linear leaves. */
  private static Tree tree(Map<String, String> lines) {
    if (!"0".equals(lines.getOrDefault("num_cat", "0")) || !"0".equals(lines.getOrDefault("is_linear", "0"))) {
      return null;
    }
    double[] leaf = doubles(lines.get("leaf_value"));
    if (Integer.parseInt(lines.get("num_leaves")) != leaf.length) {
      throw new IllegalStateException("num_leaves disagrees with leaf_value");
    }
    if (leaf.length == 1) { // a lone leaf: no split lines
      return new Tree(new int[0], new double[0], new int[0], new int[0], new int[0], leaf);
    }
    int[] decision = ints(lines.get("decision_type"));
    for (int d : decision) {
      if ((d & 1) != 0) {
        return null; // a categorical split
      }
    }
    return new Tree(ints(lines.get("split_feature")), doubles(lines.get("threshold")), decision,
        ints(lines.get("left_child")), ints(lines.get("right_child")), leaf);
  }

  /** Space-separated integers, parsed in place (the model holds about a million). */
  private static int[] ints(String value) {
    int n = count(value);
    int[] out = new int[n];
    int at = 0;
    for (int k = 0; k < n; k++) {
      boolean negative = value.charAt(at) == '-';
      if (negative) {
        at++;
      }
      int v = 0;
      int start = at;
      char c;
      while (at < value.length() && (c = value.charAt(at)) != ' ') {
        if (c < '0' || c > '9' || at - start > 9) {
          throw new NumberFormatException("not an integer in " + value.substring(start, Math.min(value.length(), start + 20)));
        }
        v = v * 10 + (c - '0');
        at++;
      }
      if (at == start) {
        throw new NumberFormatException("empty value");
      }
      out[k] = negative ? -v : v;
      at++; // the space
    }
    return out;
  }

  /**
   * Space-separated doubles. Jackson's {@code NumberInput} with its fast parser (FastDoubleParser,
   * Eisel-Lemire with an exact fallback) rounds as {@link Double#parseDouble} does, to the nearest
   * double, and read the default model's 170,000 thresholds and leaf values in 0.10 s instead of
   * 0.27 s in a fresh JVM (docs/benchmarks.md, session 9).
   */
  static double[] doubles(String value) {
    int n = count(value);
    double[] out = new double[n];
    int at = 0;
    for (int k = 0; k < n; k++) {
      int end = value.indexOf(' ', at);
      if (end < 0) {
        end = value.length();
      }
      String number = value.substring(at, end);
      try {
        out[k] = NumberInput.parseDouble(number, true);
      } catch (NumberFormatException e) {
        throw new NumberFormatException("not a number: " + Excerpt.of(number));
      }
      at = end + 1;
    }
    return out;
  }

  /** The number of space-separated values. */
  private static int count(String value) {
    if (value.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = value.indexOf(' '); i >= 0; i = value.indexOf(' ', i + 1)) {
      n++;
    }
    return n;
  }

  /** The predictions for the rows of {@code x} (each {@link #width()} wide); large inputs use the common pool. */
  double[] predict(double[][] x) {
    double[] out = new double[x.length];
    RowBlocks.run(x.length, (long) x.length * trees(), PARALLEL_WORK, (from, to) -> predictRows(x, from, to, out));
    return out;
  }

  /**
   * Rows from..to, tree by tree: each tree's nodes (a few kilobytes) stay in the cache while it
   * sorts the block's rows, where row by row the whole model (megabytes) would pass through it for
   * every row. Each row's sum still adds the trees in order, from 0, as LightGBM's
   * GBDT::PredictRaw.
   */
  private void predictRows(double[][] x, int from, int to, double[] out) {
    int rows = to - from;
    double[][] block = new double[rows][width];
    boolean finite = true;
    for (int r = 0; r < rows; r++) {
      double[] source = x[from + r];
      double[] row = block[r];
      for (int f = 0; f < width; f++) {
        double v = source[f];
        // LightGBM reads a dense row as its non-zero values: a value within its zero threshold is 0
        row[f] = v >= -ZERO && v <= ZERO ? 0.0 : v;
        finite &= !Double.isNaN(v);
      }
    }
    double[] sums = new double[rows];
    int trees = trees();
    for (int t = 0; t < trees; t++) {
      int base = nodeStart[t];
      int leaves = leafStart[t];
      if (nodeStart[t + 1] == base) { // a single leaf
        for (int r = 0; r < rows; r++) {
          sums[r] += leafValue[leaves];
        }
        continue;
      }
      if (plain && finite) {
        // no missing-value rule can apply: LightGBM's decision is the comparison alone
        for (int r = 0; r < rows; r++) {
          double[] row = block[r];
          int node = 0;
          while (node >= 0) {
            int i = base + node;
            node = row[feature[i]] <= threshold[i] ? left[i] : right[i];
          }
          sums[r] += leafValue[leaves + ~node];
        }
      } else {
        for (int r = 0; r < rows; r++) {
          double[] row = block[r];
          int node = 0;
          while (node >= 0) {
            int i = base + node;
            node = decide(row[feature[i]], i);
          }
          sums[r] += leafValue[leaves + ~node];
        }
      }
    }
    System.arraycopy(sums, 0, out, from, rows);
  }

  /** LightGBM's Tree::NumericalDecision. */
  private int decide(double value, int i) {
    int type = decision[i];
    int missing = (type >> 2) & 3;
    double v = value;
    if (Double.isNaN(v) && missing != MISSING_NAN) {
      v = 0.0;
    }
    if ((missing == MISSING_ZERO && v >= -ZERO && v <= ZERO) || (missing == MISSING_NAN && Double.isNaN(v))) {
      return (type & DEFAULT_LEFT) != 0 ? left[i] : right[i];
    }
    return v <= threshold[i] ? left[i] : right[i];
  }
}

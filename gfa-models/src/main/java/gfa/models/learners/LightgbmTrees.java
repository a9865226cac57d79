package gfa.models.learners;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

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
  private static final int BLOCK = 64;
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

  private LightgbmTrees(int width, List<int[]> features, List<double[]> thresholds, List<int[]> decisions,
      List<int[]> lefts, List<int[]> rights, List<double[]> leaves) {
    this.width = width;
    int trees = leaves.size();
    nodeStart = new int[trees + 1];
    leafStart = new int[trees + 1];
    for (int t = 0; t < trees; t++) {
      nodeStart[t + 1] = nodeStart[t] + features.get(t).length;
      leafStart[t + 1] = leafStart[t] + leaves.get(t).length;
    }
    feature = new int[nodeStart[trees]];
    threshold = new double[nodeStart[trees]];
    decision = new byte[nodeStart[trees]];
    left = new int[nodeStart[trees]];
    right = new int[nodeStart[trees]];
    leafValue = new double[leafStart[trees]];
    for (int t = 0; t < trees; t++) {
      int at = nodeStart[t];
      int nodes = features.get(t).length;
      System.arraycopy(features.get(t), 0, feature, at, nodes);
      System.arraycopy(thresholds.get(t), 0, threshold, at, nodes);
      System.arraycopy(lefts.get(t), 0, left, at, nodes);
      System.arraycopy(rights.get(t), 0, right, at, nodes);
      for (int i = 0; i < nodes; i++) {
        decision[at + i] = (byte) decisions.get(t)[i];
      }
      System.arraycopy(leaves.get(t), 0, leafValue, leafStart[t], leaves.get(t).length);
    }
    boolean none = true;
    for (byte d : decision) {
      none &= ((d >> 2) & 3) == 0;
    }
    this.plain = none;
  }

  int width() {
    return width;
  }

  int trees() {
    return leafStart.length - 1;
  }

  /**
   * The model in LightGBM's text {@code text}, or null when it uses what this class does not
   * evaluate (categorical or linear trees, several trees per iteration, another objective).
   *
   * @throws IllegalStateException when the text is not a LightGBM model
   */
  static LightgbmTrees parse(String text) {
    int width = -1;
    boolean regression = false;
    List<int[]> features = new ArrayList<>();
    List<double[]> thresholds = new ArrayList<>();
    List<int[]> decisions = new ArrayList<>();
    List<int[]> lefts = new ArrayList<>();
    List<int[]> rights = new ArrayList<>();
    List<double[]> leaves = new ArrayList<>();
    int at = 0;
    boolean inTree = false;
    int numLeaves = -1;
    int[] treeFeatures = null;
    double[] treeThresholds = null;
    int[] treeDecisions = null;
    int[] treeLefts = null;
    int[] treeRights = null;
    double[] treeLeaves = null;
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
        if (inTree && !addTree(numLeaves, treeFeatures, treeThresholds, treeDecisions, treeLefts, treeRights, treeLeaves,
            features, thresholds, decisions, lefts, rights, leaves)) {
          throw new IllegalStateException("incomplete tree before " + line);
        }
        inTree = true;
        numLeaves = -1;
        treeFeatures = null;
        treeThresholds = null;
        treeDecisions = null;
        treeLefts = null;
        treeRights = null;
        treeLeaves = null;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (!inTree) {
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
        continue;
      }
      switch (key) {
        case "num_leaves" -> numLeaves = Integer.parseInt(value);
        case "num_cat" -> {
          if (!value.equals("0")) {
            return null;
          }
        }
        case "is_linear" -> {
          if (!value.equals("0")) {
            return null;
          }
        }
        case "split_feature" -> treeFeatures = ints(value);
        case "threshold" -> treeThresholds = doubles(value);
        case "decision_type" -> treeDecisions = ints(value);
        case "left_child" -> treeLefts = ints(value);
        case "right_child" -> treeRights = ints(value);
        case "leaf_value" -> treeLeaves = doubles(value);
        default -> { }
      }
    }
    if (inTree && !addTree(numLeaves, treeFeatures, treeThresholds, treeDecisions, treeLefts, treeRights, treeLeaves,
        features, thresholds, decisions, lefts, rights, leaves)) {
      throw new IllegalStateException("incomplete last tree");
    }
    if (width < 1) {
      throw new IllegalStateException("no max_feature_idx");
    }
    if (!regression) {
      return null;
    }
    for (int t = 0; t < features.size(); t++) {
      for (int i = 0; i < features.get(t).length; i++) {
        int f = features.get(t)[i];
        int d = decisions.get(t)[i];
        if (f < 0 || f >= width || (d & 1) != 0 || d < 0 || d > 15) {
          return null; // a categorical split or a value this reader does not know
        }
        for (int child : new int[] {lefts.get(t)[i], rights.get(t)[i]}) {
          if (child >= features.get(t).length || ~child >= leaves.get(t).length && child < 0) {
            throw new IllegalStateException("tree " + t + " has a child out of range");
          }
        }
      }
    }
    return new LightgbmTrees(width, features, thresholds, decisions, lefts, rights, leaves);
  }

  private static boolean addTree(int numLeaves, int[] f, double[] th, int[] d, int[] l, int[] r, double[] leaf,
      List<int[]> features, List<double[]> thresholds, List<int[]> decisions, List<int[]> lefts, List<int[]> rights,
      List<double[]> leaves) {
    if (numLeaves < 1 || leaf == null || leaf.length != numLeaves) {
      return false;
    }
    if (numLeaves == 1) {
      f = new int[0];
      th = new double[0];
      d = new int[0];
      l = new int[0];
      r = new int[0];
    } else if (f == null || th == null || d == null || l == null || r == null || f.length != numLeaves - 1
        || th.length != f.length || d.length != f.length || l.length != f.length || r.length != f.length) {
      return false;
    }
    features.add(f);
    thresholds.add(th);
    decisions.add(d);
    lefts.add(l);
    rights.add(r);
    leaves.add(leaf);
    return true;
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

  private static double[] doubles(String value) {
    int n = count(value);
    double[] out = new double[n];
    int at = 0;
    for (int k = 0; k < n; k++) {
      int end = value.indexOf(' ', at);
      if (end < 0) {
        end = value.length();
      }
      out[k] = Double.parseDouble(value.substring(at, end));
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
    long work = (long) x.length * trees();
    if (work < PARALLEL_WORK || x.length < 2 * BLOCK) {
      predictRows(x, 0, x.length, out);
    } else {
      int blocks = (x.length + BLOCK - 1) / BLOCK;
      IntStream.range(0, blocks).parallel().forEach(b -> predictRows(x, b * BLOCK, Math.min(x.length, (b + 1) * BLOCK), out));
    }
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

package gfa.models.learners;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one regression tree of scikit-learn's {@code RandomForestRegressor} on ranked rows
 * ({@link RankedDescriptors}); one grower per worker thread, its buffers reused tree after tree.
 *
 * <p>The model is scikit-learn's: a bootstrap sample of n rows drawn with replacement, kept as
 * per-row counts that weight the rows; at each node {@code max_features} descriptors drawn without
 * replacement, where a descriptor constant in the node does not count and the drawing goes on
 * (scikit-learn searches until it has tried that many non-constant descriptors or none is left);
 * the split of largest weighted decrease of the squared error, at the midpoint between consecutive
 * distinct values, the first one found on ties. A node is a leaf if it lies at depth {@code
 * max_depth} (root 0), if fewer than {@code min_samples_split} distinct rows reach it (scikit-learn
 * counts the rows of its bootstrap, not their multiplicity), if its weighted variance is at most
 * machine epsilon, if every descriptor is constant in it, or if its best split decreases the
 * impurity by less than {@code min_impurity_decrease}, weighted as scikit-learn weighs it: {@code
 * (RSS_node - RSS_left - RSS_right) / n}. Leaves hold the weighted mean response. Trees are grown
 * depth first without a leaf limit, and written in pre-order, as {@link DecisionForest.Tree} holds them.
 *
 * <p>Exact split search without sorting: each descriptor's distinct rows of the node are kept in
 * increasing order of rank in one segment of an array (as C4.5-era "presorted" CART does); a split
 * is a single pass over the segment, and the children's segments are a stable partition of the
 * parent's, so no node ever sorts. Work per node is linear in its rows for each descriptor.
 */
final class RegressionTreeGrower {
  /** scikit-learn's {@code EPSILON} in its leaf and impurity-decrease tests ({@code np.finfo(np.double).eps}). */
  static final double EPSILON = Math.ulp(1.0);
  private static final int FRAME = 5;

  private final RankedDescriptors data;
  private final ForestOptions rules;
  private final int width;
  private double totalWeight; // of the tree's rows: n for a bootstrap of n
  // buffers of one tree, reused by the next
  private final int[] counts;
  private final double[] weight;
  private final double[] weightedY;
  private final int[][] order; // per descriptor: the node's distinct rows by increasing rank, node by node
  private final int[] spill;
  private final int[] drawn; // 1 if the row is in the tree's sample, else 0
  private final byte[] goesLeft; // 1 if the row goes to the left child, else 0
  private final int[] features;
  // pending nodes: lo, hi, depth, parent (-1: a left child, written next), and a descriptor whose
  // segment holds exactly the node's rows (the parent's split descriptor)
  private final int[] stack;
  private final NodeArrays nodes;

  RegressionTreeGrower(RankedDescriptors data, ForestOptions rules) {
    this.data = data;
    this.rules = rules;
    this.width = data.width();
    int n = data.rows();
    this.counts = new int[n];
    this.weight = new double[n];
    this.weightedY = new double[n];
    this.order = new int[width][n];
    this.spill = new int[n];
    this.drawn = new int[n];
    this.goesLeft = new byte[n];
    this.features = new int[width];
    this.stack = new int[FRAME * (n + 1)];
    this.nodes = new NodeArrays(2 * n);
  }

  /** One tree: its bootstrap and every descriptor draw come from {@code seed} alone. */
  DecisionForest.Tree grow(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    bootstrap(random, counts);
    return grow(counts, random);
  }

  /**
   * scikit-learn's bootstrap: n row numbers drawn uniformly with replacement, as counts per row
   * (the first draws of a tree's {@code random}).
   */
  static void bootstrap(SplittableRandom random, int[] counts) {
    int n = counts.length;
    Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      counts[random.nextInt(n)]++;
    }
  }

  /** One tree on rows weighted by {@code counts} (0: not drawn), descriptors drawn from {@code random}. */
  DecisionForest.Tree grow(int[] rowCounts, SplittableRandom random) {
    int distinct = layOut(rowCounts);
    nodes.clear();
    int top = push(0, 0, distinct, 0, -1, 0);
    while (top > 0) {
      top -= FRAME;
      int lo = stack[top];
      int hi = stack[top + 1];
      int depth = stack[top + 2];
      int parent = stack[top + 3];
      int members = stack[top + 4];
      int at = nodes.add();
      if (parent >= 0) {
        nodes.right[parent] = at;
      }
      top = split(at, lo, hi, depth, members, random, top);
    }
    return nodes.tree();
  }

  /** Weighs the rows by their counts and lays out each descriptor's drawn rows in rank order. */
  private int layOut(int[] rowCounts) {
    double[] y = data.y();
    for (int i = 0; i < rowCounts.length; i++) {
      drawn[i] = rowCounts[i] == 0 ? 0 : 1;
      weight[i] = rowCounts[i];
      weightedY[i] = rowCounts[i] * y[i];
    }
    totalWeight = Arrays.stream(rowCounts).asDoubleStream().sum();
    int distinct = 0;
    for (int f = 0; f < width; f++) {
      int[] sorted = data.sorted()[f];
      int[] segment = order[f];
      int m = 0;
      for (int row : sorted) {
        segment[m] = row; // branch-free: kept only if drawn
        m += drawn[row];
      }
      distinct = m;
    }
    return distinct;
  }

  private int push(int top, int lo, int hi, int depth, int parent, int members) {
    stack[top] = lo;
    stack[top + 1] = hi;
    stack[top + 2] = depth;
    stack[top + 3] = parent;
    stack[top + 4] = members;
    return top + FRAME;
  }

  /** Makes node {@code at} a leaf or splits it, pushing its children; returns the new stack top. */
  private int split(int at, int lo, int hi, int depth, int members, SplittableRandom random, int top) {
    int[] rows = order[members];
    double w = 0;
    double s = 0;
    for (int i = lo; i < hi; i++) {
      w += weight[rows[i]];
      s += weightedY[rows[i]];
    }
    double mean = s / w;
    if (depth >= rules.maxDepth() || hi - lo < rules.minSamplesSplit() || hi - lo < 2
        || variance(rows, lo, hi, mean, w) <= EPSILON) {
      nodes.leaf(at, mean);
      return top;
    }
    Split best = bestSplit(lo, hi, w, s, random);
    if (best == null || (best.proxy - s * s / w) / totalWeight + EPSILON < rules.minImpurityDecrease()) {
      nodes.leaf(at, mean);
      return top;
    }
    int middle = partition(best, lo, hi);
    nodes.split(at, best.feature, data.threshold(best.feature, best.rank, best.above));
    top = push(top, middle, hi, depth + 1, at, best.feature); // right child: written after the left subtree
    return push(top, lo, middle, depth + 1, -1, best.feature); // left child: written next, at at + 1
  }

  /** The node's weighted mean squared deviation, by two passes (no cancellation for pure nodes). */
  private double variance(int[] rows, int lo, int hi, double mean, double w) {
    double[] y = data.y();
    double rss = 0;
    for (int i = lo; i < hi; i++) {
      double d = y[rows[i]] - mean;
      rss += weight[rows[i]] * d * d;
    }
    return rss / w;
  }

  /**
   * A candidate split: rows of rank <= {@code rank} of {@code feature} go left; {@code above} is the
   * next rank present in the node, whose value bounds the threshold from above; {@code position}
   * where the right rows begin in the node's segment of that descriptor.
   */
  private record Split(int feature, int rank, int above, int position, double proxy) {}

  /**
   * scikit-learn's search: descriptors drawn without replacement until {@code max_features}
   * non-constant ones have been tried, each scanned for the split maximising {@code S_L^2 / W_L +
   * S_R^2 / W_R} (the decrease of the squared error up to a constant); null if all are constant.
   */
  private Split bestSplit(int lo, int hi, double w, double s, SplittableRandom random) {
    for (int f = 0; f < width; f++) {
      features[f] = f;
    }
    int undrawn = width;
    int tried = 0;
    int bestFeature = -1;
    int bestRank = -1;
    int bestAbove = -1;
    int bestPosition = -1;
    double bestProxy = Double.NEGATIVE_INFINITY;
    while (undrawn > 0 && tried < rules.maxFeatures()) {
      int j = random.nextInt(undrawn);
      int f = features[j];
      features[j] = features[--undrawn];
      features[undrawn] = f;
      int[] rows = order[f];
      int[] rank = data.rank()[f];
      if (rank[rows[lo]] == rank[rows[hi - 1]]) {
        continue; // constant in this node: not counted, draw again
      }
      tried++;
      double wl = 0;
      double sl = 0;
      int current = rank[rows[lo]];
      for (int i = lo; i < hi - 1; i++) {
        int row = rows[i];
        wl += weight[row];
        sl += weightedY[row];
        int next = rank[rows[i + 1]];
        if (next != current) {
          double sr = s - sl;
          double proxy = sl * sl / wl + sr * sr / (w - wl);
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestFeature = f;
            bestRank = current;
            bestAbove = next;
            bestPosition = i + 1;
          }
          current = next;
        }
      }
    }
    return bestFeature < 0 ? null : new Split(bestFeature, bestRank, bestAbove, bestPosition, bestProxy);
  }

  /**
   * Splits each descriptor's segment stably into the left rows, then the right, except where the
   * descriptor is constant in the node; returns the boundary.
   */
  private int partition(Split split, int lo, int hi) {
    int[] byFeature = order[split.feature];
    int middle = split.position; // in the order of the split's descriptor, the left rows come first
    for (int i = lo; i < middle; i++) {
      goesLeft[byFeature[i]] = 1;
    }
    for (int i = middle; i < hi; i++) {
      goesLeft[byFeature[i]] = 0;
    }
    for (int f = 0; f < width; f++) {
      int[] rows = order[f];
      int[] rank = data.rank()[f];
      if (f == split.feature || rank[rows[lo]] == rank[rows[hi - 1]]) {
        // the split's descriptor is in order already; a descriptor constant here stays constant
        // below, where no split search reads more of it than that it is constant (any rows of
        // this node show it), and no node takes its rows from it
        continue;
      }
      int kept = lo;
      int spilled = 0;
      for (int i = lo; i < hi; i++) {
        // branch-free (the side is unpredictable): write both places, advance one
        int row = rows[i];
        int left = goesLeft[row];
        rows[kept] = row;
        spill[spilled] = row;
        kept += left;
        spilled += 1 - left;
      }
      System.arraycopy(spill, 0, rows, kept, spilled);
    }
    return middle;
  }

  /** The growing tree, in pre-order, in arrays sized for the largest possible tree. */
  private static final class NodeArrays {
    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final double[] value;
    int size;

    NodeArrays(int capacity) {
      feature = new int[capacity];
      threshold = new double[capacity];
      left = new int[capacity];
      right = new int[capacity];
      value = new double[capacity];
    }

    void clear() {
      size = 0;
    }

    int add() {
      return size++;
    }

    void leaf(int at, double mean) {
      feature[at] = DecisionForest.LEAF;
      threshold[at] = 0;
      left[at] = DecisionForest.LEAF;
      right[at] = DecisionForest.LEAF;
      value[at] = mean;
    }

    void split(int at, int f, double t) {
      feature[at] = f;
      threshold[at] = t;
      left[at] = at + 1;
      value[at] = 0;
    }

    DecisionForest.Tree tree() {
      return new DecisionForest.Tree(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size),
          Arrays.copyOf(left, size), Arrays.copyOf(right, size), Arrays.copyOf(value, size));
    }
  }
}

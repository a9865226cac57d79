package gfa.models.learners;

import gfa.core.concurrent.RowBlocks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An XGBoost regression model read from XGBoost's UBJSON model file and evaluated in Java, with
 * XGBoost's CPU predictor's rule (a row's values as float32; {@code x < split_condition} goes to
 * the left child, a missing value to the default child) and its arithmetic (float32, starting from
 * {@code base_score} and adding the trees' leaves in order), so the predictions are XGBoost's bit
 * for bit (tests compare them with the library's).
 *
 * <p>Why not the library: reading the default model (12 MB) into a native booster took 0.45 s with
 * its library, and its prediction of a 5151-point grid ran on one core while the Java learners
 * shared the other; in Java the model is read in a fraction of that and the trees are walked on
 * both cores, and a command that only predicts never loads XGBoost's library. Only what gfa fits is
 * read: a {@code gbtree} of numerical splits, one target, {@code reg:squarederror}. {@link #parse}
 * answers null for anything else, and the caller falls back to the library.
 */
final class XgboostTrees {
  private static final long PARALLEL_WORK = 1L << 20;

  private final int width;
  private final float base;
  private final int[] nodeStart;
  private final int[] feature;
  private final float[] condition; // the split's condition, or the leaf's value
  private final int[] left; // -1 at a leaf
  private final int[] right;
  private final boolean[] defaultLeft;

  private XgboostTrees(int width, float base, List<Tree> trees) {
    this.width = width;
    this.base = base;
    nodeStart = new int[trees.size() + 1];
    for (int t = 0; t < trees.size(); t++) {
      nodeStart[t + 1] = nodeStart[t] + trees.get(t).left.length;
    }
    int nodes = nodeStart[trees.size()];
    feature = new int[nodes];
    condition = new float[nodes];
    left = new int[nodes];
    right = new int[nodes];
    defaultLeft = new boolean[nodes];
    for (int t = 0; t < trees.size(); t++) {
      Tree tree = trees.get(t);
      int at = nodeStart[t];
      System.arraycopy(tree.feature, 0, feature, at, tree.left.length);
      System.arraycopy(tree.condition, 0, condition, at, tree.left.length);
      System.arraycopy(tree.left, 0, left, at, tree.left.length);
      System.arraycopy(tree.right, 0, right, at, tree.left.length);
      System.arraycopy(tree.defaultLeft, 0, defaultLeft, at, tree.left.length);
    }
  }

  private XgboostTrees(int width, float base, int[] nodeStart, int[] feature, float[] condition, int[] left, int[] right,
      boolean[] defaultLeft) {
    this.width = width;
    this.base = base;
    this.nodeStart = nodeStart;
    this.feature = feature;
    this.condition = condition;
    this.left = left;
    this.right = right;
    this.defaultLeft = defaultLeft;
  }

  private record Tree(int[] feature, float[] condition, int[] left, int[] right, boolean[] defaultLeft) {}

  /** The first line of the trees' table ({@link TreeTables}, docs/model-format.md). */
  static final String TABLE_HEADER = "gfa-xgboost-trees/1";

  /** The table's body: the arrays above, float32 values as their bits. */
  void writeTable(java.io.DataOutputStream out) throws java.io.IOException {
    int trees = nodeStart.length - 1;
    out.writeInt(width);
    out.writeInt(Float.floatToRawIntBits(base));
    out.writeInt(trees);
    GfaModelFile.writeAll(out, nodeStart);
    GfaModelFile.writeAll(out, feature);
    for (float c : condition) {
      out.writeInt(Float.floatToRawIntBits(c));
    }
    GfaModelFile.writeAll(out, left);
    GfaModelFile.writeAll(out, right);
    for (boolean d : defaultLeft) {
      out.writeInt(d ? 1 : 0);
    }
  }

  /** The trees of a table's body, or null when they are not well formed (the checks of {@link #parse}). */
  static XgboostTrees readTable(GfaModelFile.Reader in) throws java.io.IOException {
    int width = in.int32();
    float base = Float.intBitsToFloat(in.int32());
    int trees = in.int32();
    if (width < 1 || trees < 0 || trees == Integer.MAX_VALUE) {
      return null;
    }
    int[] nodeStart = in.int32s(trees + 1);
    if (nodeStart[0] != 0) {
      return null;
    }
    for (int t = 0; t < trees; t++) {
      if (nodeStart[t + 1] <= nodeStart[t]) { // every tree has a node
        return null;
      }
    }
    int nodes = nodeStart[trees];
    int[] feature = in.int32s(nodes);
    int[] bits = in.int32s(nodes);
    int[] left = in.int32s(nodes);
    int[] right = in.int32s(nodes);
    int[] defaults = in.int32s(nodes);
    float[] condition = new float[nodes];
    boolean[] defaultLeft = new boolean[nodes];
    for (int t = 0; t < trees; t++) {
      int at = nodeStart[t];
      int n = nodeStart[t + 1] - at;
      for (int i = 0; i < n; i++) {
        int k = at + i;
        int l = left[k];
        if (!wellFormed(l, right[k], feature[k], i, n, width)) {
          return null;
        }
        if (defaults[k] != 0 && defaults[k] != 1) {
          return null;
        }
        condition[k] = Float.intBitsToFloat(bits[k]);
        defaultLeft[k] = defaults[k] == 1;
      }
    }
    return new XgboostTrees(width, base, nodeStart, feature, condition, left, right, defaultLeft);
  }

  /**
   * Whether node {@code i} of a tree of {@code n} nodes is a leaf ({@code left == -1}) or a split of
   * one of the {@code width} descriptors whose children are later nodes of the tree (XGBoost numbers
   * a node's children after it), so that evaluating a row always ends at a leaf.
   */
  private static boolean wellFormed(int left, int right, int feature, int i, int n, int width) {
    return left == -1 || (left > i && left < n && right > i && right < n && feature >= 0 && feature < width);
  }

  int width() {
    return width;
  }

  /** How many different split conditions the trees use on descriptor {@code f} (at most its histogram bins). */
  long splitPoints(int f) {
    java.util.Set<Float> points = new java.util.HashSet<>();
    for (int i = 0; i < feature.length; i++) {
      if (left[i] >= 0 && feature[i] == f) {
        points.add(condition[i]);
      }
    }
    return points.size();
  }

  /**
   * The model in XGBoost's UBJSON {@code bytes}, or null when it is one this class does not
   * evaluate (another booster or objective, categorical splits, several targets or parallel trees,
   * or a file that is not UBJSON).
   */
  static XgboostTrees parse(byte[] bytes) {
    Object root;
    try {
      Ubjson reader = new Ubjson(ByteBuffer.wrap(bytes));
      root = reader.value();
      if (reader.in.hasRemaining()) {
        return null;
      }
    } catch (RuntimeException e) {
      return null; // not UBJSON as this reader knows it: the library reads it, or says why not
    }
    try {
      Map<String, Object> learner = map(map(root).get("learner"));
      Map<String, Object> param = map(learner.get("learner_model_param"));
      Map<String, Object> booster = map(learner.get("gradient_booster"));
      Map<String, Object> objective = map(learner.get("objective"));
      if (!"gbtree".equals(booster.get("name")) || !"reg:squarederror".equals(objective.get("name"))
          || !"1".equals(string(param.getOrDefault("num_target", "1")))) {
        return null;
      }
      Map<String, Object> model = map(booster.get("model"));
      Map<String, Object> modelParam = map(model.get("gbtree_model_param"));
      if (!"1".equals(string(modelParam.get("num_parallel_tree")))) {
        return null;
      }
      int width = Integer.parseInt(string(param.get("num_feature")));
      float base = Float.parseFloat(string(param.get("base_score")));
      List<Tree> trees = new ArrayList<>();
      for (Object t : list(model.get("trees"))) {
        Map<String, Object> tree = map(t);
        int[] l = ints(tree.get("left_children"));
        int[] r = ints(tree.get("right_children"));
        int[] f = ints(tree.get("split_indices"));
        float[] c = floats(tree.get("split_conditions"));
        int[] d = ints(tree.get("default_left"));
        int[] type = ints(tree.getOrDefault("split_type", new int[l.length]));
        if (l.length == 0 || r.length != l.length || f.length != l.length || c.length != l.length || d.length != l.length
            || type.length != l.length) {
          return null;
        }
        boolean[] defaults = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
          if (type[i] != 0 && l[i] != -1) {
            return null; // a categorical split
          }
          if (!wellFormed(l[i], r[i], f[i], i, l.length, width)) {
            return null;
          }
          defaults[i] = d[i] != 0;
        }
        trees.add(new Tree(f, c, l, r, defaults));
      }
      return new XgboostTrees(width, base, trees);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The predictions for the rows of {@code x}; large inputs use the common pool. */
  double[] predict(double[][] x) {
    double[] out = new double[x.length];
    RowBlocks.run(x.length, (long) x.length * (nodeStart.length - 1), PARALLEL_WORK, (from, to) -> predictRows(x, from, to, out));
    return out;
  }

  /** Rows from..to, tree by tree (each tree stays in the cache); each row's sum in tree order. */
  private void predictRows(double[][] x, int from, int to, double[] out) {
    int rows = to - from;
    float[][] block = new float[rows][width];
    boolean finite = true;
    for (int r = 0; r < rows; r++) {
      double[] source = x[from + r];
      for (int f = 0; f < width; f++) {
        float v = (float) source[f]; // XGBoost reads the row as float32
        block[r][f] = v;
        finite &= !Float.isNaN(v);
      }
    }
    float[] sums = new float[rows];
    java.util.Arrays.fill(sums, base);
    int trees = nodeStart.length - 1;
    for (int t = 0; t < trees; t++) {
      int root = nodeStart[t];
      if (finite) {
        // no value is missing: XGBoost's decision is the comparison alone, and each node's left
        // child is read once (a fifth less CPU under the client compiler than the loop below)
        for (int r = 0; r < rows; r++) {
          float[] row = block[r];
          int i = root;
          int left;
          while ((left = this.left[i]) != -1) {
            i = root + (row[feature[i]] < condition[i] ? left : right[i]);
          }
          sums[r] += condition[i];
        }
        continue;
      }
      for (int r = 0; r < rows; r++) {
        float[] row = block[r];
        int i = root;
        while (left[i] != -1) {
          float v = row[feature[i]];
          int child = !Float.isNaN(v) ? (v < condition[i] ? left[i] : right[i]) : (defaultLeft[i] ? left[i] : right[i]);
          i = root + child;
        }
        sums[r] += condition[i];
      }
    }
    for (int r = 0; r < rows; r++) {
      out[from + r] = sums[r];
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalStateException("not an object");
  }

  private static List<?> list(Object o) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalStateException("not an array");
  }

  private static String string(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Number n) {
      return Long.toString(n.longValue());
    }
    throw new IllegalStateException("not a string");
  }

  private static int[] ints(Object o) {
    if (o instanceof int[] a) {
      return a;
    }
    if (o instanceof byte[] a) {
      int[] out = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] & 0xff;
      }
      return out;
    }
    if (o instanceof long[] a) {
      int[] out = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = Math.toIntExact(a[i]);
      }
      return out;
    }
    if (o instanceof List<?> l) {
      int[] out = new int[l.size()];
      for (int i = 0; i < out.length; i++) {
        Object v = l.get(i);
        out[i] = v instanceof Boolean b ? (b ? 1 : 0) : Math.toIntExact(((Number) v).longValue());
      }
      return out;
    }
    throw new IllegalStateException("not an integer array");
  }

  private static float[] floats(Object o) {
    if (o instanceof float[] a) {
      return a;
    }
    if (o instanceof List<?> l && l.stream().allMatch(v -> v instanceof Float)) {
      float[] out = new float[l.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (Float) l.get(i);
      }
      return out;
    }
    throw new IllegalStateException("not a float32 array");
  }

  /**
   * The UBJSON that XGBoost writes (big-endian): objects, arrays (counted or not, typed as raw
   * numbers or not), strings, integers of 1 to 8 bytes, float32 and float64, booleans and null.
   * Typed arrays come back as primitive arrays (float32 as float[], int32 as int[], uint8 and
   * int8 as byte[], int64 as long[]).
   */
  private static final class Ubjson {
    private final ByteBuffer in;

    Ubjson(ByteBuffer in) {
      this.in = in;
    }

    Object value() {
      return value(in.get());
    }

    private Object value(byte marker) {
      return switch (marker) {
        case '{' -> object();
        case '[' -> array();
        case 'S' -> string();
        case 'i' -> (long) in.get();
        case 'U' -> (long) (in.get() & 0xff);
        case 'I' -> (long) in.getShort();
        case 'l' -> (long) in.getInt();
        case 'L' -> in.getLong();
        case 'd' -> in.getFloat();
        case 'D' -> in.getDouble();
        case 'T' -> Boolean.TRUE;
        case 'F' -> Boolean.FALSE;
        case 'Z' -> null;
        default -> throw new IllegalStateException("UBJSON marker " + marker);
      };
    }

    private long length() {
      Object n = value(in.get());
      if (!(n instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
        throw new IllegalStateException("bad length");
      }
      return l;
    }

    private String string() {
      int n = (int) length();
      byte[] b = new byte[n];
      in.get(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    private Map<String, Object> object() {
      Map<String, Object> out = new LinkedHashMap<>();
      if (peek() == '#') {
        in.get();
        long n = length();
        for (long k = 0; k < n; k++) {
          String key = string();
          out.put(key, value());
        }
        return out;
      }
      while (peek() != '}') {
        String key = string();
        out.put(key, value());
      }
      in.get();
      return out;
    }

    private Object array() {
      if (peek() == '$') {
        in.get();
        byte type = in.get();
        if (in.get() != '#') {
          throw new IllegalStateException("typed array without a count");
        }
        int n = (int) length();
        switch (type) {
          case 'd' -> {
            float[] a = new float[n];
            in.asFloatBuffer().get(a);
            in.position(in.position() + 4 * n);
            return a;
          }
          case 'l' -> {
            int[] a = new int[n];
            in.asIntBuffer().get(a);
            in.position(in.position() + 4 * n);
            return a;
          }
          case 'L' -> {
            long[] a = new long[n];
            in.asLongBuffer().get(a);
            in.position(in.position() + 8 * n);
            return a;
          }
          case 'U', 'i' -> {
            byte[] a = new byte[n];
            in.get(a);
            if (type == 'i') {
              int[] signed = new int[n];
              for (int k = 0; k < n; k++) {
                signed[k] = a[k];
              }
              return signed;
            }
            return a;
          }
          default -> throw new IllegalStateException("typed array of " + type);
        }
      }
      List<Object> out = new ArrayList<>();
      if (peek() == '#') {
        in.get();
        long n = length();
        for (long k = 0; k < n; k++) {
          out.add(value());
        }
        return out;
      }
      while (peek() != ']') {
        out.add(value());
      }
      in.get();
      return out;
    }

    private byte peek() {
      return in.get(in.position());
    }
  }
}

package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.models.learners.svm.EpsilonSvrSolver;
import gfa.models.learners.svm.KernelMatrix;
import gfa.models.learners.svm.SvrSolution;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.RegressionNode;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.math.kernel.GaussianKernel;
import smile.regression.KernelMachine;
import smile.regression.SVM;

/**
 * SVR and random-forest models are saved in gfa's own format (docs/model-format.md), not by Java
 * serialization of Smile's classes, and predict exactly as the models fitted (the forest's as
 * Smile's trees; the SVR's, gfa's own solver, as Smile's SMO to within its tolerance).
 */
class ModelFormatTest {
  /** 29 descriptors like the paper's, so the distance sums run as long as in use. */
  private static final int WIDTH = 29;
  private static final double[][] X = rows(160, 1);
  private static final double[] Y = Arrays.stream(X).mapToDouble(r -> Math.sin(r[0]) + r[1] * r[2] - 0.5 * r[28]).toArray();
  private static final double[][] QUERIES = rows(90, 2);

  private static double[][] rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][WIDTH];
    for (double[] row : x) {
      for (int j = 0; j < WIDTH; j++) {
        row[j] = random.nextDouble(-2, 2);
      }
    }
    return x;
  }

  @Test
  void svrSavedAndLoadedPredictsBitForBitAsTheFittedMachine(@TempDir Path dir) throws IOException {
    Map<String, Object> params = Map.of("C", 7.0, "gamma", 0.035, "epsilon", 0.05);
    SvrSolution solution = new EpsilonSvrSolver(KernelMatrix.rbf(X, 0.035), 7.0, SvrLearner.TOLERANCE).solve(Y, 0.05);
    int[] support = solution.supportVectors();
    KernelMachine<double[]> smile = SVM.fit(copy(X), Y.clone(), new GaussianKernel(SvrLearner.sigma(0.035)),
        new SVM.Options(0.05, 7.0, SvrLearner.TOLERANCE));
    SvrLearner svr = new SvrLearner();
    Path file = dir.resolve("svr.model");
    double[] expected;
    try (FittedModel fitted = svr.fit(X, Y, params, 0, 2)) {
      expected = fitted.predict(QUERIES);
      fitted.save(file);
    }
    for (int i = 0; i < QUERIES.length; i++) {
      assertEquals(smile.predict(QUERIES[i]), expected[i], 1e-2, "the machine Smile's SMO fits");
    }
    try (FittedModel loaded = svr.load(file)) {
      assertArrayEquals(expected, loaded.predict(QUERIES));
    }

    // the layout of docs/model-format.md, read here independently of gfa's reader
    DataInputStream in = body(file, "gfa-svr/1");
    assertEquals(WIDTH, in.readInt());
    int count = in.readInt();
    assertEquals(support.length, count);
    assertEquals(0.035, in.readDouble(), 0.0);
    assertEquals(-solution.rho(), in.readDouble(), 0.0);
    for (int i = 0; i < count; i++) {
      assertEquals(solution.coefficient(support[i]), in.readDouble(), 0.0);
    }
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < WIDTH; j++) {
        assertEquals(X[support[i]][j], in.readDouble(), 0.0);
      }
    }
    assertEquals(-1, in.read(), "nothing after the support vectors");
  }

  @Test
  void forestSavedAndLoadedPredictsBitForBitAsBefore(@TempDir Path dir) throws IOException {
    Map<String, Object> params = Map.of("n_estimators", 40.0, "max_features", 9.0, "min_samples_split", 3.0);
    RandomForestLearner rf = new RandomForestLearner();
    Path fittedFile = dir.resolve("fitted.model");
    try (FittedModel fitted = rf.fit(X, Y, params, 5, 2)) {
      double[] expected = fitted.predict(QUERIES);
      fitted.save(fittedFile);
      try (FittedModel loaded = rf.load(fittedFile)) {
        assertArrayEquals(expected, loaded.predict(QUERIES));
      }
    }
  }

  @Test
  void forestFileHoldsTheTreesNodeByNode(@TempDir Path dir) throws IOException {
    // Smile's trees (the reference forest), written as node arrays: the layout is checked node by node
    Map<String, Object> params = Map.of("n_estimators", 40.0, "max_features", 9.0, "min_samples_split", 3.0);
    RandomForestLearner rf = new RandomForestLearner();
    Path file = dir.resolve("rf.model");
    RandomForestLearner.Forest forest = SmileForest.grow(X, Y, params, 5, 2);
    DecisionForest.of(WIDTH, forest.roots()).save(file);
    try (FittedModel loaded = rf.load(file)) {
      assertArrayEquals(smilePredictions(forest), loaded.predict(QUERIES));
    }

    DataInputStream in = body(file, "gfa-rf/1");
    assertEquals(WIDTH, in.readInt());
    assertEquals(40, in.readInt());
    for (Node root : forest.roots()) {
      int n = in.readInt();
      assertEquals(size(root), n);
      int[] feature = ints(in, n);
      double[] threshold = doubles(in, n);
      int[] left = ints(in, n);
      int[] right = ints(in, n);
      double[] value = doubles(in, n);
      // walk Smile's tree and the arrays together
      assertEquals(n, walk(root, 0, feature, threshold, left, right, value));
    }
    assertEquals(-1, in.read(), "nothing after the last tree");
  }

  @Test
  void savedFilesHoldNoJavaSerializationStream(@TempDir Path dir) throws IOException {
    for (Learner learner : new Learner[] {new SvrLearner(), new RandomForestLearner()}) {
      Path file = dir.resolve(learner.id() + ".model");
      Map<String, Object> params = learner instanceof RandomForestLearner ? Map.of("n_estimators", 50.0) : Map.of();
      try (FittedModel fitted = learner.fit(X, Y, params, 3, 2)) {
        fitted.save(file);
      }
      byte[] bytes = Files.readAllBytes(file);
      assertFalse(GfaModelFile.isJavaSerialization(bytes), learner.id());
      byte[] streamMagic = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05};
      for (int i = 0; i + streamMagic.length <= bytes.length; i++) {
        assertFalse(Arrays.equals(bytes, i, i + 4, streamMagic, 0, 4), learner.id() + ": 0xACED0005 at byte " + i);
      }
      assertTrue(new String(bytes, 0, 10, StandardCharsets.US_ASCII).startsWith("gfa-" + learner.id() + "/1\n"));
    }
  }

  @Test
  void filesOfEarlierReleasesStillLoadAndPredictAsBefore(@TempDir Path dir) throws IOException {
    KernelMachine<double[]> machine = SVM.fit(copy(X), Y.clone(), new GaussianKernel(SvrLearner.sigma(0.2)),
        new SVM.Options(0.1, 10, SvrLearner.TOLERANCE));
    Path svrFile = dir.resolve("svr.model");
    javaSerialize(svrFile, machine);
    try (FittedModel loaded = new SvrLearner().load(svrFile)) {
      // gfa computes the kernel as exp(-gamma d), Smile as exp(-0.5 (sqrt(d) / sigma)^2)
      double[] smiles = Arrays.stream(QUERIES).mapToDouble(machine::predict).toArray();
      double[] loadedPredictions = loaded.predict(QUERIES);
      for (int i = 0; i < smiles.length; i++) {
        assertEquals(smiles[i], loadedPredictions[i], 1e-12 * (1 + Math.abs(smiles[i])));
      }
      Path resaved = dir.resolve("svr-resaved.model");
      loaded.save(resaved);
      try (FittedModel again = new SvrLearner().load(resaved)) {
        // gamma is derived from Smile's width: at most a rounding apart
        double[] a = loaded.predict(QUERIES);
        double[] b = again.predict(QUERIES);
        for (int i = 0; i < a.length; i++) {
          assertEquals(a[i], b[i], 1e-12);
        }
      }
    }

    RandomForestLearner rf = new RandomForestLearner();
    RandomForestLearner.Forest forest = SmileForest.grow(X, Y, Map.of("n_estimators", 30.0), 9, 2);
    Path rfFile = dir.resolve("rf.model");
    javaSerialize(rfFile, forest);
    try (FittedModel loaded = rf.load(rfFile)) {
      assertArrayEquals(smilePredictions(forest), loaded.predict(QUERIES));
    }
  }

  @Test
  void damagedFilesAreRefusedWithTheirName(@TempDir Path dir) throws IOException {
    RandomForestLearner rf = new RandomForestLearner();
    Path good = dir.resolve("rf.model");
    try (FittedModel fitted = rf.fit(X, Y, Map.of("n_estimators", 50.0), 1, 2)) {
      fitted.save(good);
    }
    byte[] bytes = Files.readAllBytes(good);

    Path truncated = dir.resolve("truncated.model");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 3));
    assertMessage(rf, truncated, "ends early");

    Path trailing = dir.resolve("trailing.model");
    Files.write(trailing, Arrays.copyOf(bytes, bytes.length + 1));
    assertMessage(rf, trailing, "1 bytes after the end");

    // the root's left child (first int after width, trees, node count and n features, n thresholds) pointing back at itself
    byte[] loop = bytes.clone();
    int header = "gfa-rf/1\n".length();
    int nodes = readInt(loop, header + 8);
    writeInt(loop, header + 12 + nodes * 4 + nodes * 8, 0);
    Path cyclic = dir.resolve("cyclic.model");
    Files.write(cyclic, loop);
    assertMessage(rf, cyclic, "tree 0, node 0");

    byte[] huge = bytes.clone();
    writeInt(huge, header + 8, Integer.MAX_VALUE);
    Path oversized = dir.resolve("oversized.model");
    Files.write(oversized, huge);
    assertMessage(rf, oversized, "ends early");

    assertMessage(new SvrLearner(), good, "does not begin with 'gfa-svr/1'");
  }

  private static void assertMessage(Learner learner, Path file, String part) {
    IOException e = assertThrows(IOException.class, () -> learner.load(file).close());
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(part), e.getMessage());
  }

  private static double[] smilePredictions(RandomForestLearner.Forest forest) {
    StructType schema = new StructType(IntStream.range(0, WIDTH)
        .mapToObj(j -> new StructField("x" + j, DataTypes.DoubleType)).toList());
    double[] predictions = new double[QUERIES.length];
    for (int i = 0; i < QUERIES.length; i++) {
      Tuple row = Tuple.of(schema, QUERIES[i]);
      double sum = 0;
      for (Node root : forest.roots()) {
        sum += ((RegressionNode) root.predict(row)).output();
      }
      predictions[i] = sum / forest.roots().length;
    }
    return predictions;
  }

  /** Checks node {@code at} and its subtree against Smile's; returns the index after the subtree. */
  private static int walk(Node node, int at, int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    if (node instanceof RegressionNode leaf) {
      assertEquals(-1, feature[at]);
      assertEquals(-1, left[at]);
      assertEquals(-1, right[at]);
      assertEquals(leaf.output(), value[at], 0.0);
      return at + 1;
    }
    InternalNode split = (InternalNode) node;
    assertEquals(split.feature(), feature[at]);
    assertEquals(at + 1, left[at]);
    // the threshold sends rows exactly as Smile's split does: at it left, just above it right
    double[] row = new double[WIDTH];
    row[feature[at]] = threshold[at];
    StructType schema = new StructType(IntStream.range(0, WIDTH)
        .mapToObj(j -> new StructField("x" + j, DataTypes.DoubleType)).toList());
    assertTrue(split.branch(Tuple.of(schema, row)));
    row[feature[at]] = Math.nextUp(threshold[at]);
    assertFalse(split.branch(Tuple.of(schema, row)));
    int next = walk(split.trueChild(), at + 1, feature, threshold, left, right, value);
    assertEquals(next, right[at]);
    return walk(split.falseChild(), next, feature, threshold, left, right, value);
  }

  private static int size(Node node) {
    return node instanceof InternalNode split ? 1 + size(split.trueChild()) + size(split.falseChild()) : 1;
  }

  private static DataInputStream body(Path file, String header) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] line = (header + "\n").getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(line, Arrays.copyOf(bytes, line.length));
    return new DataInputStream(new ByteArrayInputStream(bytes, line.length, bytes.length - line.length));
  }

  private static int[] ints(DataInputStream in, int n) throws IOException {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readInt();
    }
    return v;
  }

  private static double[] doubles(DataInputStream in, int n) throws IOException {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  private static void writeInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static void javaSerialize(Path file, Serializable model) throws IOException {
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(model);
    }
  }

  private static double[][] copy(double[][] x) {
    return Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
  }
}

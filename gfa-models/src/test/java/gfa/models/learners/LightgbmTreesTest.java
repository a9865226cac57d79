package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gfa's evaluation of LightGBM's trees (a read model) against LightGBM's own predictions (the fitted one), bit for bit. */
class LightgbmTreesTest {
  private static final LightgbmLearner LIGHTGBM = new LightgbmLearner();

  /**
   * The fast parser must round every value as Double.parseDouble does: LightGBM writes doubles with
   * up to 17 significant digits ("%.17g") and the shortest form; both, for doubles of every
   * magnitude (random bit patterns, so subnormals and halfway-close values too), and LightGBM's
   * kZeroThreshold.
   */
  @Test
  void valuesParseToTheSameDoublesAsDoubleParseDouble() {
    java.util.Random random = new java.util.Random(9);
    StringBuilder text = new StringBuilder("1.0000000180025095e-35 -0 0 1e-320 4.9e-324 1.7976931348623157e+308");
    for (int k = 0; k < 100_000; k++) {
      double v = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(v)) {
        continue;
      }
      text.append(' ').append(k % 2 == 0 ? String.format(java.util.Locale.ROOT, "%.17g", v) : Double.toString(v));
      double near = random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4); // values as a model's
      text.append(' ').append(String.format(java.util.Locale.ROOT, k % 3 == 0 ? "%.17g" : "%.16g", near));
    }
    String[] tokens = text.toString().split(" ");
    double[] parsed = LightgbmTrees.doubles(text.toString());
    assertEquals(tokens.length, parsed.length);
    for (int k = 0; k < tokens.length; k++) {
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(tokens[k])), Double.doubleToRawLongBits(parsed[k]), tokens[k]);
    }
    assertThrows(NumberFormatException.class, () -> LightgbmTrees.doubles("1.5 nan1"));
  }

  @Test
  void predictsAsLightgbmOnSyntheticFitsIncludingRowsOnTheThresholds(@TempDir Path dir) throws IOException {
    SyntheticRegression data = SyntheticRegression.generate(11);
    List<Map<String, Object>> settings = List.of(
        Map.of(),
        Map.of("num_leaves", 200.0, "min_child_samples", 1.0, "n_estimators", 300.0, "learning_rate", 0.3),
        Map.of("num_leaves", 10.0, "min_child_samples", 40.0, "reg_alpha", 3.0, "reg_lambda", 50.0));
    for (Map<String, Object> change : settings) {
      Map<String, Object> params = new HashMap<>(LIGHTGBM.defaults());
      params.putAll(change);
      try (FittedModel fitted = LIGHTGBM.fit(data.trainX(), data.trainY(), params, 5, 1);
          FittedModel read = readBack(fitted, dir)) {
        double[][] queries = withThresholdRows(data.testX(), fitted, dir);
        assertArrayEquals(fitted.predict(queries), read.predict(queries), change.toString());
      }
    }
  }

  @Test
  void predictsAsLightgbmOnTheDefaultSearchSpaceOverThePublishedAlloys(@TempDir Path dir) throws IOException {
    Optional<Path> file = PublishedDataset.file();
    assumeTrue(file.isPresent(), "published dataset not present");
    PublishedDataset data = PublishedDataset.read(file.get());
    Map<String, Object> params = new HashMap<>(LIGHTGBM.defaults());
    params.put("num_leaves", 360.0); // as the default model of seed 2: deep, unbalanced trees
    params.put("n_estimators", 150.0);
    params.put("min_child_samples", 3.0);
    try (FittedModel fitted = LIGHTGBM.fit(data.x(), data.y(), params, 2, 1);
        FittedModel read = readBack(fitted, dir)) {
      double[][] grid = data.rowsAndMidpoints(5151);
      assertArrayEquals(fitted.predict(grid), read.predict(grid), "5151 rows, in parallel");
    }
  }

  @Test
  void leavesToLightgbmWhatItDoesNotRead() {
    String binary = "tree\nversion=v4\nnum_class=1\nnum_tree_per_iteration=1\nmax_feature_idx=1\nobjective=binary sigmoid:1\n\n"
        + "Tree=0\nnum_leaves=2\nnum_cat=0\nsplit_feature=0\nthreshold=0.5\ndecision_type=2\nleft_child=-1\nright_child=-2\n"
        + "leaf_value=0.1 0.2\nis_linear=0\nshrinkage=1\n\nend of trees\n";
    assertNull(LightgbmTrees.parse(binary), "a classifier's sigmoid");
    String regression = binary.replace("objective=binary sigmoid:1", "objective=regression");
    LightgbmTrees trees = LightgbmTrees.parse(regression);
    assertNotNull(trees);
    assertArrayEquals(new double[] {0.1, 0.1, 0.2}, trees.predict(new double[][] {{0.4, 9}, {0.5, 9}, {0.6, 9}}),
        "x <= threshold goes left");
    assertNull(LightgbmTrees.parse(regression.replace("num_cat=0", "num_cat=1")), "categorical splits");
    assertNull(LightgbmTrees.parse(regression.replace("is_linear=0", "is_linear=1")), "linear trees");
    assertFalse(LightgbmTrees.parse(regression.replace("decision_type=2", "decision_type=0")) == null,
        "default right is read");
    String loop = regression.replace("left_child=-1", "left_child=0");
    assertTrue(assertThrows(IllegalStateException.class, () -> LightgbmTrees.parse(loop)).getMessage().contains("child 0"),
        "a split that is its own child is named, not walked forever");
    String garbled = regression.replace("threshold=0.5", "threshold=0.5x");
    assertTrue(assertThrows(IllegalStateException.class, () -> LightgbmTrees.parse(garbled)).getMessage().contains("0.5x"),
        "a garbled number is named (LightGBM's own parser would abort the process)");
  }

  /**
   * The fitted model (which predicts through LightGBM's C API) saved and read back: a read model is
   * evaluated in Java.
   */
  private static FittedModel readBack(FittedModel fitted, Path dir) throws IOException {
    assertFalse(((LightgbmLearner.Model) fitted).evaluatedInJava(), "a fitted model predicts through LightGBM");
    Path file = dir.resolve("read.txt");
    fitted.save(file);
    FittedModel read = LIGHTGBM.load(file);
    assertTrue(((LightgbmLearner.Model) read).evaluatedInJava(), "a read regression model is evaluated in Java");
    return read;
  }

  /** The queries, then rows whose every descriptor sits on one of the model's thresholds. */
  private static double[][] withThresholdRows(double[][] queries, FittedModel model, Path dir) throws IOException {
    Path file = dir.resolve("m.txt");
    model.save(file);
    List<double[]> rows = new ArrayList<>(List.of(queries));
    String text = Files.readString(file);
    int width = queries[0].length;
    List<String> features = new ArrayList<>();
    List<String> thresholds = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("split_feature=")) {
        features.add(line.substring(14));
      } else if (line.startsWith("threshold=")) {
        thresholds.add(line.substring(10));
      }
    }
    assertEquals(features.size(), thresholds.size());
    for (int t = 0; t < Math.min(20, features.size()); t++) {
      String[] f = features.get(t).split(" ");
      String[] th = thresholds.get(t).split(" ");
      double[] row = queries[t % queries.length].clone();
      for (int i = 0; i < f.length; i++) {
        row[Integer.parseInt(f[i]) % width] = Double.parseDouble(th[i]);
      }
      rows.add(row);
    }
    return rows.toArray(double[][]::new);
  }
}

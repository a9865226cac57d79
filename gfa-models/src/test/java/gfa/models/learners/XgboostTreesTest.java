package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** gfa's evaluation of XGBoost's trees (a read model) against XGBoost's own predictions (the fitted booster), bit for bit. */
class XgboostTreesTest {
  private static final XgboostLearner XGBOOST = new XgboostLearner();

  @Test
  void predictsAsXgboostOnSyntheticFitsIncludingRowsOnTheSplitConditions(@TempDir Path dir) throws IOException {
    SyntheticRegression data = SyntheticRegression.generate(13);
    List<Map<String, Object>> settings = List.of(
        Map.of(),
        Map.of("max_depth", 18.0, "n_estimators", 200.0, "min_child_weight", 1.0, "colsample_bynode", 0.3),
        Map.of("max_depth", 3.0, "reg_lambda", 50.0, "gamma", 2.0, "subsample", 0.6));
    for (Map<String, Object> change : settings) {
      Map<String, Object> params = new HashMap<>(XGBOOST.defaults());
      params.putAll(change);
      try (FittedModel fitted = XGBOOST.fit(data.trainX(), data.trainY(), params, 5, 1);
          FittedModel read = readBack(fitted, dir)) {
        double[][] queries = onTheConditions(data.testX(), data.trainX());
        assertArrayEquals(fitted.predict(queries), read.predict(queries), change.toString());
      }
    }
  }

  @Test
  void predictsAsXgboostOverThePublishedAlloys(@TempDir Path dir) throws IOException {
    Optional<Path> file = PublishedDataset.file();
    assumeTrue(file.isPresent(), "published dataset not present");
    PublishedDataset data = PublishedDataset.read(file.get());
    Map<String, Object> params = new HashMap<>(XGBOOST.defaults());
    params.put("max_depth", 18.0); // as the default model of seed 2: deep trees
    params.put("n_estimators", 120.0);
    params.put("colsample_bynode", 0.3);
    try (FittedModel fitted = XGBOOST.fit(data.x(), data.y(), params, 2, 1); FittedModel read = readBack(fitted, dir)) {
      double[][] grid = data.rowsAndMidpoints(5151);
      assertArrayEquals(fitted.predict(grid), read.predict(grid), "5151 rows, in parallel");
    }
  }

  @Test
  void leavesToXgboostWhatItDoesNotRead() {
    assertNull(XgboostTrees.parse("{\"learner\": {}}".getBytes()), "JSON text, not UBJSON");
    assertNull(XgboostTrees.parse(new byte[] {'{', '}'}), "no learner");
  }

  private static FittedModel readBack(FittedModel fitted, Path dir) throws IOException {
    Path file = dir.resolve("read.ubj");
    fitted.save(file);
    FittedModel read = XGBOOST.load(file);
    assertTrue(read instanceof XgboostLearner.ReadModel, "a read regression model is evaluated in Java");
    Path again = dir.resolve("again.ubj");
    read.save(again);
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "a read model saves the bytes it was read from");
    return read;
  }

  /** The queries, then rows whose descriptors are the training rows' values (the splits' candidates) and float32 neighbours. */
  private static double[][] onTheConditions(double[][] queries, double[][] train) {
    List<double[]> rows = new ArrayList<>(List.of(queries));
    for (int i = 0; i < 40; i++) {
      double[] row = train[i].clone();
      for (int f = 0; f < row.length; f++) {
        float v = (float) row[f];
        row[f] = i % 3 == 0 ? v : i % 3 == 1 ? Math.nextUp(v) : Math.nextDown(v);
      }
      rows.add(row);
    }
    assertFalse(rows.isEmpty());
    return rows.toArray(double[][]::new);
  }
}

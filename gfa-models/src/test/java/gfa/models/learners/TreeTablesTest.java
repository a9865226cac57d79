package gfa.models.learners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boosters' tree tables beside their model files: read when they belong to the file, ignored otherwise. */
class TreeTablesTest {
  private static final SyntheticRegression DATA = SyntheticRegression.generate(5);

  @Test
  void aSavedBoosterHasATableThatPredictsAsTheModelFileAndTheFittedModel(@TempDir Path dir) throws IOException {
    for (Learner learner : List.of(new LightgbmLearner(), new XgboostLearner())) {
      Path file = dir.resolve(learner.id() + (learner instanceof LightgbmLearner ? ".txt" : ".json"));
      try (FittedModel fitted = fit(learner, 1)) {
        fitted.save(file);
        Path table = TreeTables.beside(file);
        assertEquals(learner.id() + ".trees", table.getFileName().toString());
        assertTrue(Files.isRegularFile(table), learner.id() + ": the table is written with the model");
        double[] expected = fitted.predict(DATA.testX());
        try (FittedModel fromTable = learner.load(file)) {
          assertArrayEquals(expected, fromTable.predict(DATA.testX()), learner.id() + " from its table");
          Path again = dir.resolve("again-" + file.getFileName());
          fromTable.save(again); // a model read from its table saves the library's bytes and the same table
          assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
          assertArrayEquals(Files.readAllBytes(table), Files.readAllBytes(TreeTables.beside(again)));
        }
        Files.delete(table);
        try (FittedModel fromFile = learner.load(file)) {
          assertArrayEquals(expected, fromFile.predict(DATA.testX()), learner.id() + " from the library's file alone");
        }
      }
    }
  }

  /**
   * A model read through its table keeps only the file's length and CRC-32, and reads the file
   * again to be saved: a file changed in between is refused, not saved as the model.
   */
  @Test
  void aModelReadThroughItsTableRefusesToSaveAFileChangedSince(@TempDir Path dir) throws IOException {
    for (Learner learner : List.of(new LightgbmLearner(), new XgboostLearner())) {
      Path file = dir.resolve(learner.id() + ".model");
      try (FittedModel fitted = fit(learner, 1)) {
        fitted.save(file);
      }
      try (FittedModel read = learner.load(file)) {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
            () -> read.save(dir.resolve("copy-" + learner.id())));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("changed"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("copy-" + learner.id())), "nothing written");
      }
    }
  }

  /** A table left beside another model file (the model was replaced) is not used. */
  @Test
  void aStaleTableIsIgnored(@TempDir Path dir) throws IOException {
    for (Learner learner : List.of(new LightgbmLearner(), new XgboostLearner())) {
      Path a = Files.createDirectories(dir.resolve(learner.id() + "-a")).resolve("model.bin");
      Path b = Files.createDirectories(dir.resolve(learner.id() + "-b")).resolve("model.bin");
      try (FittedModel first = fit(learner, 1); FittedModel second = fit(learner, 40)) {
        first.save(a);
        second.save(b);
        double[] secondPredictions = second.predict(DATA.testX());
        assertFalse(java.util.Arrays.equals(first.predict(DATA.testX()), secondPredictions), "two different models");
        Files.copy(TreeTables.beside(a), TreeTables.beside(b), StandardCopyOption.REPLACE_EXISTING);
        try (FittedModel read = learner.load(b)) {
          assertArrayEquals(secondPredictions, read.predict(DATA.testX()), learner.id() + ": the model file wins");
        }
      }
    }
  }

  @Test
  void aDamagedOrMalformedTableIsIgnored(@TempDir Path dir) throws IOException {
    LightgbmLearner learner = new LightgbmLearner();
    Path file = dir.resolve("lightgbm.txt");
    try (FittedModel fitted = fit(learner, 1)) {
      fitted.save(file);
    }
    byte[] source = Files.readAllBytes(file);
    Path table = TreeTables.beside(file);
    assertNotNull(TreeTables.read(file, source, LightgbmTrees.TABLE_HEADER, "lightgbm", LightgbmTrees::readTable));
    assertNull(TreeTables.read(file, source, XgboostTrees.TABLE_HEADER, "xgboost", XgboostTrees::readTable),
        "another learner's header");
    byte[] bytes = Files.readAllBytes(table);
    bytes[bytes.length - 3] ^= 0x40; // inside the last leaf value
    Files.write(table, bytes);
    assertNull(TreeTables.read(file, source, LightgbmTrees.TABLE_HEADER, "lightgbm", LightgbmTrees::readTable),
        "a changed byte fails the table's checksum");

    // well-formed checksums around trees that are not: a split that is its own child would loop
    for (int leftChild : new int[] {-1, 0}) {
      TreeTables.write(file, source, LightgbmTrees.TABLE_HEADER, out -> {
        out.writeInt(1); // width
        out.writeInt(1); // trees
        out.writeInt(0);
        out.writeInt(1); // node starts
        out.writeInt(0);
        out.writeInt(2); // leaf starts
        out.writeInt(0); // feature
        out.writeDouble(0.5); // threshold
        out.writeInt(0); // decision type
        out.writeInt(leftChild);
        out.writeInt(-2); // right: leaf 1
        out.writeDouble(0.1);
        out.writeDouble(0.2);
      });
      LightgbmTrees read = TreeTables.read(file, source, LightgbmTrees.TABLE_HEADER, "lightgbm", LightgbmTrees::readTable);
      if (leftChild == -1) {
        assertNotNull(read);
        assertArrayEquals(new double[] {0.1, 0.1, 0.2}, read.predict(new double[][] {{0.4}, {0.5}, {0.6}}));
      } else {
        assertNull(read, "a split whose child loops back");
      }
    }
    Files.writeString(table, "gfa-lightgbm-trees/1\n", StandardCharsets.US_ASCII);
    assertNull(TreeTables.read(file, source, LightgbmTrees.TABLE_HEADER, "lightgbm", LightgbmTrees::readTable), "truncated");
  }

  private static FittedModel fit(Learner learner, int minChild) {
    Map<String, Object> params = new HashMap<>(learner.defaults());
    params.put(learner instanceof LightgbmLearner ? "min_child_samples" : "min_child_weight", (double) minChild);
    return learner.fit(DATA.trainX(), DATA.trainY(), params, 3, 1);
  }
}

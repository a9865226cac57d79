package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.pruning.TernarySystem;
import gfa.models.search.Budget;
import gfa.models.search.EarlyStopping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's provenance is written to manifest.json and read back into an equal record. */
class ProvenanceTest {
  @TempDir static Path tmp;

  private static TrainingResult result;
  private static TrainingOptions options;
  private static Provenance written;
  private static Path model;

  @BeforeAll
  static void trainAndSave() throws Exception {
    double[][] x = TrainingRunTest.features(90, 31);
    double[] y = TrainingRunTest.target(x, 31);
    // budgets of every kind the manifest stores: per learner, with patience, with a wall time
    options = new TrainingOptions(3, 17, 2, Budget.trials(2).withEarlyStopping(new EarlyStopping(2, 0.07)),
        new Budget(12, 4, null), List.of("xgboost", "lightgbm", "svr"),
        Map.of("svr", new Budget(2, 1, Duration.ofSeconds(600))));
    result = TrainingRun.run(TrainingRunTest.COLUMNS, x, y, options, TrainingListener.NONE);
    Provenance before = new Provenance(
        "9.9.9-test", "zr.csv", "ab".repeat(32), 90, "D_max", "computed", "gong2024", "paper", "tables-7", "Zr-Al-Cu", 3);
    written = before.trained(result, options);
    model = tmp.resolve("model");
    ModelStore.save(model, false, result, options, before);
  }

  @AfterAll
  static void close() {
    result.ensemble().close();
  }

  @Test
  void theLoadedProvenanceEqualsTheWrittenOne() {
    assertEquals(written, provenance(model));
    Provenance.Tuning t = written.tuning();
    assertEquals(List.of("xgboost", "lightgbm", "svr"), t.learners());
    assertEquals(17, t.seed());
    assertEquals(3, t.folds());
    assertEquals(new Provenance.StoredBudget(2, 1, 600L, EarlyStopping.NEVER), t.budgets().get("svr"));
    assertEquals(new Provenance.StoredBudget(2, 0, null, new EarlyStopping(2, 0.07)), t.budgets().get("xgboost"));
    assertEquals(new Provenance.StoredBudget(12, 4, null, EarlyStopping.NEVER), t.fusionBudget());
    assertEquals(result.weights(), t.fusionWeights());
    assertEquals(3, written.pruningLevel());
  }

  @Test
  void theRuntimeNamesJavaTheMachineAndTheNativeLibraries() throws Exception {
    RuntimeInfo r = provenance(model).runtime();
    assertEquals(Runtime.version().toString(), r.javaVersion());
    assertEquals(System.getProperty("java.vendor"), r.javaVendor());
    assertEquals(System.getProperty("os.name"), r.osName());
    assertEquals(System.getProperty("os.version"), r.osVersion());
    assertEquals(System.getProperty("os.arch"), r.arch());
    // the versions are those of the jars the classes were loaded from (named artifact-VERSION.jar)
    assertNotNull(r.xgboost4j());
    assertNotNull(r.lightgbm4j());
    assertTrue(jarOf("ml.dmlc.xgboost4j.java.Booster").endsWith("-" + r.xgboost4j() + ".jar"), jarOf("ml.dmlc.xgboost4j.java.Booster"));
    assertTrue(jarOf("io.github.metarank.lightgbm4j.LGBMBooster").endsWith("-" + r.lightgbm4j() + ".jar"),
        jarOf("io.github.metarank.lightgbm4j.LGBMBooster"));
    JsonNode runtime = new ObjectMapper().readTree(model.resolve(ModelStore.MANIFEST).toFile()).path("runtime");
    assertEquals(r.xgboost4j(), runtime.path("xgboost4j").asText());
    assertEquals(r.arch(), runtime.path("arch").asText());
  }

  @Test
  void aManifestWithoutRuntimeLoadsWithAnUnknownRuntime() throws Exception {
    Path old = Files.createDirectory(tmp.resolve("old"));
    try (var files = Files.list(model)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, old.resolve(f.getFileName()));
      }
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) json.readTree(old.resolve(ModelStore.MANIFEST).toFile());
    assertNotNull(manifest.remove("runtime"), "the new manifest has a runtime block");
    Files.writeString(old.resolve(ModelStore.MANIFEST), json.writeValueAsString(manifest));

    ModelStore.Loaded loaded = ModelStore.load(old);
    try (Ensemble e = loaded.ensemble()) {
      Provenance p = loaded.provenance();
      assertEquals(RuntimeInfo.UNKNOWN, p.runtime());
      assertNull(p.runtime().javaVersion());
      assertEquals(new Provenance(written.gfaVersion(), written.dataFile(), written.dataSha256(), written.rows(),
          written.target(), written.descriptorSource(), written.preset(), written.miedema(), written.tablesVersion(),
          written.pruningSystem(), written.pruningLevel(), written.tuning(), null), p);
      assertEquals(TrainingRunTest.COLUMNS, e.columns());
    }
  }

  @Test
  void anUnprunedModelSaysSo() throws Exception {
    Path unpruned = tmp.resolve("unpruned");
    ModelStore.save(unpruned, false, result, options, TrainingRunTest.provenance());
    Provenance p = provenance(unpruned);
    assertNull(p.pruningSystem());
    assertNull(p.pruningLevel());
    assertFalse(p.prunedFor(TernarySystem.parse("Zr-Al-Cu")));
    assertTrue(new ObjectMapper().readTree(unpruned.resolve(ModelStore.MANIFEST).toFile()).path("pruning").isNull());
  }

  @Test
  void prunedForComparesElementSets() {
    assertTrue(written.prunedFor(TernarySystem.parse("Cu-Zr-Al")));
    assertFalse(written.prunedFor(TernarySystem.parse("Zr-Al-Ni")));
  }

  @Test
  void anAbsentJarVersionIsNull() {
    assertNull(RuntimeInfo.mavenVersion(List.of("META-INF/maven/no.such/artifact/pom.properties")));
    assertNotEquals(null, RuntimeInfo.mavenVersion(List.of(
        "META-INF/maven/no.such/artifact/pom.properties", "META-INF/maven/io.github.metarank/lightgbm4j/pom.properties")));
  }

  /** The provenance of a saved model, read as every caller reads it (the models are closed again). */
  private static Provenance provenance(Path dir) {
    ModelStore.Loaded loaded = ModelStore.load(dir);
    loaded.ensemble().close();
    return loaded.provenance();
  }

  private static String jarOf(String className) throws Exception {
    Class<?> c = Class.forName(className, false, ProvenanceTest.class.getClassLoader());
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
  }
}

package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.dataset.DefaultTrainingSet;
import gfa.core.io.CsvTable;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without {@code --data} the commands train on the built-in table (issue 11): the README's main job
 * runs on a fresh clone with no reference data beside it. These runs use a tiny budget; the same
 * command with the default budget is the README's main job (timed in docs/default-data.md). The
 * packaged jar is checked by {@code .ci/run}, which runs it from an empty directory.
 */
class DefaultTrainingDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] QUICK = {"--budget", "1", "--folds", "3", "--learners", "xgboost,lightgbm"};

  @TempDir Path dir;

  private static String[] args(String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(QUICK));
    return all.toArray(String[]::new);
  }

  @Test
  void theTableIsAClasspathResourceNotAFileOfTheCheckout() {
    URL url = DefaultTrainingSet.class.getClassLoader().getResource(DefaultTrainingSet.RESOURCE_DIR + "ward2018-gfa.csv");
    assertNotNull(url, "the default table is not on the classpath");
    // from a jar or from gfa-core's target/classes (gfa/data/training/), never from data/training/ of the checkout
    assertTrue(url.toString().endsWith("/gfa/data/training/ward2018-gfa.csv"), url.toString());
    assertNotNull(DefaultTrainingSet.class.getClassLoader().getResource(DefaultTrainingSet.RESOURCE_DIR + "LICENSE-ward2018"));
  }

  @Test
  void predictTernaryWithoutDataOrModelTrainsOnTheDefaultTableAndNamesIt() throws Exception {
    DefaultTrainingSet table = DefaultTrainingSet.load();
    Path out = dir.resolve("zr-al-cu");
    GfaRun run = GfaRun.of(args("predict-ternary", "Zr-Al-Cu", "--out", out.toString()));
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.err().contains("built-in table ward2018-gfa " + table.version()), run::toString);

    JsonNode model = JSON.readTree(out.resolve("summary.json").toFile()).path("model");
    assertEquals("data", model.path("source").asText());
    assertEquals("ward2018-gfa.csv", model.path("data_file").asText());
    assertEquals("ward2018-gfa", model.path("data_name").asText());
    assertEquals(table.version(), model.path("data_version").asText());
    assertEquals(table.sha256(), model.path("data_sha256").asText());
    int rows = model.path("rows").asInt();
    assertTrue(rows > 5000 && rows < table.table().rowCount(), "pruned for Zr-Al-Cu: " + rows);

    JsonNode data = JSON.readTree(out.resolve("model/manifest.json").toFile()).path("data");
    assertEquals("ward2018-gfa.csv", data.path("file").asText());
    assertEquals("ward2018-gfa", data.path("name").asText());
    assertEquals(table.version(), data.path("version").asText());
    assertTrue(data.path("built_in").asBoolean());
    assertEquals(table.sha256(), data.path("sha256").asText());
    assertEquals(2, CsvTable.read(out.resolve("candidates.csv")).rowCount());
  }

  @Test
  void aGivenFileIsNamedAsBeforeAndIsNotBuiltIn() throws Exception {
    Path data = Files.writeString(dir.resolve("alloys.csv"), PredictTernaryCommandTest.dataset(60, 3));
    Path out = dir.resolve("model");
    GfaRun run = GfaRun.of(args("train", "--data", data.toString(), "--out", out.toString(), "-q"));
    assertEquals(0, run.exit(), run::toString);
    assertEquals("", run.err());
    JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile()).path("data");
    assertEquals("alloys.csv", manifest.path("file").asText());
    assertEquals("alloys.csv", manifest.path("name").asText());
    assertTrue(manifest.path("version").isNull());
    assertFalse(manifest.path("built_in").asBoolean());
  }

  @Test
  void campaignInitWithoutDataCopiesTheDefaultTableAndRecordsIt() throws Exception {
    DefaultTrainingSet table = DefaultTrainingSet.load();
    Path campaign = dir.resolve("campaign");
    GfaRun run = GfaRun.of(args("campaign", "init", "Zr-Al-Cu", "--dir", campaign.toString(), "--quiet"));
    assertEquals(0, run.exit(), run::toString);
    JsonNode data = JSON.readTree(campaign.resolve("campaign.json").toFile()).path("data");
    assertEquals("ward2018-gfa", data.path("name").asText());
    assertEquals(table.version(), data.path("version").asText());
    assertEquals(table.sha256(), data.path("sha256").asText());
    assertEquals(table.csv(), Files.readString(campaign.resolve("base-data.csv")), "the campaign keeps its own copy");
  }

  @Test
  void pruneWithoutDataPrunesTheDefaultTable() throws Exception {
    Path out = dir.resolve("pruned.csv");
    GfaRun run = GfaRun.of("prune", "--system", "Zr-Al-Cu", "--output", out.toString(), "--json");
    assertEquals(0, run.exit(), run::toString);
    JsonNode json = JSON.readTree(run.out());
    assertEquals("ward2018-gfa.csv (built in)", json.path("data").asText());
    assertEquals("ward2018-gfa", json.path("data_source").path("name").asText());
    assertEquals(DefaultTrainingSet.load().table().rowCount(), json.path("rows").asInt());
    assertEquals(json.path("kept").asInt(), CsvTable.read(out).rowCount());
  }
}

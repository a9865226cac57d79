package gfa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command loads Tablesaw (about 2 s per process): the start-up training's commands (help,
 * descriptors, featurize, completion, a small train, predict, predict-ternary; see
 * {@code gfa.cli.StartupTraining}) run in a fresh JVM that logs every class it loads, and none may
 * be Tablesaw's. The same log must show the API's own use of Tablesaw, so the check can fail.
 */
class ApiIsolationTest {
  @Test
  void theCommandsLoadNoTablesawClass(@TempDir Path dir) throws Exception {
    List<String> loaded = classesLoadedBy("gfa.cli.StartupTraining", dir);
    assertTrue(loaded.contains("gfa.cli.PredictTernaryCommand"), "the commands ran");
    assertTrue(Files.isDirectory(dir.resolve("training-ternary")), "predict-ternary finished: " + dir);
    assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("tech.tablesaw.") || c.startsWith("gfa.api.")).toList());
  }

  @Test
  void theApiDoesLoadTablesaw(@TempDir Path dir) throws Exception {
    List<String> loaded = classesLoadedBy(FeaturizeATable.class.getName(), dir);
    assertTrue(loaded.contains("tech.tablesaw.api.Table"), "the class log sees Tablesaw when it is used");
  }

  /** A program that featurises a table through the API. */
  static final class FeaturizeATable {
    public static void main(String[] args) {
      GlassFormingAbility.featurize(tech.tablesaw.api.Table.create("t",
          tech.tablesaw.api.StringColumn.create("composition", "Cu50Zr50")));
    }
  }

  /** The names of the classes a fresh JVM loads running {@code main} on the test class path in {@code dir}. */
  private static List<String> classesLoadedBy(String main, Path dir) throws Exception {
    Path log = dir.resolve("classes.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + log, "--enable-native-access=ALL-UNNAMED",
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), main)
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in time");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("output.txt")));
    // lines like "[0.012s][info][class,load] gfa.cli.Gfa source: file:/..."
    return Files.readAllLines(log).stream()
        .map(line -> line.substring(line.indexOf("] ", line.indexOf("[class,load]")) + 2))
        .map(rest -> rest.split(" ", 2)[0])
        .toList();
  }
}

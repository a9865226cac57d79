package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.io.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gfa prune}: the paper's subdatasets, written row for row. */
class PruneCommandTest {
  @TempDir Path dir;

  /** One alloy per category for Zr-Al-Cu, with an extra column that must come through unchanged. */
  private static final String SMALL = """
      id,composition,D_max,note
      1,Pd40 Ni40 P20,10,unrelated
      2,Zr65 Ni35,0.1,"(i), quoted, with commas"
      3,Cu64 Zr36,2,(ii)
      4,Zr55 Cu30 Ni15,3,(iii)
      5,Zr55 Al10 Cu25 Ni10,5,(iv)
      6,Zr50 Al10 Cu40,4,(v)
      7,Mg65 Cu25 Y10,4,(i)
      """;

  /** The published reference file {@code gong2024/<name>}, or the test is skipped. */
  static Path published(String name) {
    List<Path> roots = new ArrayList<>();
    String configured = System.getProperty("gfa.reference.dir");
    if (configured != null && !configured.isBlank()) {
      roots.add(Path.of(configured));
    }
    roots.add(Path.of("/work/shared/reference"));
    for (Path root : roots) {
      Path p = root.resolve("gong2024").resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    assumeTrue(false, "published file gong2024/" + name + " not found under " + roots + "; skipping");
    throw new AssertionError("unreachable");
  }

  private static List<String> column(CsvTable table, String name) {
    int c = table.requireColumn(name);
    List<String> out = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      out.add(table.cell(r, c));
    }
    return out;
  }

  @Test
  void zrAlCuLevel3KeepsThePublishedRowsInOrder() {
    Path all = published("features_trainset_all.csv");
    Path expected = published("features_trainset_NoZrAlCu3.csv");
    Path out = dir.resolve("NoZrAlCu3.csv");
    GfaRun run = GfaRun.of("prune", "--data", all.toString(), "--system", "Zr-Al-Cu", "--level", "3", "--output", out.toString());
    assertEquals(0, run.exit(), run::toString);
    CsvTable kept = CsvTable.read(out);
    CsvTable source = CsvTable.read(all);
    assertEquals(5532, kept.rowCount());
    assertEquals(source.header(), kept.header(), "every column, in order");
    assertEquals(column(CsvTable.read(expected), "composition"), column(kept, "composition"));
    assertEquals(column(CsvTable.read(expected), "D_max"), column(kept, "D_max"));
    assertTrue(run.out().contains("total"), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.matches("\\(iii\\) .* 771 +771 +0")), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.matches("total +6398 +866 +5532")), run::toString);
    assertTrue(run.err().startsWith("kept 5532 of 6398 rows for Zr-Al-Cu at level 3"), run::toString);
  }

  @Test
  void keptRowsAreWrittenUnchangedWithCountsPerCategory() throws IOException {
    Path data = Files.writeString(dir.resolve("small.csv"), SMALL);
    Path out = dir.resolve("kept.csv");
    GfaRun run = GfaRun.of("prune", "-d", data.toString(), "--system", "Zr-Al-Cu", "--level", "3", "-o", out.toString(), "--json");
    assertEquals(0, run.exit(), run::toString);
    assertEquals("", run.err());
    CsvTable kept = CsvTable.read(out);
    assertEquals(List.of("id", "composition", "D_max", "note"), kept.header());
    assertEquals(List.of("1", "2", "3", "7"), column(kept, "id"));
    assertEquals("(i), quoted, with commas", kept.cell(1, 3));
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("Zr-Al-Cu", json.path("system").asText());
    assertEquals(3, json.path("level").asInt());
    assertEquals(7, json.path("rows").asInt());
    assertEquals(4, json.path("kept").asInt());
    assertEquals(3, json.path("removed").asInt());
    JsonNode categories = json.path("categories");
    assertEquals(6, categories.size());
    int[] rows = {1, 2, 1, 1, 1, 1};
    int[] removed = {0, 0, 0, 1, 1, 1};
    String[] names = {"unrelated", "(i)", "(ii)", "(iii)", "(iv)", "(v)"};
    for (int k = 0; k < 6; k++) {
      assertEquals(names[k], categories.get(k).path("category").asText());
      assertEquals(rows[k], categories.get(k).path("rows").asInt(), names[k]);
      assertEquals(removed[k], categories.get(k).path("removed").asInt(), names[k]);
    }
  }

  @Test
  void everyLevelRemovesOneMoreCategory() throws IOException {
    Path data = Files.writeString(dir.resolve("small.csv"), SMALL);
    int[] expected = {6, 5, 4, 3, 1};
    for (int level = 1; level <= 5; level++) {
      Path out = dir.resolve("level" + level + ".csv");
      GfaRun run = GfaRun.of("prune", "-d", data.toString(), "--system", "Cu-Zr-Al", "--level", "" + level, "-o", out.toString(), "-q");
      assertEquals(0, run.exit(), run::toString);
      assertEquals("", run.err());
      assertEquals(expected[level - 1], CsvTable.read(out).rowCount(), "level " + level);
    }
  }

  @Test
  void helpIsTheUserDocumentation() {
    GfaRun run = GfaRun.of("prune", "--help");
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().startsWith("Usage: gfa prune"), run::toString);
    assertTrue(run.out().contains("Level 1 removes (v)"), run::toString);
    assertEquals("", run.err());
  }

  @Test
  void badInputIsOneLineAndNoOutput() throws IOException {
    Path data = Files.writeString(dir.resolve("small.csv"), SMALL);
    Path bad = Files.writeString(dir.resolve("bad.csv"), "composition,D_max\nZr50Cu50,1\nXx10Cu90,2\n");
    Path out = dir.resolve("out.csv");
    List<String[]> cases = List.of(
        new String[] {"prune", "-d", data.toString(), "--system", "Zr-Al", "-o", out.toString()},
        new String[] {"prune", "-d", data.toString(), "--system", "Zr-Zr-Cu", "-o", out.toString()},
        new String[] {"prune", "-d", data.toString(), "--system", "Xx-Al-Cu", "-o", out.toString()},
        new String[] {"prune", "-d", data.toString(), "--system", "Zr-Al-Cu", "--level", "6", "-o", out.toString()},
        new String[] {"prune", "-d", dir.resolve("missing.csv").toString(), "--system", "Zr-Al-Cu", "-o", out.toString()},
        new String[] {"prune", "-d", bad.toString(), "--system", "Zr-Al-Cu", "-o", out.toString()},
        new String[] {"prune", "-d", data.toString(), "--system", "Zr-Al-Cu", "-o", dir.resolve("no/such/dir.csv").toString()});
    for (String[] args : cases) {
      GfaRun run = GfaRun.of(args);
      assertEquals(2, run.exit(), run::toString);
      assertEquals(1, run.errLines().size(), run::toString);
      assertTrue(run.err().startsWith("gfa: "), run::toString);
      assertEquals("", run.out());
      assertFalse(Files.exists(out), run::toString);
    }
    GfaRun run = GfaRun.of("prune", "-d", bad.toString(), "--system", "Zr-Al-Cu", "-o", out.toString());
    assertTrue(run.err().contains("bad.csv line 3"), run::toString);
  }
}

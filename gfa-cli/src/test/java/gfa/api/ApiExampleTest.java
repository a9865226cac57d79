package gfa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;

/** docs/api.md's example: it runs, it computes what the document says, and the document shows its code exactly. */
class ApiExampleTest {
  private static final Path EXAMPLE = Path.of("src/test/java/gfa/api/ApiExample.java");
  private static final Path DOC = Path.of("../docs/api.md");

  @Test
  void theExampleRunsAndGivesWhatTheDocumentSays(@TempDir Path tmp) throws Exception {
    Path modelDir = tmp.resolve("zr-al-cu-model");
    ApiExample.Outcome outcome = ApiExample.run(modelDir);

    List<String> expected = new ArrayList<>(List.of("composition"));
    expected.addAll(GlassFormingAbility.descriptorColumns());
    assertEquals(expected, outcome.described().columnNames());
    assertEquals(29, GlassFormingAbility.descriptorColumns().size());
    assertEquals(4, outcome.described().rowCount());

    for (String file : List.of("manifest.json", "report.json", "calibration.json")) {
      assertTrue(Files.isRegularFile(modelDir.resolve(file)), file + " saved");
    }
    assertEquals(List.of("composition", "predicted_D_max", "predicted_D_max_xgboost", "predicted_D_max_lightgbm",
        "predicted_D_max_lower", "predicted_D_max_upper", "p_bmg", "in_domain", "composition_distance", "descriptor_distance"),
        outcome.predicted().columnNames());
    DoubleColumn predicted = outcome.predicted().doubleColumn("predicted_D_max");
    DoubleColumn lower = outcome.predicted().doubleColumn("predicted_D_max_lower");
    DoubleColumn upper = outcome.predicted().doubleColumn("predicted_D_max_upper");
    DoubleColumn pBmg = outcome.predicted().doubleColumn("p_bmg");
    for (int r = 0; r < 4; r++) {
      // the interval is of D_max >= 0 (docs/trust.md): it holds the prediction clipped at 0
      double clipped = Math.max(0, predicted.getDouble(r));
      assertTrue(lower.getDouble(r) <= clipped && clipped <= upper.getDouble(r), "the interval holds the prediction in row " + r);
      assertTrue(pBmg.getDouble(r) >= 0 && pBmg.getDouble(r) <= 1, "p_bmg is a probability");
    }

    SystemMap map = outcome.zrAlCu();
    assertEquals("Zr-Al-Cu", map.system());
    assertEquals(231, map.grid().rowCount(), "the 5 at.% grid has 21·22/2 points");
    assertEquals(List.of("composition", "Zr", "Al", "Cu", "predicted_D_max", "normalized", "top", "predicted_D_max_lower",
        "predicted_D_max_upper", "p_bmg"), map.grid().columnNames());
    assertTrue(map.candidates().rowCount() >= 1, "at least one candidate");
    assertEquals(List.of(), map.warnings(), "the model was pruned for the system it maps");
  }

  @Test
  void theDocumentShowsTheExampleCharacterForCharacter() throws Exception {
    assertEquals(region(Files.readAllLines(EXAMPLE)), codeBlock(Files.readAllLines(DOC)),
        "docs/api.md's example differs from " + EXAMPLE + ": copy the region between the markers into the document");
  }

  /** The lines between the markers, less the indentation of the first. */
  private static String region(List<String> lines) {
    int begin = lines.indexOf("    // begin example");
    int end = lines.indexOf("    // end example");
    assertTrue(begin >= 0 && end > begin, "markers in " + EXAMPLE);
    StringBuilder code = new StringBuilder();
    for (String line : lines.subList(begin + 1, end)) {
      assertTrue(line.isEmpty() || line.startsWith("    "), "indented by four: " + line);
      code.append(line.isEmpty() ? "" : line.substring(4)).append('\n');
    }
    return code.toString();
  }

  /** The java block that follows the document's marker comment. */
  private static String codeBlock(List<String> lines) {
    int marker = lines.indexOf("<!-- the example below is gfa-cli/src/test/java/gfa/api/ApiExample.java; ApiExampleTest runs it -->");
    assertTrue(marker >= 0, "marker comment in " + DOC);
    assertEquals("```java", lines.get(marker + 1));
    StringBuilder code = new StringBuilder();
    for (String line : lines.subList(marker + 2, lines.size())) {
      if (line.equals("```")) {
        return code.toString();
      }
      code.append(line).append('\n');
    }
    throw new AssertionError("unterminated code block in " + DOC);
  }
}

package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.data.MiedemaVersion;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriptorsCommandTest {
  @Test
  void listsEveryColumnInOrderWithItsFamily() {
    List<String> columns = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER).columns();
    GfaRun run = GfaRun.of("descriptors");
    assertEquals(0, run.exit(), run::toString);
    List<String> lines = run.out().lines().toList();
    for (int i = 0; i < columns.size(); i++) {
      String line = lines.get(i + 1);
      assertTrue(line.contains(columns.get(i)), line);
      assertTrue(line.strip().startsWith(String.valueOf(i + 1)), line);
    }
    assertTrue(run.out().contains("References:"), run::toString);
  }

  @Test
  void jsonGivesEachColumnAFamilyAndCitation() throws IOException {
    for (Preset preset : Preset.values()) {
      String name = preset.name().toLowerCase();
      GfaRun run = GfaRun.of("descriptors", "--preset", name, "--json");
      assertEquals(0, run.exit(), run::toString);
      JsonNode root = new ObjectMapper().readTree(run.out());
      assertEquals(name, root.get("preset").asText());
      List<String> expected = Featurizer.of(preset, MiedemaVersion.PAPER).columns();
      assertEquals(expected.size(), root.get("columns").size());
      for (int i = 0; i < expected.size(); i++) {
        JsonNode column = root.get("columns").get(i);
        assertEquals(expected.get(i), column.get("name").asText());
        assertFalse(column.get("family").asText().isBlank());
        assertFalse(column.get("citation").asText().isBlank());
      }
      assertTrue(root.get("families").size() >= 5, run::toString);
    }
  }

  @Test
  void eachMiedemaVariantIsNamedByWhatItReproduces() throws IOException {
    GfaRun paper = GfaRun.of("descriptors", "--miedema", "paper");
    assertEquals(0, paper.exit(), paper::toString);
    assertTrue(paper.out().contains("Miedema variant paper reproduces matminer as used for the published values"), paper::toString);
    GfaRun current = GfaRun.of("descriptors", "--miedema", "2024", "--json");
    assertEquals(0, current.exit(), current::toString);
    JsonNode root = new ObjectMapper().readTree(current.out());
    assertEquals("2024", root.get("miedema").asText());
    assertTrue(root.get("miedema_reproduces").asText().startsWith("current matminer"), current::toString);
  }
}

package gfa.features;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The published data of Gong et al. (2024), read from {@code ../shared/reference/gong2024} beside
 * the checkout (or the {@code gfa.reference.dir} system property). Tests that need it are skipped
 * with a clear message when it is absent; CI always has it.
 */
final class ReferenceData {
  private ReferenceData() {}

  static Path gong2024(String file) {
    return find("gong2024", file);
  }

  /** Miedema enthalpies computed by current matminer ({@code matminer-2024/README.md} says how). */
  static Path matminer2024(String file) {
    return find("matminer-2024", file);
  }

  private static Path find(String folder, String file) {
    String dir = System.getProperty("gfa.reference.dir");
    List<Path> candidates = new ArrayList<>();
    if (dir != null) {
      candidates.add(Path.of(dir, folder, file));
    }
    candidates.add(Path.of("..", "..", "shared", "reference", folder, file));
    candidates.add(Path.of("..", "shared", "reference", folder, file));
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    assumeTrue(false, "published reference data absent (looked for " + candidates + "); skipping");
    return null;
  }

  /** A simple CSV table: the published files contain no quoted fields. */
  record Table(List<String> header, List<String[]> rows) {
    int column(String name) {
      int i = header.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + name + " in " + header);
      }
      return i;
    }
  }

  static Table read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split(",", -1));
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(line.split(",", -1));
      }
    }
    return new Table(header, rows);
  }
}

package gfa.core.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the third-party reference files ({@code ../shared/reference} beside the checkout). They are
 * never copied into the project; tests that need them are skipped, with a message, when absent.
 */
final class ReferenceFiles {
  private ReferenceFiles() {}

  private static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String configured = System.getProperty("gfa.reference.dir");
    if (configured != null && !configured.isBlank()) {
      out.add(Path.of(configured));
    }
    out.add(Path.of("/work/shared/reference"));
    Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    out.add(cwd.resolve("../shared/reference")); // run from the repository root
    if (cwd.getParent() != null) {
      out.add(cwd.getParent().resolve("../shared/reference")); // run from a module folder (surefire)
    }
    return out;
  }

  /** The reference file {@code relative} (e.g. {@code pymatgen/periodic_table.json}); skips the test if absent. */
  static Path require(String relative) {
    for (Path dir : candidates()) {
      Path p = dir.resolve(relative).normalize();
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    assumeTrue(false, "reference data absent: " + relative + " not found under " + candidates()
        + " (set -Dgfa.reference.dir or check out ../shared beside the repository)");
    throw new AssertionError("unreachable");
  }
}

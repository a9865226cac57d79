package gfa.core.pruning;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the files the paper's authors published ({@code ../shared/reference/gong2024/}): from the
 * system property {@code gfa.reference.dir} that surefire sets, else {@code /work/shared/reference}.
 * They are never copied into the project; a test that needs one is skipped, saying so, when it is
 * absent. Public so that the ternary tests use the same lookup.
 */
public final class PublishedReference {
  private PublishedReference() {}

  private static List<Path> directories() {
    List<Path> out = new ArrayList<>();
    String configured = System.getProperty("gfa.reference.dir");
    if (configured != null && !configured.isBlank()) {
      out.add(Path.of(configured));
    }
    out.add(Path.of("/work/shared/reference"));
    return out;
  }

  /** {@code gong2024/<name>}; skips the calling test when it is absent. */
  public static Path gong2024(String name) {
    for (Path dir : directories()) {
      Path p = dir.resolve("gong2024").resolve(name).normalize();
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    assumeTrue(false, "published reference file gong2024/" + name + " not found under " + directories()
        + " (set -Dgfa.reference.dir or check out ../shared beside the repository); skipping");
    throw new AssertionError("unreachable");
  }
}

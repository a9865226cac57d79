package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GfaTest {
  @Test
  void helpListsTheCommandsAndExitCodes() {
    GfaRun run = GfaRun.of("--help");
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().contains("featurize"), run::toString);
    assertTrue(run.out().contains("descriptors"), run::toString);
    assertTrue(run.out().contains("Exit codes"), run::toString);
    assertEquals("", run.err());
  }

  @Test
  void everyCommandHasHelpThatPicocliFormatsWithoutComplaint() {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String command : List.of("featurize", "descriptors", "train", "predict", "prune", "predict-ternary", "campaign",
          "campaign init", "campaign iterate", "campaign status", "iterate", "study", "simulate", "benchmark", "completion")) {
        GfaRun run = GfaRun.of((command + " --help").split(" "));
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("Usage: gfa " + command), run::toString);
        assertEquals("", run.err(), run::toString);
      }
    } finally {
      System.setErr(stderr);
    }
    // picocli reports a description it cannot format (a lone '%') on the process's stderr
    assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void versionNamesTheProjectVersion() {
    GfaRun run = GfaRun.of("--version");
    assertEquals(0, run.exit(), run::toString);
    assertTrue(run.out().strip().matches("gfa \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), run::toString);
  }

  @Test
  void mainAnswersALoneVersionRequestWithPicocliLine() throws Exception {
    // main prints the version before picocli loads; it must be picocli's line, word for word.
    assertTrue(Gfa.isVersionRequest("--version") && Gfa.isVersionRequest("-V"));
    assertTrue(!Gfa.isVersionRequest("--version", "train") && !Gfa.isVersionRequest("--help") && !Gfa.isVersionRequest());
    String picocli = GfaRun.of("--version").out();
    assertEquals(String.join(System.lineSeparator(), new GfaVersion().getVersion()) + System.lineSeparator(), picocli);
  }

  @Test
  void theJarsEntryPointAnswersALoneVersionRequestWithPicocliLineAndNothingElse() {
    String picocli = GfaRun.of("--version").out().strip();
    assertEquals(picocli, Main.versionLine(new String[] {"--version"}));
    assertEquals(picocli, Main.versionLine(new String[] {"-V"}));
    for (String[] other : List.of(new String[] {}, new String[] {"--version", "train"}, new String[] {"--help"},
        new String[] {"version"})) {
      assertEquals(Gfa.isVersionRequest(other), Main.versionLine(other) != null, String.join(" ", other));
      assertEquals(null, Main.versionLine(other));
    }
  }

  @Test
  void noCommandIsAUsageError() {
    GfaRun run = GfaRun.of();
    assertEquals(2, run.exit(), run::toString);
    assertEquals(List.of("gfa: missing command (featurize, descriptors, train, predict, prune, predict-ternary, campaign, iterate, study, simulate, benchmark, completion)", "Try 'gfa --help'."),
        run.errLines());
  }

  @Test
  void unknownCommandIsAUsageError() {
    GfaRun run = GfaRun.of("cast-glass");
    assertEquals(2, run.exit(), run::toString);
    assertEquals(2, run.errLines().size(), run::toString);
    assertTrue(run.errLines().get(0).startsWith("gfa: "), run::toString);
    assertEquals("Try 'gfa --help'.", run.errLines().get(1));
  }

  @Test
  void unknownOptionIsAUsageErrorWithAHint() {
    GfaRun run = GfaRun.of("featurize", "--input", "a.csv", "--output", "b.csv", "--bogus");
    assertEquals(2, run.exit(), run::toString);
    assertEquals(List.of("gfa: Unknown option: '--bogus'", "Try 'gfa featurize --help'."),
        run.errLines());
    assertEquals("", run.out());
  }

  @Test
  void badOptionValuesAreUsageErrors() {
    for (String[] args : List.of(
        new String[] {"featurize", "-i", "a.csv", "-o", "b.csv", "--preset", "magpie"},
        new String[] {"featurize", "-i", "a.csv", "-o", "b.csv", "--miedema", "2023"},
        new String[] {"featurize", "-i", "a.csv", "-o", "b.csv", "--threads", "0"},
        new String[] {"featurize", "-i", "a.csv", "-o", "b.csv", "--seed", "x"},
        new String[] {"featurize", "-i", "a.csv"},
        new String[] {"descriptors", "--preset", "x"})) {
      GfaRun run = GfaRun.of(args);
      assertEquals(2, run.exit(), run::toString);
      assertEquals(2, run.errLines().size(), run::toString);
      assertTrue(run.errLines().get(0).startsWith("gfa: "), run::toString);
      assertEquals("Try 'gfa " + args[0] + " --help'.", run.errLines().get(1));
    }
  }
}

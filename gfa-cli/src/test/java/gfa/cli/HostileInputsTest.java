package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no silent nonsense" cases of docs/hardening.md, end to end: each is exit 2 with one short
 * line naming the problem, and no output written.
 */
class HostileInputsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertRefused(GfaRun run, String expected, Path mustNotExist) {
    assertEquals(2, run.exit(), run::toString);
    assertTrue(run.err().contains(expected), run::toString);
    assertTrue(run.errLines().get(0).length() < 400, "short message: " + run.errLines().get(0).length());
    assertFalse(Files.exists(mustNotExist), "no output: " + mustNotExist);
  }

  @Test
  void compositionsWhoseDescriptorsWouldNotBeFinite() throws IOException {
    Path out = dir.resolve("out.csv");
    for (String formula : new String[] {"Zr99999999999999999999999999Cu1", "Zr1Cu0.0000000000000001", "Zr1Cu1e-16"}) {
      Path in = write("in.csv", "composition\nZr50Cu50\n" + formula + "\n");
      assertRefused(GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "-q"), "in.csv line 3: formula", out);
    }
  }

  @Test
  void aHugeFormulaLineGivesAShortMessage() throws IOException {
    Path in = write("in.txt", "Zr50Cu50\nZr" + "5".repeat(20_000_000) + "\n");
    Path out = dir.resolve("out.csv");
    GfaRun run = GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "-q");
    assertRefused(run, "in.txt line 2: longer than 65536 characters", out);
    Path shorter = write("short.txt", "Zr50Cu50\nZr" + "5".repeat(60_000) + "\n");
    assertRefused(GfaRun.of("featurize", "-i", shorter.toString(), "-o", out.toString(), "-q"),
        "short.txt line 2: formula 'Zr555", out);
  }

  @Test
  void subscriptFirstLineNulLineAndLongCell() throws IOException {
    Path out = dir.resolve("out.csv");
    assertRefused(GfaRun.of("featurize", "-i", write("u.txt", "Zr₅₀Cu₅₀\n").toString(), "-o", out.toString()),
        "u.txt line 1: formula 'Zr₅₀Cu₅₀': unexpected '₅'", out);
    assertRefused(GfaRun.of("featurize", "-i", write("n.txt", "Zr50Cu50\n\0\0\0\n").toString(), "-o", out.toString()),
        "n.txt line 2: contains a NUL character", out);
    assertRefused(GfaRun.of("featurize", "-i", write("c.csv", "composition,x\nZr50Cu50," + "y".repeat(70_000) + "\n").toString(),
        "-o", out.toString()), "c.csv line 2: a cell longer than 65536 characters", out);
  }

  @Test
  void threadsAreBounded() throws IOException {
    Path in = write("in.txt", "Zr50Cu50\n");
    Path out = dir.resolve("out.csv");
    assertRefused(GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "--threads", "32768"),
        "--threads must be between 1 and 256, not 32768", out);
    assertEquals(0, GfaRun.of("featurize", "-i", in.toString(), "-o", out.toString(), "--threads", "256", "-q").exit());
  }

  @Test
  void theCurrentDirectoryIsNeverAnOutputDirectory() throws IOException {
    Path data = write("d.csv", TrainPredictCommandTest.dataset(20, 1));
    for (String out : new String[] {".", "..", "/", "./"}) {
      GfaRun run = GfaRun.of("train", "--data", data.toString(), "--out", out, "--replace", "-q");
      assertEquals(2, run.exit(), run::toString);
      assertTrue(run.err().contains("is the current directory or contains it"), run::toString);
    }
  }

  @Test
  void targetsBeyondPhysicsAndRepeatedColumns() throws IOException {
    Path model = dir.resolve("model");
    Path huge = write("huge.csv", TrainPredictCommandTest.dataset(20, 1).replaceFirst("\n(Zr[^,]*),[^,]*,", "\n$1,1e308,"));
    assertRefused(GfaRun.of("train", "--data", huge.toString(), "--out", model.toString(), "-q"),
        "huge.csv line 2: D_max '1e308' mm is above 100 mm", model);
    Path repeated = write("rep.csv", "composition,D_max,D_max\nZr50Cu50,1,2\nZr60Cu40,1,2\nZr40Cu60,1,2\n");
    assertRefused(GfaRun.of("train", "--data", repeated.toString(), "--out", model.toString(), "-q"),
        "rep.csv: column 'D_max' appears more than once in the header", model);
    GfaRun bad = GfaRun.of("train", "--data", huge.toString(), "--out", model.toString(), "--max-dmax", "0");
    assertRefused(bad, "--max-dmax must be a positive number of mm", model);
  }
}

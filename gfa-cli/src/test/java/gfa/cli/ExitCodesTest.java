package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gfa.core.GfaInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesTest {
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final RuntimeException failure;

    Boom(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  private static GfaRun run(RuntimeException failure) {
    CommandLine cmd = new CommandLine(new Boom(failure));
    ExitCodes.install(cmd);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return new GfaRun(cmd.execute(), out.toString(), err.toString());
  }

  @Test
  void runningOutOfHeapInAWorkerSaysHowToGiveGfaMore() {
    StringWriter err = new StringWriter();
    Throwable wrapped = new IllegalStateException("fold failed",
        new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space")));
    assertEquals(1, ExitCodes.failure(wrapped, new PrintWriter(err, true)));
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err::toString);
    org.junit.jupiter.api.Assertions.assertTrue(
        lines.get(0).matches("gfa: internal error: out of memory: the Java heap limit is \\d+ MB; give gfa more with GFA_JAVA_OPTS=-Xmx4g \\(or more\\)"),
        lines.get(0));
    StringWriter other = new StringWriter();
    ExitCodes.failure(new IllegalStateException("no heap trouble"), new PrintWriter(other, true));
    assertEquals("gfa: internal error: no heap trouble", other.toString().strip());
  }

  @Test
  void inputProblemsExitWithTwoAndOneLine() {
    GfaRun run = run(new GfaInputException("row 3: unknown element 'Xx'"));
    assertEquals(ExitCodes.BAD_INPUT, run.exit());
    assertEquals(List.of("gfa: row 3: unknown element 'Xx'"), run.errLines());
  }

  @Test
  void wrappedInputProblemsAreStillInputProblems() {
    GfaRun run = run(new RuntimeException(new GfaInputException("no Miracle radius for He")));
    assertEquals(ExitCodes.BAD_INPUT, run.exit());
    assertEquals(List.of("gfa: no Miracle radius for He"), run.errLines());
  }

  @Test
  void anythingElseIsAnInternalFailureOnOneLine() {
    GfaRun run = run(new IllegalStateException("table\nbroken"));
    assertEquals(ExitCodes.INTERNAL, run.exit());
    if (!"1".equals(System.getenv("GFA_DEBUG"))) {
      assertEquals(List.of("gfa: internal error: table broken"), run.errLines());
    }
  }

  @Test
  void anInternalFailureWithoutMessageIsNamedByItsClass() {
    GfaRun run = run(new NullPointerException());
    assertEquals(ExitCodes.INTERNAL, run.exit());
    assertEquals("gfa: internal error: java.lang.NullPointerException", run.errLines().get(0));
  }
}

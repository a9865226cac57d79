package gfa.cli;

import gfa.core.GfaInputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns outcomes into exit codes and error lines. Commands return normally or
 * throw; they never print errors or pick exit codes themselves.
 *
 * <ul>
 *   <li>{@value #OK}: success;
 *   <li>{@value #BAD_INPUT}: bad input or usage: a picocli parameter error (plus a hint to ask for
 *       help) or a {@link GfaInputException}, printed as one line {@code gfa: <message>};
 *   <li>{@value #INTERNAL}: anything else, printed as {@code gfa: internal error: <message>},
 *       with the stack trace only when the environment has {@code GFA_DEBUG=1}.
 * </ul>
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}

  /** Installs the handlers on {@code cmd} (they serve its subcommands too). */
  static void install(CommandLine cmd) {
    cmd.setParameterExceptionHandler(ExitCodes::usageError);
    cmd.setExecutionExceptionHandler(ExitCodes::failure);
  }

  private static int usageError(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("gfa: " + oneLine(ex.getMessage()));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return BAD_INPUT;
  }

  private static int failure(Exception ex, CommandLine cmd, ParseResult parsed) {
    return failure(ex, cmd.getErr());
  }

  /**
   * Maps any failure to its exit code with one line on {@code err}. Also used by {@code main} for
   * JVM errors (out of memory, a missing class) that picocli's handler never sees.
   */
  static int failure(Throwable ex, PrintWriter err) {
    GfaInputException input = inputProblem(ex);
    if (input != null) {
      err.println("gfa: " + oneLine(input.getMessage()));
      err.flush();
      return BAD_INPUT;
    }
    String message = ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage();
    if (outOfMemory(ex)) {
      // the launcher caps the heap (docs/engine.md, "Memory"); say how to lift the cap
      message = "out of memory: the Java heap limit is " + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB; give gfa more with GFA_JAVA_OPTS=-Xmx4g (or more)";
    }
    err.println("gfa: internal error: " + oneLine(message));
    if ("1".equals(System.getenv("GFA_DEBUG"))) {
      ex.printStackTrace(err);
    }
    err.flush();
    return INTERNAL;
  }

  /**
   * A run whose result could not be written to standard output (closed, a full disk, a pipe whose
   * reader is gone) has failed, whatever the command returned: {@link PrintWriter} and
   * {@link PrintStream} swallow write errors, and only {@code checkError()} (which also flushes)
   * tells. An earlier failure keeps its own code.
   */
  static int checkStandardOutput(int exit, PrintWriter out, PrintStream stdout, PrintWriter err) {
    boolean failed = out.checkError() | stdout.checkError(); // both: each flushes its own buffer
    if (!failed || exit != OK) {
      return exit;
    }
    err.println("gfa: internal error: cannot write to standard output");
    err.flush();
    return INTERNAL;
  }

  /** Whether the Java heap ran out, in {@code ex} or a cause (a worker's error arrives wrapped). */
  static boolean outOfMemory(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** The user's mistake behind {@code ex}, if any: itself or a cause (parallel code may wrap it). */
  private static GfaInputException inputProblem(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof GfaInputException g) {
        return g;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * Longest error line printed. Messages quote offending values through {@link gfa.core.Excerpt};
   * this is the backstop for any that does not (a library's message quoting a whole input line).
   */
  static final int MAX_MESSAGE_CHARS = 1000;

  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    String head = message.length() > 4 * MAX_MESSAGE_CHARS ? message.substring(0, 4 * MAX_MESSAGE_CHARS) : message;
    String line = head.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.length() > MAX_MESSAGE_CHARS || head != message
        ? line.substring(0, Math.min(line.length(), MAX_MESSAGE_CHARS)) + "... (message cut)"
        : line;
  }
}

package gfa.core.io;

import gfa.core.GfaInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses an output that would replace or delete a command's own input: {@code prune --data x.csv
 * --output x.csv}, a model directory given as {@code --out} with {@code --replace}. Paths are
 * compared as the file system sees them: symbolic links and {@code ..} resolved, hard links
 * recognised, and a directory output is refused when it contains an input or lies inside one.
 * Called before any work starts, so the input is never touched.
 */
public final class OutputGuard {
  private OutputGuard() {}

  /**
   * Throws a {@link GfaInputException} when {@code output} (a file or a directory) is one of
   * {@code inputs}, contains one, or lies inside one. Null and missing inputs are skipped, and so
   * are standard output and write-through paths such as {@code /dev/stdout}.
   */
  public static void refuseInputs(Path output, Path... inputs) throws IOException {
    if (output == null || OutputPath.isStandardOutput(output)) {
      return;
    }
    Path out = OutputPath.followLinks(output.toAbsolutePath());
    if (out == null) {
      return;
    }
    for (Path input : inputs) {
      if (input == null || OutputPath.isStandardOutput(input) || !Files.exists(input)) {
        continue;
      }
      Path in = input.toRealPath();
      if (out.equals(in) || Files.exists(out) && Files.isSameFile(out, in)) {
        throw new GfaInputException("output '" + output + "' is the input '" + input
            + "'; writing it would destroy the input: choose another output");
      }
      if (out.startsWith(in)) {
        throw new GfaInputException("output '" + output + "' is inside the input directory '" + input
            + "'; choose an output outside it");
      }
      if (in.startsWith(out)) {
        throw new GfaInputException("output '" + output + "' contains the input '" + input
            + "'; replacing it would destroy the input: choose another output");
      }
    }
  }
}

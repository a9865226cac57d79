package gfa.cli;

import gfa.core.GfaInputException;
import gfa.core.io.OutputGuard;
import gfa.core.io.OutputPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checks before a command writes an output file, done before any work starts: its directory
 * exists, it is not a directory, and it is none of the command's inputs. {@code -} is standard
 * output ({@link gfa.core.io.AtomicOutput} writes it there); what the command would otherwise
 * print on stdout then goes to stderr, and {@code --json}, which wants stdout too, is refused.
 */
final class OutputFile {
  private OutputFile() {}

  /**
   * @param option the option's name for messages, e.g. {@code --output}
   * @param inputs the files and directories the command reads (null entries are ignored)
   */
  static void check(String option, Path output, CommonOptions common, Path... inputs) throws IOException {
    if (OutputPath.isStandardOutput(output)) {
      if (common.json()) {
        throw new GfaInputException(option + " - writes standard output, where --json would print too; name a file or drop --json");
      }
      return;
    }
    Path directory = output.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new GfaInputException("output directory does not exist: " + directory);
    }
    if (Files.isDirectory(output)) {
      throw new GfaInputException("output is a directory, not a file: " + output);
    }
    OutputGuard.refuseInputs(output, inputs);
  }

  /** True when the output is standard output, so that a command's report goes to stderr. */
  static boolean isStandardOutput(Path output) {
    return OutputPath.isStandardOutput(output);
  }
}

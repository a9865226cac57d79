package gfa.cli;

import gfa.core.GfaInputException;
import gfa.core.io.AtomicOutput;
import gfa.core.io.OutputGuard;
import gfa.core.io.OutputPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checks before a command creates an output directory, done before any work starts. */
final class OutputDirectory {
  private OutputDirectory() {}

  /**
   * Refuses, with a one-line input error, {@code -} (standard output cannot hold a directory), a
   * directory whose parent does not exist, a path that is a file, a non-empty directory unless
   * {@code replace}, the current directory or one above it ({@code .}, {@code ..}, {@code /}: publishing renames a
   * fresh directory over the output), and a directory that is, contains or lies inside one of {@code inputs} (with
   * {@code --replace} it would be deleted). What a killed run left beside it is cleaned first, so
   * that this check sees what the final write will see.
   *
   * @param occupiedHint what to say after "exists and is not empty", e.g. {@code (use --replace)}
   * @param inputs the files and directories the command reads (null entries are ignored)
   */
  static void check(Path out, boolean replace, String occupiedHint, Path... inputs) throws IOException {
    if (OutputPath.isStandardOutput(out)) {
      throw new GfaInputException("an output directory cannot be standard output ('-'); name a directory");
    }
    Path absolute = out.toAbsolutePath().normalize();
    Path workingDirectory = Path.of("").toAbsolutePath().normalize();
    if (absolute.getParent() == null || workingDirectory.startsWith(absolute)) {
      // An output directory is published by renaming a fresh one over it: that cannot be done
      // to the directory we stand in (or '/'), and with --replace it would delete the user's work.
      throw new GfaInputException("output directory '" + out + "' is the current directory or contains it;"
          + " name a new directory for the outputs");
    }
    OutputGuard.refuseInputs(out, inputs);
    Path parent = out.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new GfaInputException("the parent of the output directory does not exist: " + parent);
    }
    AtomicOutput.removeStaleTemporaries(out);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new GfaInputException("output '" + out + "' exists and is not a directory");
    }
    if (Files.isDirectory(out) && !replace) {
      try (var entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new GfaInputException("output directory '" + out + "' exists and is not empty " + occupiedHint);
        }
      }
    }
  }
}

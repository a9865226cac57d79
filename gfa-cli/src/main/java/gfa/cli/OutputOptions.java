package gfa.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** An output directory: {@code --out DIR} and {@code --replace}. */
public final class OutputOptions {
  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "Output directory to create (must not exist or be empty, unless --replace).")
  Path out;

  @Option(names = "--replace", description = "Replace an existing output directory.")
  boolean replace;

  Path out() {
    return out;
  }

  boolean replace() {
    return replace;
  }

  /** Refuses an existing directory without --replace, and one that is or holds an input. */
  void check(Path... inputs) throws java.io.IOException {
    OutputDirectory.check(out, replace, "(use --replace)", inputs);
  }
}

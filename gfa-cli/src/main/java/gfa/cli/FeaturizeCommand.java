package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.cli.workflow.StreamingFeaturization;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa featurize}: composition descriptors for every row of a file. */
@Command(
    name = "featurize",
    sortOptions = false,
    description = {
        "Compute the composition descriptors for every composition in a file.",
        "",
        "The input is a CSV file with a 'composition' column (e.g. 'Pd25 Ni57 P18' or "
            + "'Zr41.2Ti13.8Cu12.5Ni10Be22.5'), or a text file with one formula per line. "
            + "The output has the input's columns, unchanged and in their order, followed by the "
            + "descriptor columns with the published names in the published order. Input columns "
            + "that already carry a descriptor's name are dropped and computed afresh.",
        "",
        "The output is written atomically: after an error no output file has been written "
            + "(an existing one is left as it was).",
    })
public final class FeaturizeCommand implements Callable<Integer> {

  private static final String COMPOSITION = "composition";

  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "CSV with a 'composition' column, or a text file with one formula per line.")
  Path input;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "CSV to write (its directory must exist); '-' writes standard output.")
  Path output;



  @Option(
      names = "--allow-missing",
      description =
          "Write an empty cell where an element lacks a figure a descriptor needs, instead of "
              + "failing (matminer wrote NaN there). Only the 'all' preset has such columns "
              + "(velocity of sound, bulk modulus, thermal expansion).")
  boolean allowMissing;

  @Mixin DescriptorOptions descriptorSet;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    checkInputFile(input);
    checkOutputFile(output);
    OutputFile.check("--output", output, common, input);
    Featurizer featurizer = Featurizer.of(descriptorSet.preset(), descriptorSet.miedema(), allowMissing);
    StreamingFeaturization.Result result;
    try (Progress progress = Progress.start("featurize", Files.size(input), common)) {
      result = common.withThreads(() -> StreamingFeaturization.run(input, output, featurizer, COMPOSITION, progress::step));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    report(result.rows(), featurizer.columns().size(), result.columns(), seconds);
    return ExitCodes.OK;
  }

  private static void checkInputFile(Path input) {
    if (!Files.exists(input)) {
      throw new GfaInputException("input file not found: " + input);
    }
    if (!Files.isRegularFile(input)) {
      throw new GfaInputException("input is not a file: " + input);
    }
    if (!Files.isReadable(input)) {
      throw new GfaInputException("input file is not readable: " + input);
    }
  }

  private static void checkOutputFile(Path output) {
    if (OutputFile.isStandardOutput(output)) {
      return;
    }
    Path directory = output.toAbsolutePath().getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new GfaInputException("output directory does not exist: " + directory);
    }
    if (Files.isDirectory(output)) {
      throw new GfaInputException("output is a directory: " + output);
    }
    if (!Files.isWritable(directory)) {
      throw new GfaInputException("output directory is not writable: " + directory);
    }
  }

  private void report(long rows, int descriptors, int columns, double seconds) {
    if (common.json()) {
      ObjectNode summary = new ObjectMapper().createObjectNode();
      summary.put("input", input.toString());
      summary.put("output", output.toString());
      summary.put("rows", rows);
      summary.put("columns", columns);
      summary.put("descriptors", descriptors);
      summary.put("preset", OptionValues.name(descriptorSet.preset()));
      summary.put("miedema", OptionValues.name(descriptorSet.miedema()));
      summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
      summary.put("compositions_per_second", Math.round(rows / Math.max(seconds, 1e-9) * 10) / 10.0);
      spec.commandLine().getOut().println(summary);
      spec.commandLine().getOut().flush();
    } else if (!common.quiet()) {
      spec.commandLine().getErr().printf(
          Locale.ROOT,
          "featurized %d compositions (%d descriptors) in %.1f s -> %s%n",
          rows, descriptors, seconds, output);
      spec.commandLine().getErr().flush();
    }
  }
}

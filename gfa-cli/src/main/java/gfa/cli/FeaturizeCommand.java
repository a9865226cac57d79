package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CompositionListReader;
import gfa.core.io.CsvTable;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa featurize}: composition descriptors for every row of a file. */
@Command(
    name = "featurize",
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
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
  /** Compositions per step of work: the unit of progress. */
  private static final int CHUNK = 1000;

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
    long[] rows = new long[1];
    int columns;
    try (CompositionListReader reader = CompositionListReader.open(input)) {
      OutputLayout layout = OutputLayout.of(reader.header(), featurizer.columns());
      int column = reader.requireColumn(COMPOSITION);
      columns = layout.header().length;
      common.withThreads(() -> {
        AtomicOutput.write(output, out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
          CsvTable.appendRow(w, layout.header());
          rows[0] = featurize(featurizer, reader, column, layout, w);
          w.flush();
        });
        return null;
      });
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    report(rows[0], featurizer.columns().size(), columns, seconds);
    return ExitCodes.OK;
  }

  /**
   * Reads, featurises and writes the rows in steps of {@link #CHUNK}: memory stays the same
   * however long the file is. Returns the number of rows.
   */
  private long featurize(Featurizer featurizer, CompositionListReader reader, int column, OutputLayout layout, Writer w)
      throws IOException {
    long total = 0;
    long bytesShown = 0;
    List<String[]> cells = new ArrayList<>(CHUNK);
    List<String> where = new ArrayList<>(CHUNK);
    List<Composition> compositions = new ArrayList<>(CHUNK);
    try (Progress progress = Progress.start("featurize", Files.size(input), common)) {
      while (true) {
        cells.clear();
        where.clear();
        compositions.clear();
        String[] row;
        while (cells.size() < CHUNK && (row = reader.next()) != null) {
          cells.add(row);
          where.add(reader.where());
          compositions.add(composition(row[column], reader.where()));
        }
        if (cells.isEmpty()) {
          break;
        }
        double[][] values;
        try {
          values = featurizer.featurizeAll(compositions);
        } catch (Featurizer.RowProblem e) {
          throw e.problem().at(where.get(e.row()));
        }
        for (int r = 0; r < cells.size(); r++) {
          CsvTable.appendRow(w, layout.row(cells.get(r), values[r]));
        }
        total += cells.size();
        progress.step(reader.bytesRead() - bytesShown);
        bytesShown = reader.bytesRead();
      }
    }
    if (total == 0) {
      throw new GfaInputException(reader.source() + ": no compositions");
    }
    return total;
  }

  private static Composition composition(String cell, String where) {
    String text = cell.strip();
    if (text.isEmpty()) {
      throw new GfaInputException(where + ": empty composition");
    }
    try {
      return Composition.parse(text);
    } catch (GfaInputException e) {
      throw e.at(where);
    }
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

  /**
   * The output's columns: the input's, less any that carry a descriptor's name, followed by the
   * descriptors.
   */
  record OutputLayout(String[] header, int[] kept) {
    static OutputLayout of(List<String> input, List<String> descriptors) {
      Set<String> computed = new HashSet<>(descriptors);
      List<String> header = new ArrayList<>();
      List<Integer> kept = new ArrayList<>();
      for (int c = 0; c < input.size(); c++) {
        if (!computed.contains(input.get(c))) {
          kept.add(c);
          header.add(input.get(c));
        }
      }
      header.addAll(descriptors);
      return new OutputLayout(header.toArray(String[]::new), kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One output row: the kept input cells, then the descriptors (a missing figure empty). */
    String[] row(String[] cells, double[] values) {
      String[] out = new String[header.length];
      for (int k = 0; k < kept.length; k++) {
        out[k] = cells[kept[k]];
      }
      for (int d = 0; d < values.length; d++) {
        double v = values[d];
        out[kept.length + d] = Double.isNaN(v) ? "" : CsvTable.formatNumber(v);
      }
      return out;
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

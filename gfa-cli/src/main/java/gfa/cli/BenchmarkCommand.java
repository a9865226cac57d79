package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.data.MiedemaVersion;
import gfa.core.io.CsvTable;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gfa benchmark featurize}: in-process speed of the descriptor computation, the same code
 * path as {@code gfa featurize}. Each repetition builds a fresh featurizer, so the per-element-set
 * packing-cluster search is paid every time, as in a real run; the first repetition also pays
 * JIT warm-up and is reported apart.
 */
@Command(
    name = "benchmark",
    description = {"Measure gfa's speed on your machine (results on stdout; see docs/benchmarks.md)."},
    subcommands = {BenchmarkCommand.Featurize.class})
public final class BenchmarkCommand {

  @Command(
      name = "featurize",
      description = {
        "Featurise the compositions of a file REPEAT times in this process and report the time of "
            + "the first (cold) repetition and the median of the others (warm), in compositions/s."
      })
  static final class Featurize implements Callable<Integer> {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
        description = "CSV with a 'composition' column, or one formula per line.")
    Path input;

    @Option(names = "--repeat", defaultValue = "10", paramLabel = "N",
        description = "Repetitions (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--preset", defaultValue = "gong2024", paramLabel = "NAME",
        converter = OptionValues.PresetConverter.class,
        description = "Descriptor set (default: ${DEFAULT-VALUE}).")
    Preset preset;

    @Mixin CommonOptions common;

    @Override
    public Integer call() {
      if (repeat < 2) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this), "--repeat must be at least 2 (one cold, one warm)");
      }
      long readStart = System.nanoTime();
      CsvTable table = CsvTable.readCompositionList(input);
      int column = table.requireColumn("composition");
      List<Composition> compositions = new ArrayList<>(table.rowCount());
      for (int i = 0; i < table.rowCount(); i++) {
        compositions.add(Composition.parse(table.cell(i, column)));
      }
      double readSeconds = (System.nanoTime() - readStart) / 1e9;
      double[] seconds = new double[repeat];
      for (int r = 0; r < repeat; r++) {
        long start = System.nanoTime();
        Featurizer featurizer = Featurizer.of(preset, MiedemaVersion.PAPER);
        common.withThreads(() -> featurizer.featurizeAll(compositions));
        seconds[r] = (System.nanoTime() - start) / 1e9;
      }
      double[] warm = Arrays.copyOfRange(seconds, 1, repeat);
      Arrays.sort(warm);
      double median = warm[warm.length / 2];
      int n = compositions.size();
      if (common.json()) {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("input", input.toString());
        json.put("compositions", n);
        json.put("threads", common.threads());
        json.put("read_and_parse_seconds", readSeconds);
        json.put("cold_seconds", seconds[0]);
        json.put("warm_median_seconds", median);
        json.put("warm_compositions_per_second", n / median);
        ArrayNode all = json.putArray("seconds");
        for (double s : seconds) {
          all.add(s);
        }
        System.out.println(json);
      } else {
        System.out.printf(Locale.ROOT,
            "%s: %d compositions, %d threads: read+parse %.3f s; featurize cold %.3f s, warm median %.4f s (%.0f compositions/s)%n",
            input, n, common.threads(), readSeconds, seconds[0], median, n / median);
      }
      return ExitCodes.OK;
    }
  }
}

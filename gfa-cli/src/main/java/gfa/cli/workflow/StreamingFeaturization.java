package gfa.cli.workflow;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CompositionListReader;
import gfa.core.io.CsvTable;
import gfa.features.Featurizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The work of {@code gfa featurize}: reads a composition list, featurises it and writes the input's
 * columns followed by the descriptors, in steps of {@link #CHUNK} rows, so memory stays the same
 * however long the file is. The command only parses options and reports; this class is the one
 * place the streaming loop lives.
 */
public final class StreamingFeaturization {
  /** Compositions per step of work: the unit of progress and of parallel featurisation. */
  public static final int CHUNK = 1000;

  /** What was written. */
  public record Result(long rows, int columns) {}

  private StreamingFeaturization() {}

  /**
   * Featurises every row of {@code input} into {@code output} (atomically, through
   * {@link AtomicOutput}). {@code bytesRead} is told how many more input bytes each step consumed.
   * A row that cannot be featurised is an input error naming its file and line; an input without
   * rows is one too.
   */
  public static Result run(Path input, Path output, Featurizer featurizer, String compositionColumn, LongConsumer bytesRead)
      throws IOException {
    try (CompositionListReader reader = CompositionListReader.open(input)) {
      OutputLayout layout = OutputLayout.of(reader.header(), featurizer.columns());
      int column = reader.requireColumn(compositionColumn);
      long[] rows = new long[1];
      AtomicOutput.write(output, out -> {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CsvTable.appendRow(w, layout.header());
        rows[0] = featurize(featurizer, reader, column, layout, w, bytesRead);
        w.flush();
      });
      return new Result(rows[0], layout.header().length);
    }
  }

  private static long featurize(Featurizer featurizer, CompositionListReader reader, int column, OutputLayout layout,
      Writer w, LongConsumer bytesRead) throws IOException {
    long total = 0;
    long bytesShown = 0;
    List<String[]> cells = new ArrayList<>(CHUNK);
    List<String> where = new ArrayList<>(CHUNK);
    List<Composition> compositions = new ArrayList<>(CHUNK);
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
      bytesRead.accept(reader.bytesRead() - bytesShown);
      bytesShown = reader.bytesRead();
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
}

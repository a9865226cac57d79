package gfa.core.campaign;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.dataset.Outcome;
import gfa.core.io.AtomicOutput;
import gfa.core.io.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every lab result a campaign has been given, in order, each with the iteration that recorded it
 * and the file it came from. Append-only: a new ledger is an old one plus rows, and
 * {@link #write} refuses to replace a file whose content is not a prefix of the new one, so a
 * recorded result can never be lost or rewritten by gfa.
 */
public final class Ledger {
  public static final List<String> HEADER =
      List.of("iteration", "composition", "outcome", "dmax_mm", "label_mm", "note", "results_file", "results_sha256");

  /** A ledger row. */
  public record Entry(int iteration, LabResult result, String resultsFile, String resultsSha256) {}

  private final List<Entry> entries;

  private Ledger(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static Ledger empty() {
    return new Ledger(List.of());
  }

  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The last iteration with results in the ledger, 0 when it is empty. */
  public int lastIteration() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).iteration();
  }

  /** The ledger up to and including {@code iteration}. */
  public Ledger upTo(int iteration) {
    return new Ledger(entries.stream().filter(e -> e.iteration() <= iteration).toList());
  }

  /** The distinct alloys measured so far, in order of first measurement. */
  public List<Composition> measured() {
    return List.copyOf(entries.stream().map(e -> e.result().composition()).distinct().toList());
  }

  /** The results as training rows: one per distinct alloy, its labels averaged (METHOD §1). */
  public Map<Composition, Double> labels() {
    Map<Composition, double[]> sums = new LinkedHashMap<>();
    for (Entry e : entries) {
      double[] s = sums.computeIfAbsent(e.result().composition(), c -> new double[2]);
      s[0] += e.result().label();
      s[1] += 1;
    }
    Map<Composition, Double> labels = new LinkedHashMap<>();
    sums.forEach((c, s) -> labels.put(c, s[0] / s[1]));
    return labels;
  }

  /** The measured alloy with the largest label (the first one on ties), if any. */
  public Optional<Entry> best() {
    Entry best = null;
    for (Entry e : entries) {
      if (best == null || e.result().label() > best.result().label()) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The entry for an alloy measured before, if any. */
  public Optional<Entry> find(Composition alloy) {
    return entries.stream().filter(e -> e.result().composition().equals(alloy)).findFirst();
  }

  /**
   * Refuses results that contradict the ledger: an alloy measured before with another outcome.
   * The message names the row of the new file and the iteration of the earlier measurement.
   */
  public void checkConsistent(LabResults results) {
    for (int r = 0; r < results.results().size(); r++) {
      LabResult result = results.results().get(r);
      Optional<Entry> earlier = find(result.composition());
      if (earlier.isPresent() && earlier.get().result().outcome() != result.outcome()) {
        throw new GfaInputException(results.where(r) + ": outcome: " + result.composition().format() + " is " + result.outcome()
            + " here but was recorded as " + earlier.get().result().outcome() + " in iteration " + earlier.get().iteration()
            + " (from " + earlier.get().resultsFile() + "); the ledger keeps every result, so correct this file");
      }
    }
  }

  /** This ledger plus the results of one iteration, which must come after every recorded one. */
  public Ledger append(int iteration, LabResults results, String resultsFile) {
    if (iteration <= lastIteration()) {
      throw new IllegalArgumentException("iteration " + iteration + " after iteration " + lastIteration());
    }
    List<Entry> all = new ArrayList<>(entries);
    for (LabResult r : results.results()) {
      all.add(new Entry(iteration, r, resultsFile, results.sha256()));
    }
    return new Ledger(all);
  }

  public CsvTable table() {
    List<String[]> rows = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      LabResult r = e.result();
      rows.add(new String[] {
          Integer.toString(e.iteration()), r.composition().format(), r.outcome().label(),
          Double.isNaN(r.dmaxMm()) ? "" : CsvTable.formatNumber(r.dmaxMm()), CsvTable.formatNumber(r.label()), r.note(),
          e.resultsFile(), e.resultsSha256(),
      });
    }
    return new CsvTable(HEADER, rows);
  }

  public String toCsv() {
    return table().toCsv();
  }

  /** Reads a ledger file; an absent file is an empty ledger. */
  public static Ledger read(Path file) {
    if (!Files.exists(file)) {
      return empty();
    }
    CsvTable table = CsvTable.read(file);
    if (!table.header().equals(HEADER)) {
      throw new GfaInputException(file + ": not a gfa ledger (columns " + table.columnList() + ")");
    }
    List<Entry> entries = new ArrayList<>(table.rowCount());
    int last = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      String[] row = table.row(r);
      try {
        int iteration = Integer.parseInt(row[0]);
        if (iteration < last || iteration < 1) {
          throw new GfaInputException("iterations out of order");
        }
        last = iteration;
        double dmax = row[3].isEmpty() ? Double.NaN : table.number(r, 3);
        LabResult result = new LabResult(Composition.parse(row[1]), Outcome.parse(row[2]), dmax, row[5]);
        entries.add(new Entry(iteration, result, row[6], row[7]));
      } catch (GfaInputException | NumberFormatException e) {
        throw new GfaInputException(table.where(r) + ": corrupted ledger (" + e.getMessage() + ")");
      }
    }
    return new Ledger(entries);
  }

  /**
   * Writes the ledger atomically (temporary file, then rename). Refuses, as an internal error, to
   * replace a file whose bytes are not a prefix of the new content: gfa only ever appends.
   */
  public void write(Path file) throws IOException {
    byte[] next = toCsv().getBytes(StandardCharsets.UTF_8);
    if (Files.exists(file)) {
      byte[] previous = Files.readAllBytes(file);
      if (previous.length > next.length || !Arrays.equals(previous, 0, previous.length, next, 0, previous.length)) {
        throw new IllegalStateException(file + ": the new ledger does not extend the recorded one; nothing written");
      }
      if (previous.length == next.length) {
        return; // nothing new
      }
    }
    AtomicOutput.write(file, out -> out.write(next));
  }
}

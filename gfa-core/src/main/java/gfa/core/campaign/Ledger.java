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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every lab result a campaign has been given, in order, each with the iteration that recorded it
 * and the file it came from. Append-only: a new ledger is an old one plus rows, and
 * {@link #write} refuses to replace a file whose content is not a prefix of the new one, so a
 * recorded result can never be lost or rewritten by gfa.
 *
 * <p>Tamper-evident: every line carries the SHA-256 of the line before it
 * ({@code previous_line_sha256}, the hash of that line's text as written, newline included), and
 * the first line the campaign's own hash (the <em>anchor</em>). So a line changed, removed,
 * added or moved anywhere but at the very end breaks a link, and the end is pinned by the
 * {@link #head} each iteration records. Each line also carries the SHA-256 of the results file
 * it came from.
 *
 * <p>A wrong result is never edited: a <em>correction</em> (an entry of kind
 * {@link Kind#CORRECTION}) supersedes every earlier report of its alloy, and training uses it
 * from then on ({@link #labels}).
 */
public final class Ledger {
  public static final List<String> HEADER = List.of("iteration", "composition", "outcome", "dmax_mm", "label_mm", "note",
      "results_file", "results_sha256", "kind", "previous_line_sha256");
  /** The columns of ledgers written before lines were chained: recognised to say so. */
  static final List<String> LEGACY_HEADER =
      List.of("iteration", "composition", "outcome", "dmax_mm", "label_mm", "note", "results_file", "results_sha256");
  /** The anchor of a ledger that belongs to no campaign (tests, tools). */
  public static final String NO_ANCHOR = "0".repeat(64);
  private static final int LABEL = 4;
  private static final int PREVIOUS = 9;

  /** What a line records: a lab result, or a correction of an earlier one. */
  public enum Kind {
    RESULT, CORRECTION;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.label().equals(text)) {
          return k;
        }
      }
      throw new GfaInputException("kind '" + text + "' is not result or correction");
    }
  }

  /**
   * A ledger line.
   *
   * @param previousSha256 the hash of the line before (the anchor for the first line), as recorded
   */
  public record Entry(int iteration, LabResult result, String resultsFile, String resultsSha256, Kind kind,
      String previousSha256) {}

  private final String anchor;
  private final List<Entry> entries;
  /** SHA-256 of each line's text: as read from the file, or as it will be written. */
  private final List<String> lineHashes;
  /** Where each line is, for messages: {@code ledger.csv line 7}, or {@code ledger entry 7} in memory. */
  private final List<String> locations;

  private Ledger(String anchor, List<Entry> entries, List<String> lineHashes, List<String> locations) {
    this.anchor = anchor;
    this.entries = List.copyOf(entries);
    this.lineHashes = List.copyOf(lineHashes);
    this.locations = List.copyOf(locations);
  }

  /** An empty ledger that belongs to no campaign (its first line is anchored to {@link #NO_ANCHOR}). */
  public static Ledger empty() {
    return empty(NO_ANCHOR);
  }

  /** An empty ledger whose first line will carry {@code anchor}, the campaign's own hash. */
  public static Ledger empty(String anchor) {
    return new Ledger(anchor, List.of(), List.of(), List.of());
  }

  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The hash the first line carries: the campaign's own. */
  public String anchor() {
    return anchor;
  }

  /**
   * The hash of the last line (the anchor when there is none): what the next line will carry, and
   * what an iteration records to pin the ledger as it left it.
   */
  public String head() {
    return lineHashes.isEmpty() ? anchor : lineHashes.get(lineHashes.size() - 1);
  }

  /** Where line {@code index} (0-based) is, for messages. */
  public String where(int index) {
    return locations.get(index);
  }

  /** The last iteration with results in the ledger, 0 when it is empty. */
  public int lastIteration() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).iteration();
  }

  /** The ledger up to and including {@code iteration}. */
  public Ledger upTo(int iteration) {
    int n = 0;
    while (n < entries.size() && entries.get(n).iteration() <= iteration) {
      n++;
    }
    return new Ledger(anchor, entries.subList(0, n), lineHashes.subList(0, n), locations.subList(0, n));
  }

  /** The distinct alloys measured so far, in order of first measurement. */
  public List<Composition> measured() {
    return List.copyOf(entries.stream().map(e -> e.result().composition()).distinct().toList());
  }

  /**
   * The entries that count: all but those superseded by a later correction of the same alloy. A
   * correction file's own rows all count (two reports of one alloy in it are averaged).
   */
  public List<Entry> current() {
    Map<Composition, Integer> lastCorrection = new HashMap<>();
    for (Entry e : entries) {
      if (e.kind() == Kind.CORRECTION) {
        lastCorrection.put(e.result().composition(), e.iteration());
      }
    }
    return entries.stream().filter(e -> e.iteration() >= lastCorrection.getOrDefault(e.result().composition(), 0)).toList();
  }

  /** The results as training rows: one per distinct alloy, its current labels averaged (docs/method.md §1). */
  public Map<Composition, Double> labels() {
    Map<Composition, double[]> sums = new LinkedHashMap<>();
    for (Entry e : current()) {
      double[] s = sums.computeIfAbsent(e.result().composition(), c -> new double[2]);
      s[0] += e.result().label();
      s[1] += 1;
    }
    Map<Composition, Double> labels = new LinkedHashMap<>();
    sums.forEach((c, s) -> labels.put(c, s[0] / s[1]));
    return labels;
  }

  /** The measured alloy with the largest current label (the first one on ties), if any. */
  public Optional<Entry> best() {
    Entry best = null;
    for (Entry e : current()) {
      if (best == null || e.result().label() > best.result().label()) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The current entry for an alloy measured before, if any. */
  public Optional<Entry> find(Composition alloy) {
    return current().stream().filter(e -> e.result().composition().equals(alloy)).findFirst();
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

  /** Refuses a correction of an alloy that was never measured: there is nothing to correct. */
  public void checkCorrects(LabResults corrections) {
    for (int r = 0; r < corrections.results().size(); r++) {
      Composition alloy = corrections.results().get(r).composition();
      if (find(alloy).isEmpty()) {
        throw new GfaInputException(corrections.where(r) + ": composition: " + alloy.format()
            + " was never measured in this campaign, so there is nothing to correct; give new results without --correction");
      }
    }
  }

  /** This ledger plus the results of one iteration, which must come after every recorded one. */
  public Ledger append(int iteration, LabResults results, String resultsFile) {
    return append(iteration, results, resultsFile, Kind.RESULT);
  }

  /** This ledger plus the results (or corrections) of one iteration, after every recorded one. */
  public Ledger append(int iteration, LabResults results, String resultsFile, Kind kind) {
    if (iteration <= lastIteration()) {
      throw new IllegalArgumentException("iteration " + iteration + " after iteration " + lastIteration());
    }
    List<Entry> all = new ArrayList<>(entries);
    List<String> hashes = new ArrayList<>(lineHashes);
    List<String> where = new ArrayList<>(locations);
    String previous = head();
    for (LabResult r : results.results()) {
      Entry e = new Entry(iteration, r, resultsFile, results.sha256(), kind, previous);
      previous = sha256(line(cells(e)));
      all.add(e);
      hashes.add(previous);
      where.add("ledger entry " + all.size());
    }
    return new Ledger(anchor, all, hashes, where);
  }

  /**
   * Refuses a line that repeats an earlier one: no two lines can carry the same hash of the line
   * before them, so a copy of a line (anywhere) is named as such, before anything else is said.
   */
  public void checkNoRepeats() {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Integer earlier = seen.putIfAbsent(entries.get(i).previousSha256(), i);
      if (earlier != null) {
        throw new GfaInputException(where(i) + " repeats " + where(earlier).replaceAll(".* line ", "line ")
            + " (the same previous_line_sha256): a duplicated line");
      }
    }
  }

  /**
   * Checks every link of the chain: the first line must carry the anchor, every other one the
   * hash of the line before it. The first broken link is a {@link GfaInputException} naming the
   * line.
   */
  public void checkChain() {
    for (int i = 0; i < entries.size(); i++) {
      String recorded = entries.get(i).previousSha256();
      String expected = i == 0 ? anchor : lineHashes.get(i - 1);
      if (!recorded.equals(expected)) {
        throw new GfaInputException(where(i) + ": previous_line_sha256 " + abbreviate(recorded) + " is not "
            + (i == 0 ? "the campaign's own hash " + abbreviate(expected)
                + ": the ledger's first line was removed or replaced, or the ledger belongs to another campaign"
                : "the hash of the line before it (" + where(i - 1) + ", " + abbreviate(expected)
                    + "): a line before this one was changed, removed, added or moved"));
      }
    }
  }

  /**
   * Checks this ledger's lines of {@code iteration} against what the committed iteration recorded:
   * the same rows in the same order, from the same file, of the same kind. The first difference
   * is a {@link GfaInputException} naming the ledger line and the results row.
   *
   * @param committed the results in the iteration's own record ({@code iterations/NN/results.csv})
   * @param resultsFile and {@code resultsSha256}: the name and hash of the lab's file, from its summary
   */
  public void checkIteration(int iteration, LabResults committed, String resultsFile, String resultsSha256, Kind kind) {
    List<Integer> lines = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).iteration() == iteration) {
        lines.add(i);
      }
    }
    int rows = committed.results().size();
    for (int j = 0; j < Math.min(lines.size(), rows); j++) {
      int i = lines.get(j);
      Entry e = entries.get(i);
      String row = committed.where(j);
      String prefix = where(i) + " differs from " + row + ": ";
      LabResult mine = e.result();
      LabResult theirs = committed.results().get(j);
      if (!mine.composition().equals(theirs.composition())) {
        throw new GfaInputException(prefix + "composition " + mine.composition().format() + ", the results file has "
            + theirs.composition().format() + " (ledger lines removed, reordered or edited?)");
      }
      if (mine.outcome() != theirs.outcome()) {
        throw new GfaInputException(prefix + "outcome " + mine.outcome() + ", the results file has " + theirs.outcome());
      }
      if (Double.compare(mine.dmaxMm(), theirs.dmaxMm()) != 0) {
        throw new GfaInputException(prefix + "dmax_mm " + number(mine.dmaxMm()) + ", the results file has " + number(theirs.dmaxMm()));
      }
      if (!mine.note().equals(theirs.note())) {
        throw new GfaInputException(prefix + "note '" + mine.note() + "', the results file has '" + theirs.note() + "'");
      }
      if (!e.resultsFile().equals(resultsFile) || !e.resultsSha256().equals(resultsSha256)) {
        throw new GfaInputException(where(i) + ": results file " + e.resultsFile() + " (SHA-256 " + abbreviate(e.resultsSha256())
            + ") is not the one iteration " + iteration + " recorded: " + resultsFile + " (SHA-256 " + abbreviate(resultsSha256) + ")");
      }
      if (e.kind() != kind) {
        throw new GfaInputException(where(i) + ": kind " + e.kind().label() + ", but iteration " + iteration + " recorded a "
            + kind.label());
      }
    }
    if (lines.size() > rows) {
      int i = lines.get(rows);
      throw new GfaInputException(where(i) + ": one line too many for iteration " + iteration + ": " + committed.source() + " has " + rows
          + " row" + (rows == 1 ? "" : "s") + " (a duplicated or added line)");
    }
    if (lines.size() < rows) {
      throw new GfaInputException(committed.where(lines.size()) + " (" + committed.results().get(lines.size()).composition().format()
          + ") is missing from the ledger: " + lines.size() + " of the " + rows + " rows of iteration " + iteration
          + " are there (a deleted line)");
    }
  }

  public CsvTable table() {
    List<String[]> rows = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      rows.add(cells(e));
    }
    return new CsvTable(HEADER, rows);
  }

  private static String[] cells(Entry e) {
    LabResult r = e.result();
    return new String[] {
        Integer.toString(e.iteration()), r.composition().format(), r.outcome().label(), number(r.dmaxMm()),
        CsvTable.formatNumber(r.label()), r.note(), e.resultsFile(), e.resultsSha256(), e.kind().label(), e.previousSha256(),
    };
  }

  private static String number(double x) {
    return Double.isNaN(x) ? "" : CsvTable.formatNumber(x);
  }

  /** A line as gfa writes it, newline included: the text its hash is taken of. */
  private static String line(String[] cells) {
    String csv = new CsvTable(HEADER, List.<String[]>of(cells)).toCsv();
    return csv.substring(csv.indexOf('\n') + 1);
  }

  public String toCsv() {
    return table().toCsv();
  }

  /** Reads a ledger file; an absent file is an empty ledger. Its anchor is what its first line carries. */
  public static Ledger read(Path file) {
    return read(file, null);
  }

  /**
   * Reads a ledger file whose first line should carry {@code anchor} (the campaign's own hash;
   * null: whatever the first line carries). An absent file is an empty ledger. The links of the
   * chain are not checked here: {@link #checkChain} does, so that a caller can first compare the
   * lines with their results files and name what differs.
   */
  public static Ledger read(Path file, String anchor) {
    if (!Files.exists(file)) {
      return empty(anchor == null ? NO_ANCHOR : anchor);
    }
    CsvTable table = CsvTable.read(file);
    if (table.header().equals(LEGACY_HEADER)) {
      throw new GfaInputException(file + ": a ledger written before gfa chained its lines (no previous_line_sha256); "
          + "it cannot be checked for tampering (see 'Campaigns made before the hashes' in docs/campaign.md)");
    }
    if (!table.header().equals(HEADER)) {
      throw new GfaInputException(file + ": not a gfa ledger (columns " + table.columnList() + ")");
    }
    List<Entry> entries = new ArrayList<>(table.rowCount());
    List<String> hashes = new ArrayList<>(table.rowCount());
    List<String> where = new ArrayList<>(table.rowCount());
    int last = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      String[] row = table.row(r);
      int iteration;
      try {
        iteration = Integer.parseInt(row[0]);
      } catch (NumberFormatException e) {
        throw new GfaInputException(table.where(r) + ": iteration '" + row[0] + "' is not a number (corrupted ledger)");
      }
      if (iteration < 1) {
        throw new GfaInputException(table.where(r) + ": iteration " + iteration + " (lab results start at iteration 1)");
      }
      if (iteration < last) {
        throw new GfaInputException(table.where(r) + ": iteration " + iteration + " comes after iteration " + last
            + ": ledger lines reordered");
      }
      last = iteration;
      try {
        double dmax = row[3].isEmpty() ? Double.NaN : table.number(r, 3);
        LabResult result = new LabResult(Composition.parse(row[1]), Outcome.parse(row[2]), dmax, row[5]);
        String label = CsvTable.formatNumber(result.label());
        if (!row[LABEL].equals(label)) {
          throw new GfaInputException("label_mm '" + row[LABEL] + "' does not follow from outcome " + row[2]
              + (row[3].isEmpty() ? "" : " and dmax_mm " + row[3]) + " (" + label + ")");
        }
        entries.add(new Entry(iteration, result, row[6], row[7], Kind.parse(row[8]), row[PREVIOUS]));
      } catch (GfaInputException e) {
        String message = e.getMessage();
        throw new GfaInputException(message.startsWith(table.where(r)) ? message : table.where(r) + ": " + message);
      }
      hashes.add(sha256(line(row)));
      where.add(table.where(r));
    }
    String start = anchor != null ? anchor : entries.isEmpty() ? NO_ANCHOR : entries.get(0).previousSha256();
    return new Ledger(start, entries, hashes, where);
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

  /** SHA-256 of text (UTF-8), in hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }

  /** The first 12 hex digits of a hash: enough to tell two apart in a message. */
  public static String abbreviate(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
  }
}

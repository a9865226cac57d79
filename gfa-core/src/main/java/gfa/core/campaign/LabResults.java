package gfa.core.campaign;

import gfa.core.Composition;
import gfa.core.Element;
import gfa.core.Excerpt;
import gfa.core.GfaInputException;
import gfa.core.dataset.DatasetReader;
import gfa.core.dataset.Labels;
import gfa.core.dataset.Outcome;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A results file from the lab: columns {@code composition}, {@code outcome} ({@code crystalline},
 * {@code ribbon} or {@code bmg}), {@code dmax_mm} (required for {@code bmg}) and an optional
 * {@code note}. Every row is checked before any is accepted; the first problem is a one-line
 * {@link GfaInputException} naming the file, the line and the field.
 *
 * @param results the rows, in file order
 * @param source the file as named in messages
 * @param sha256 SHA-256 of the file's bytes: the same file given twice is recognised
 * @param locations where each row is in the file, for messages ({@code lab.csv line 3})
 * @param notCast the rows whose outcome is {@code not-cast}: proposed alloys the lab did not cast;
 *     they give no label and are only taken off the campaign's pending proposals
 */
public record LabResults(List<LabResult> results, String source, String sha256, List<String> locations, List<NotCast> notCast) {
  public static final String COMPOSITION = DatasetReader.COMPOSITION_COLUMN;
  public static final String OUTCOME = DatasetReader.OUTCOME_COLUMN;
  public static final String DMAX = DatasetReader.DIAMETER_COLUMN;
  public static final String NOTE = "note";

  /** Results with no {@code not-cast} rows. */
  public LabResults(List<LabResult> results, String source, String sha256, List<String> locations) {
    this(results, source, sha256, locations, List.of());
  }

  public LabResults {
    notCast = List.copyOf(notCast);
    results = List.copyOf(results);
    locations = List.copyOf(locations);
    if (locations.size() != results.size()) {
      throw new IllegalArgumentException(results.size() + " results, " + locations.size() + " locations");
    }
  }

  /** The same results, recorded as coming from a file with another SHA-256. */
  public LabResults withSha256(String sha) {
    return new LabResults(results, source, sha, locations, notCast);
  }

  /** Where result {@code row} is in its file. */
  public String where(int row) {
    return locations.get(row);
  }

  /**
   * Reads and checks a results file for {@code system}: every alloy must lie in the system's
   * triangle (only its three elements), and an alloy listed twice must have the same outcome.
   */
  public static LabResults read(Path file, TernarySystem system) {
    return read(file, system, Labels.DEFAULT_MAX_DMAX_MM);
  }

  /** As {@link #read(Path, TernarySystem)}, refusing a {@code dmax_mm} above {@code maxDmax} mm. */
  public static LabResults read(Path file, TernarySystem system, double maxDmax) {
    if (!Files.isRegularFile(file)) {
      throw new GfaInputException("results file not found: " + file);
    }
    return parse(CsvTable.read(file), system, maxDmax);
  }

  /**
   * As {@link #read}, from a table already in memory, with no upper bound on {@code dmax_mm}:
   * for results a campaign has already accepted.
   */
  public static LabResults parse(CsvTable table, TernarySystem system) {
    return parse(table, system, Double.POSITIVE_INFINITY);
  }

  /** As {@link #parse(CsvTable, TernarySystem)}, refusing a {@code dmax_mm} above {@code maxDmax} mm. */
  public static LabResults parse(CsvTable table, TernarySystem system, double maxDmax) {
    table.refuseRepeatedColumns();
    int composition = table.requireColumn(COMPOSITION);
    int outcome = table.requireColumn(OUTCOME);
    int dmax = table.columnIndex(DMAX);
    int note = table.columnIndex(NOTE);
    if (table.rowCount() == 0) {
      throw new GfaInputException(table.source() + ": no results (the file has a header but no rows)");
    }
    List<LabResult> results = new ArrayList<>(table.rowCount());
    List<String> locations = new ArrayList<>(table.rowCount());
    List<NotCast> notCast = new ArrayList<>();
    Map<Composition, Integer> firstRow = new LinkedHashMap<>();
    for (int r = 0; r < table.rowCount(); r++) {
      String where = table.where(r);
      Composition alloy;
      try {
        alloy = Composition.parse(table.cell(r, composition));
      } catch (GfaInputException e) {
        throw e.at(where + ": composition");
      }
      for (Element e : alloy.elements()) {
        if (!system.elementSet().contains(e)) {
          throw new GfaInputException(where + ": composition '" + Excerpt.of(table.cell(r, composition)) + "' contains " + e
              + ", which is not in " + system.name());
        }
      }
      if (NotCast.isNotCast(table.cell(r, outcome))) {
        notCast.add(new NotCast(alloy, note >= 0 ? table.cell(r, note) : ""));
        continue;
      }
      Outcome o;
      try {
        o = Outcome.parse(table.cell(r, outcome));
      } catch (GfaInputException e) {
        throw e.at(where + ": outcome");
      }
      double diameter = Double.NaN;
      if (dmax >= 0 && !table.cell(r, dmax).isEmpty()) {
        diameter = table.number(r, dmax);
        if (diameter < 0) {
          throw new GfaInputException(where + ": dmax_mm '" + Excerpt.of(table.cell(r, dmax)) + "' is negative");
        }
        try {
          Labels.checkBound(DMAX, table.cell(r, dmax), diameter, maxDmax);
        } catch (GfaInputException e) {
          throw e.at(where);
        }
      }
      try {
        Labels.dmax(o, diameter);
      } catch (GfaInputException e) {
        throw e.at(where + ": dmax_mm");
      }
      LabResult result = new LabResult(alloy, o, diameter, note >= 0 ? table.cell(r, note) : "");
      Integer earlier = firstRow.putIfAbsent(alloy, results.size());
      if (earlier != null && results.get(earlier).outcome() != o) {
        throw new GfaInputException(where + ": outcome: " + alloy.format() + " is " + o + " here but "
            + results.get(earlier).outcome() + " in " + locations.get(earlier) + "; correct one of them");
      }
      results.add(result);
      locations.add(where);
    }
    for (NotCast n : notCast) {
      if (firstRow.containsKey(n.composition())) {
        throw new GfaInputException(table.source() + ": " + n.composition().format() + " is reported both as "
            + NotCast.OUTCOME + " and with a result; correct the results file");
      }
    }
    return new LabResults(results, table.source(), table.sha256(), locations, notCast);
  }
}

package gfa.core.dataset;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The build step of gfa's default training table ({@code data/training/ward2018-gfa.csv}) from the
 * metallic-glass dataset of L. Ward et al., Acta Mater. 159, 102 (2018), MIT licence, as
 * redistributed by the pymatviz project ({@code ward-metallic-glasses.csv}). Deterministic: the same
 * reference file always gives the same bytes, which a test checks against the shipped table.
 *
 * <p>Cleaning (see docs/default-data.md for the counts and the reasons):
 * <ul>
 *   <li>a row whose formula gfa cannot read ({@link Composition#parse}, which never guesses) or that
 *       the file itself flags as an invalid formula is dropped;</li>
 *   <li>a bulk glass without a reported diameter cannot be given a D_max: a regressor would have to
 *       treat it as a lower bound, which none of gfa's learners can. Every report of such an alloy
 *       is dropped, not only the one without a diameter, because the alloy's label is the mean of
 *       all its reports (docs/method.md §1) and one term of that mean is unknown — keeping the rest would
 *       bias the alloy towards its ribbon or crystalline reports;</li>
 *   <li>the other rows are labelled by docs/method.md §1 (crystalline 0, ribbon 0.2 mm, bulk glass its
 *       diameter, checked by {@link Labels}) and reports of the same alloy (equal {@link Composition}s,
 *       however written) are averaged, as {@link DatasetReader} does for any file.</li>
 * </ul>
 *
 * <p>Columns of the table: {@code composition} (at.%, {@link Composition#format()} of the alloy's
 * first report), {@code D_max} (mm), {@code label} (the distinct labels of its reports, joined with
 * {@code +}), {@code reports} (how many rows were averaged) and {@code source_ids} (their
 * {@code material_id}s in the reference file, space-separated).
 *
 * <p>Rebuild it with
 * {@code java -cp gfa-cli/target/gfa.jar gfa.core.dataset.Ward2018Table REFERENCE.csv data/training/ward2018-gfa.csv}.
 */
public final class Ward2018Table {
  static final String ID_COLUMN = "material_id";
  static final String TYPE_COLUMN = "gfa_type";
  static final String COMMENT_COLUMN = "comment";
  static final List<String> HEADER = List.of("composition", "D_max", "label", "reports", "source_ids");

  /**
   * The table and what the cleaning did.
   *
   * @param table the default training table
   * @param rowsRead data rows of the reference file
   * @param invalidFormulas rows dropped for their formula: {@code ward-7299: formula '(Zr41...' ...}
   * @param bulkWithoutDiameter bulk-glass rows without a diameter (readable formulas)
   * @param alloysWithoutDiameter distinct alloys dropped because one of their reports has no diameter
   * @param rowsDroppedWithThem rows with a known value dropped together with those alloys
   * @param rowsKept rows that went into the table
   * @param mergedAlloys alloys whose value is the mean of two or more reports
   */
  public record Build(CsvTable table, int rowsRead, List<String> invalidFormulas, int bulkWithoutDiameter,
      int alloysWithoutDiameter, int rowsDroppedWithThem, int rowsKept, int mergedAlloys) {
    public Build {
      invalidFormulas = List.copyOf(invalidFormulas);
    }

    /** A few lines for the person who rebuilt the table. */
    public String describe() {
      return String.format(java.util.Locale.ROOT,
          "%d rows read; %d dropped for an unreadable or flagged formula; %d bulk glasses without a diameter, so "
              + "%d alloys dropped with all their reports (%d more rows); %d rows kept -> %d alloys (%d averaged "
              + "from several reports)%n",
          rowsRead, invalidFormulas.size(), bulkWithoutDiameter, alloysWithoutDiameter, rowsDroppedWithThem, rowsKept,
          table.rowCount(), mergedAlloys);
    }
  }

  private Ward2018Table() {}

  /** Builds the table from the reference file as read by {@link CsvTable#read(Path)}. */
  public static Build build(CsvTable reference) {
    int idColumn = reference.requireColumn(ID_COLUMN);
    int formulaColumn = reference.requireColumn(DatasetReader.COMPOSITION_COLUMN);
    int typeColumn = reference.requireColumn(TYPE_COLUMN);
    int dmaxColumn = reference.requireColumn(DatasetReader.DEFAULT_TARGET);
    int commentColumn = reference.requireColumn(COMMENT_COLUMN);

    List<String> invalid = new ArrayList<>();
    Composition[] alloys = new Composition[reference.rowCount()];
    Set<Composition> unknownDiameter = new HashSet<>();
    int bulkWithoutDiameter = 0;
    for (int r = 0; r < reference.rowCount(); r++) {
      String formula = reference.cell(r, formulaColumn);
      try {
        if (reference.cell(r, commentColumn).startsWith("invalid formula")) {
          throw new GfaInputException("formula '" + formula + "' flagged '" + reference.cell(r, commentColumn) + "' in the file");
        }
        alloys[r] = Composition.parse(formula);
      } catch (GfaInputException e) {
        invalid.add(reference.cell(r, idColumn) + ": " + e.getMessage());
        continue;
      }
      if (outcome(reference, r, typeColumn) == Outcome.BMG && reference.cell(r, dmaxColumn).isEmpty()) {
        bulkWithoutDiameter++;
        unknownDiameter.add(alloys[r]);
      }
    }

    // The rows kept, labelled and grouped by alloy in order of first report.
    Map<Composition, List<Integer>> reports = new LinkedHashMap<>();
    Map<Integer, Outcome> outcomes = new HashMap<>();
    int droppedWithThem = 0;
    int rowsKept = 0;
    for (int r = 0; r < reference.rowCount(); r++) {
      if (alloys[r] == null) {
        continue;
      }
      if (unknownDiameter.contains(alloys[r])) {
        if (!reference.cell(r, dmaxColumn).isEmpty()) {
          droppedWithThem++;
        }
        continue;
      }
      Outcome outcome = outcome(reference, r, typeColumn);
      try {
        Labels.dmax(outcome, reference.number(r, dmaxColumn)); // the value must agree with the label
      } catch (GfaInputException e) {
        throw e.at(reference.where(r));
      }
      outcomes.put(r, outcome);
      reports.computeIfAbsent(alloys[r], c -> new ArrayList<>(1)).add(r);
      rowsKept++;
    }
    List<String[]> rows = new ArrayList<>(reports.size());
    int merged = 0;
    for (Map.Entry<Composition, List<Integer>> alloy : reports.entrySet()) {
      List<Integer> group = alloy.getValue();
      merged += group.size() > 1 ? 1 : 0;
      rows.add(new String[] {
          alloy.getKey().format(), CsvTable.formatNumber(mean(reference, group, dmaxColumn)), labels(group, outcomes),
          Integer.toString(group.size()), ids(reference, group, idColumn),
      });
    }
    return new Build(new CsvTable(HEADER, rows), reference.rowCount(), invalid, bulkWithoutDiameter,
        unknownDiameter.size(), droppedWithThem, rowsKept, merged);
  }

  /**
   * The mean of the reported values (docs/method.md §1), summed in decimal so that three reports of 0.2 mm
   * give 0.2 and not the 0.20000000000000004 of binary floating point.
   */
  private static double mean(CsvTable reference, List<Integer> group, int dmaxColumn) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int r : group) {
      sum = sum.add(new BigDecimal(reference.cell(r, dmaxColumn)));
    }
    return sum.divide(BigDecimal.valueOf(group.size()), MathContext.DECIMAL64).doubleValue();
  }

  /** The reference file's {@code gfa_type}: {@code BMG}, {@code Ribbon}, or empty for crystalline. */
  private static Outcome outcome(CsvTable reference, int r, int typeColumn) {
    String type = reference.cell(r, typeColumn);
    if (type.isEmpty()) {
      return Outcome.CRYSTALLINE;
    }
    try {
      return Outcome.parse(type);
    } catch (GfaInputException e) {
      throw e.at(reference.where(r));
    }
  }

  /** The distinct labels of an alloy's reports, in the order crystalline, ribbon, bmg. */
  private static String labels(List<Integer> group, Map<Integer, Outcome> outcomes) {
    StringJoiner joined = new StringJoiner("+");
    for (Outcome o : Outcome.values()) {
      if (group.stream().anyMatch(r -> outcomes.get(r) == o)) {
        joined.add(o.label());
      }
    }
    return joined.toString();
  }

  private static String ids(CsvTable reference, List<Integer> group, int idColumn) {
    StringJoiner joined = new StringJoiner(" ");
    group.forEach(r -> joined.add(reference.cell(r, idColumn)));
    return joined.toString();
  }

  /** {@code Ward2018Table REFERENCE.csv OUTPUT.csv}: writes the table atomically and says what was cleaned. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java -cp gfa.jar gfa.core.dataset.Ward2018Table ward-metallic-glasses.csv OUTPUT.csv");
      System.exit(2);
    }
    try {
      Build build = build(CsvTable.read(Path.of(args[0])));
      build.table().writeAtomically(Path.of(args[1]));
      System.out.print(build.describe());
      build.invalidFormulas().forEach(line -> System.out.println("  dropped " + line));
    } catch (GfaInputException e) {
      System.err.println("gfa: " + e.getMessage());
      System.exit(2);
    }
  }
}

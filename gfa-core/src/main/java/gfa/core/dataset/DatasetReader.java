package gfa.core.dataset;

import gfa.core.Composition;
import gfa.core.Excerpt;
import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads training data from a CSV table with a {@code composition} column and a target column
 * ({@code D_max} unless told otherwise), such as the published
 * {@code features_trainset_all.csv}. A file without the target column but with {@code outcome}
 * (and {@code dmax_mm} for bulk glasses), as lab results are written, gets D_max by the label rule
 * ({@link Labels}). Rows reporting the same alloy are averaged and the merges reported.
 *
 * <p>The raw {@link #table()} stays available, so a command can carry other columns through, and
 * {@link #numericColumns(List)} reads descriptor columns with the same error policy. Every
 * refusal is a one-line {@link GfaInputException} naming file, line (see
 * {@link CsvTable#where(int)}), column and value.
 */
public final class DatasetReader {
  public static final String COMPOSITION_COLUMN = "composition";
  public static final String DEFAULT_TARGET = "D_max";
  public static final String OUTCOME_COLUMN = "outcome";
  public static final String DIAMETER_COLUMN = "dmax_mm";

  private final CsvTable table;
  private final double maxDmax;

  private DatasetReader(CsvTable table, double maxDmax) {
    this.table = table;
    this.maxDmax = maxDmax;
  }

  /** Reads the CSV file; refuses a missing or empty file and one with a header but no rows. */
  public static DatasetReader open(Path file) {
    return of(CsvTable.read(file));
  }

  /** A reader over a table already in memory (e.g. from {@link CsvTable#readCompositionList(Path)}). */
  public static DatasetReader of(CsvTable table) {
    if (table.rowCount() == 0) {
      throw new GfaInputException(table.source() + ": a header (" + table.columnList() + ") but no data rows");
    }
    table.refuseRepeatedColumns();
    return new DatasetReader(table, Labels.DEFAULT_MAX_DMAX_MM);
  }

  /**
   * The same reader with another upper bound on D_max (and {@code dmax_mm}), in mm; the default
   * is {@link Labels#DEFAULT_MAX_DMAX_MM}. Other target columns are not bounded.
   */
  public DatasetReader withMaxDmax(double maxMm) {
    return new DatasetReader(table, maxMm);
  }

  /** The table as read: header and cells as text. */
  public CsvTable table() {
    return table;
  }

  /** The composition of every row, in file order, not merged. */
  public List<Composition> compositions() {
    int column = table.requireColumn(COMPOSITION_COLUMN);
    List<Composition> out = new ArrayList<>(table.rowCount());
    for (int r = 0; r < table.rowCount(); r++) {
      try {
        out.add(Composition.parse(table.cell(r, column)));
      } catch (GfaInputException e) {
        throw e.at(table.where(r));
      }
    }
    return out;
  }

  /** One numeric column, row by row; refuses empty, non-numeric, NaN and infinite cells. */
  public double[] numericColumn(String name) {
    int column = table.requireColumn(name);
    double[] values = new double[table.rowCount()];
    for (int r = 0; r < values.length; r++) {
      values[r] = table.number(r, column);
    }
    return values;
  }

  /**
   * Numeric columns as a matrix {@code [row][k]} for {@code names.get(k)}, rows in file order and
   * not merged (use {@link Dataset#sourceRows()} to align with a dataset). Same refusals as
   * {@link #numericColumn(String)}; negative values are fine here.
   */
  public double[][] numericColumns(List<String> names) {
    int[] columns = new int[names.size()];
    for (int k = 0; k < columns.length; k++) {
      columns[k] = table.requireColumn(names.get(k));
    }
    double[][] matrix = new double[table.rowCount()][columns.length];
    for (int r = 0; r < matrix.length; r++) {
      for (int k = 0; k < columns.length; k++) {
        matrix[r][k] = table.number(r, columns[k]);
      }
    }
    return matrix;
  }

  /** The dataset with target {@code D_max}. */
  public Dataset read() {
    return read(DEFAULT_TARGET);
  }

  /**
   * The dataset with the named target column. Only for {@code D_max}, and only when that column
   * is absent, is the target derived from {@code outcome}/{@code dmax_mm}; a file with both uses
   * the {@code D_max} column.
   */
  public Dataset read(String targetName) {
    table.requireColumn(COMPOSITION_COLUMN);
    double[] values;
    String origin;
    if (table.columnIndex(targetName) >= 0) {
      values = targetColumn(targetName);
      origin = "column '" + targetName + "'";
    } else if (targetName.equals(DEFAULT_TARGET) && table.columnIndex(OUTCOME_COLUMN) >= 0) {
      values = labelledTarget();
      origin = "label rule on columns '" + OUTCOME_COLUMN + "', '" + DIAMETER_COLUMN
          + "' (crystalline 0, ribbon 0.2 mm, bmg its diameter)";
    } else {
      String alternative = targetName.equals(DEFAULT_TARGET) ? " and no '" + OUTCOME_COLUMN + "' column to derive it from" : "";
      throw new GfaInputException(table.source() + ": no '" + targetName + "' column" + alternative
          + " (columns: " + table.columnList() + ")");
    }
    return merge(compositions(), values, targetName, origin);
  }

  private double[] targetColumn(String name) {
    int column = table.requireColumn(name);
    double[] values = new double[table.rowCount()];
    for (int r = 0; r < values.length; r++) {
      values[r] = table.number(r, column);
      if (values[r] < 0) {
        throw new GfaInputException(table.where(r) + ": " + name + " '" + Excerpt.of(table.cell(r, column)) + "' is negative");
      }
      if (name.equals(DEFAULT_TARGET)) {
        try {
          Labels.checkBound(name, table.cell(r, column), values[r], maxDmax);
        } catch (GfaInputException e) {
          throw e.at(table.where(r));
        }
      }
    }
    return values;
  }

  private double[] labelledTarget() {
    int outcomeColumn = table.requireColumn(OUTCOME_COLUMN);
    int diameterColumn = table.columnIndex(DIAMETER_COLUMN) >= 0 ? table.requireColumn(DIAMETER_COLUMN) : -1;
    double[] values = new double[table.rowCount()];
    for (int r = 0; r < values.length; r++) {
      boolean hasDiameter = diameterColumn >= 0 && !table.cell(r, diameterColumn).isEmpty();
      double diameter = hasDiameter ? table.number(r, diameterColumn) : Double.NaN;
      try {
        if (hasDiameter) {
          Labels.checkBound(DIAMETER_COLUMN, table.cell(r, diameterColumn), diameter, maxDmax);
        }
        values[r] = Labels.dmax(Outcome.parse(table.cell(r, outcomeColumn)), diameter);
      } catch (GfaInputException e) {
        throw e.at(table.where(r));
      }
    }
    return values;
  }

  private Dataset merge(List<Composition> rows, double[] values, String targetName, String origin) {
    Map<Composition, List<Integer>> byAlloy = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      byAlloy.computeIfAbsent(rows.get(r), c -> new ArrayList<>(1)).add(r);
    }
    int column = table.requireColumn(COMPOSITION_COLUMN);
    List<Composition> alloys = new ArrayList<>(byAlloy.size());
    double[] target = new double[byAlloy.size()];
    int[] firstRows = new int[byAlloy.size()];
    List<DuplicateGroup> merged = new ArrayList<>();
    int i = 0;
    for (Map.Entry<Composition, List<Integer>> entry : byAlloy.entrySet()) {
      List<Integer> group = entry.getValue();
      double sum = 0;
      for (int r : group) {
        sum += values[r];
      }
      alloys.add(entry.getKey());
      target[i] = sum / group.size();
      firstRows[i] = group.get(0);
      if (group.size() > 1) {
        int[] groupRows = group.stream().mapToInt(Integer::intValue).toArray();
        double[] groupValues = new double[groupRows.length];
        List<String> locations = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int k = 0; k < groupRows.length; k++) {
          groupValues[k] = values[groupRows[k]];
          locations.add(table.where(groupRows[k]));
          written.add(table.cell(groupRows[k], column));
        }
        merged.add(new DuplicateGroup(entry.getKey(), groupRows, locations, written, groupValues, target[i]));
      }
      i++;
    }
    return new Dataset(alloys, target, targetName, origin, firstRows, merged, table.source(), table.sha256(),
        rows.size());
  }
}

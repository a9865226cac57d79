package gfa.api;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Between Tablesaw tables and gfa's values: compositions out of a table, CSV text of a table, result columns into one. */
final class Tables {
  static final String COMPOSITION = "composition";

  private Tables() {}

  /** How messages name a table: {@code table 'alloys'}. */
  static String label(Table table) {
    String name = table.name();
    return name == null || name.isBlank() ? "the table" : "table '" + name + "'";
  }

  /** The file name a table is recorded under as training data: its name, as a file name ending in .csv. */
  static String fileName(Table table) {
    String name = table.name() == null ? "" : table.name().strip();
    name = name.replaceAll("[^A-Za-z0-9._+-]+", "-");
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "table";
    }
    return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name : name + ".csv";
  }

  /** The parsed {@code composition} column; a missing column, an empty cell or a bad formula is an input error naming the row. */
  static List<Composition> compositions(Table table) {
    if (!table.containsColumn(COMPOSITION)) {
      throw new GfaInputException(label(table) + ": no '" + COMPOSITION + "' column (columns: "
          + String.join(", ", table.columnNames()) + ")");
    }
    Column<?> column = table.column(COMPOSITION);
    List<Composition> compositions = new ArrayList<>(table.rowCount());
    for (int r = 0; r < table.rowCount(); r++) {
      String text = column.isMissing(r) ? "" : column.getString(r).strip();
      if (text.isEmpty()) {
        throw new GfaInputException(where(table, r) + ": empty composition");
      }
      try {
        compositions.add(Composition.parse(text));
      } catch (GfaInputException e) {
        throw e.at(where(table, r));
      }
    }
    if (compositions.isEmpty()) {
      throw new GfaInputException(label(table) + ": no compositions");
    }
    return compositions;
  }

  /** {@code table 'alloys' row 3}: rows counted from 0, as {@code Table.row(int)} counts them. */
  static String where(Table table, int row) {
    return label(table) + " row " + row;
  }

  /**
   * The table as CSV text, every column in order: numbers as {@code gfa} writes them (the shortest
   * decimal that reads back as the same double), a missing cell empty, anything else as Tablesaw
   * prints it.
   */
  static String toCsv(Table table) {
    List<String[]> rows = new ArrayList<>(table.rowCount());
    List<Column<?>> columns = table.columns();
    for (int r = 0; r < table.rowCount(); r++) {
      String[] cells = new String[columns.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = cell(columns.get(c), r);
      }
      rows.add(cells);
    }
    return new CsvTable(table.columnNames(), rows).toCsv();
  }

  private static String cell(Column<?> column, int row) {
    if (column.isMissing(row)) {
      return "";
    }
    if (column instanceof IntColumn || column instanceof LongColumn || column instanceof ShortColumn) {
      return Long.toString((long) ((NumericColumn<?>) column).getDouble(row));
    }
    if (column instanceof NumericColumn<?> numbers) {
      return CsvTable.formatNumber(numbers.getDouble(row));
    }
    return column.getString(row);
  }

  /** A copy of {@code table} without the columns named in {@code names}, so that they can be added afresh. */
  static Table without(Table table, List<String> names) {
    Table copy = table.copy();
    for (String name : names) {
      if (copy.containsColumn(name)) {
        copy.removeColumns(name);
      }
    }
    return copy;
  }

  static DoubleColumn doubles(String name, double[] values) {
    return DoubleColumn.create(name, values);
  }

  static IntColumn ints(String name, int[] values) {
    return IntColumn.create(name, values);
  }

  static StringColumn strings(String name, List<String> values) {
    return StringColumn.create(name, values);
  }

  static BooleanColumn booleans(String name, boolean[] values) {
    return BooleanColumn.create(name, values);
  }

  /** Columns whose cells are whole numbers (rank, at.%) or booleans; every other numeric column is a double. */
  private static final java.util.Set<String> BOOLEAN_COLUMNS = java.util.Set.of("top", "in_domain");

  /**
   * A gfa table as a typed Tablesaw table: {@code true}/{@code false} columns as booleans, the rank
   * and at.% columns (whole numbers) as ints, other numbers as doubles, the rest as strings.
   */
  static Table typed(String name, gfa.core.io.CsvTable csv) {
    Table table = Table.create(name);
    for (int c = 0; c < csv.header().size(); c++) {
      String column = csv.header().get(c);
      int n = csv.rowCount();
      if (BOOLEAN_COLUMNS.contains(column)) {
        boolean[] v = new boolean[n];
        for (int r = 0; r < n; r++) {
          v[r] = Boolean.parseBoolean(csv.cell(r, c));
        }
        table.addColumns(booleans(column, v));
      } else if (column.equals("rank") || column.length() <= 2 && Character.isUpperCase(column.charAt(0))) {
        int[] v = new int[n];
        for (int r = 0; r < n; r++) {
          v[r] = Integer.parseInt(csv.cell(r, c));
        }
        table.addColumns(ints(column, v));
      } else if (column.startsWith("predicted_D_max") || column.equals("normalized") || column.equals("p_bmg")
          || column.endsWith("_distance")) {
        double[] v = new double[n];
        for (int r = 0; r < n; r++) {
          v[r] = csv.number(r, c);
        }
        table.addColumns(doubles(column, v));
      } else {
        List<String> v = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
          v.add(csv.cell(r, c));
        }
        table.addColumns(strings(column, v));
      }
    }
    return table;
  }
}

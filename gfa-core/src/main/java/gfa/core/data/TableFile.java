package gfa.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * One of gfa's element table files, parsed: the {@code # @column name | unit | source | checked against}
 * descriptions, the header and the rows of cells. The format is deliberately plain (no quoting; cells
 * never contain commas) so that the files stay readable and diffable. Every column must be described,
 * which keeps the house rule that each figure cites its primary source enforceable.
 *
 * <p>The tables ship inside the jar, so a malformed file is a build defect, reported as an
 * {@link IllegalStateException} naming file and line.
 */
final class TableFile {
  /** What the comment header says about one column. */
  record Column(String name, String unit, String source, String checkedAgainst) {}

  private static final String COLUMN_TAG = "# @column ";
  /**
   * Plain decimal numbers only, {@code -?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?}:
   * Double.parseDouble would also accept "NaN", "Infinity", "1d" or hex. Checked by hand, not by
   * a regular expression: the tables' thousands of numbers are read at the start of every command,
   * where a matcher per number cost a tenth of their reading.
   */
  static boolean isPlainDecimal(String text) {
    int n = text.length();
    int i = 0;
    if (i < n && text.charAt(i) == '-') {
      i++;
    }
    int integer = digits(text, i);
    i += integer;
    int fraction = 0;
    if (i < n && text.charAt(i) == '.') {
      i++;
      fraction = digits(text, i);
      i += fraction;
    }
    if (integer == 0 && fraction == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponent = digits(text, i);
      if (exponent == 0) {
        return false;
      }
      i += exponent;
    }
    return i == n;
  }

  /** How many ASCII digits start at {@code from}. */
  private static int digits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }

  private final String fileName;
  private final List<Column> columns;
  private final List<String[]> rows;
  private final List<Integer> lineNumbers;

  private TableFile(String fileName, List<Column> columns, List<String[]> rows, List<Integer> lineNumbers) {
    this.fileName = fileName;
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.lineNumbers = lineNumbers;
  }

  static TableFile parse(String fileName, Reader reader) throws IOException {
    List<Column> described = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    String[] header = null;
    BufferedReader in = new BufferedReader(reader);
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.startsWith("#")) {
        if (line.startsWith(COLUMN_TAG)) {
          described.add(parseColumn(fileName, lineNo, line.substring(COLUMN_TAG.length())));
        }
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (header == null) {
        header = cells;
        checkHeader(fileName, lineNo, header, described);
        continue;
      }
      if (cells.length != header.length) {
        throw new IllegalStateException(fileName + " line " + lineNo + ": " + cells.length
            + " cells, the header has " + header.length);
      }
      rows.add(cells);
      lineNumbers.add(lineNo);
    }
    if (header == null) {
      throw new IllegalStateException(fileName + ": no header line");
    }
    return new TableFile(fileName, described, rows, lineNumbers);
  }

  private static Column parseColumn(String fileName, int lineNo, String text) {
    String[] parts = text.split("\\|", -1);
    if (parts.length != 4) {
      throw new IllegalStateException(fileName + " line " + lineNo
          + ": a column description needs 'name | unit | source | checked against'");
    }
    return new Column(parts[0].strip(), parts[1].strip(), parts[2].strip(), parts[3].strip());
  }

  private static void checkHeader(String fileName, int lineNo, String[] header, List<Column> described) {
    List<String> names = described.stream().map(Column::name).toList();
    if (!names.equals(List.of(header))) {
      throw new IllegalStateException(fileName + " line " + lineNo + ": header " + List.of(header)
          + " does not match the described columns " + names);
    }
  }

  String fileName() {
    return fileName;
  }

  List<Column> columns() {
    return columns;
  }

  int rowCount() {
    return rows.size();
  }

  int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException(fileName + ": no column '" + name + "'");
  }

  String cell(int row, int column) {
    return rows.get(row)[column];
  }

  /** The number in a cell; NaN for an empty cell (no data). */
  double number(int row, int column) {
    String text = cell(row, column);
    if (text.isEmpty()) {
      return Double.NaN;
    }
    if (!isPlainDecimal(text)) {
      throw error(row, "'" + text + "' in column " + columns.get(column).name() + " is not a number");
    }
    return Double.parseDouble(text);
  }

  /** The number in a cell that must not be empty. */
  double requiredNumber(int row, int column) {
    double v = number(row, column);
    if (Double.isNaN(v)) {
      throw error(row, "column " + columns.get(column).name() + " is empty");
    }
    return v;
  }

  /** An integer-valued cell that must not be empty (atomic numbers, coordination numbers). */
  int requiredInt(int row, int column) {
    double v = requiredNumber(row, column);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw error(row, "column " + columns.get(column).name() + " must be an integer, not " + cell(row, column));
    }
    return (int) v;
  }

  IllegalStateException error(int row, String message) {
    return new IllegalStateException(fileName + " line " + lineNumbers.get(row) + ": " + message);
  }
}

package gfa.core.io;

import gfa.core.Excerpt;
import gfa.core.GfaInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A table of text cells as read from (or written to) a CSV file: a header and rows of equal
 * width. Cells are kept as written, so a command can carry columns it does not understand
 * through unchanged; numbers are parsed only on request, with {@link #number(int, int)}.
 *
 * <p><b>Locations</b> in messages: {@link #where(int)} names the file and the physical
 * <em>line</em> of a row ({@code data.csv line 14}) when every row is known to start on a line
 * (the usual case); when that cannot be established it says {@code data row N} instead, counting
 * data rows from 1 without the header.
 *
 * <p><b>Reading</b> ({@link #read(Path)}) uses univocity-parsers with every column kept as text; cells
 * are trimmed of surrounding spaces (unless quoted), blank lines are skipped, no value is
 * treated as "missing" and {@code #} has no special meaning. A UTF-8 byte-order mark is ignored.
 *
 * <p><b>Writing</b> produces RFC 4180 CSV with {@code \n} line ends: fields containing a comma,
 * quote, line break or surrounding spaces are quoted, quotes doubled.
 */
public final class CsvTable {
  /** A decimal number as CSV files write it: sign, digits, optional point and exponent. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private final String source;
  private final List<String> header;
  private final List<String[]> rows;
  /** File line of the header (index 0) and of each data row (index r + 1), or null if unknown. */
  private final int[] lines;
  private String sha256;

  /** An in-memory table (e.g. results about to be written); rows must match the header width. */
  public CsvTable(List<String> header, List<String[]> rows) {
    this("table", header, copyRows(header.size(), rows), null, null);
  }

  CsvTable(String source, List<String> header, List<String[]> rows, int[] lines, String sha256) {
    this.source = source;
    this.header = List.copyOf(header);
    this.rows = rows;
    this.lines = lines;
    this.sha256 = sha256;
  }

  private static List<String[]> copyRows(int width, List<String[]> rows) {
    List<String[]> copy = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      if (row.length != width) {
        throw new IllegalArgumentException("row " + (copy.size() + 1) + " has " + row.length
            + " cells, the header " + width);
      }
      for (String cell : row) {
        if (cell == null) {
          throw new IllegalArgumentException("row " + (copy.size() + 1) + " has a null cell");
        }
      }
      copy.add(row.clone());
    }
    return List.copyOf(copy);
  }

  /**
   * Reads a CSV file whose first line is the header. Refuses (with a {@link GfaInputException}
   * naming the file) a missing or unreadable file, a file that is not UTF-8, an empty file, an
   * unclosed quote and rows whose width differs from the header's. A header without rows is a
   * valid (empty) table.
   */
  public static CsvTable read(Path file) {
    byte[] bytes = CsvParsing.readBytes(file);
    return CsvParsing.parseCsv(CsvParsing.decode(bytes, file.toString()), file.toString(), CsvParsing.sha256(bytes));
  }

  /** Reads CSV text (e.g. standard input); {@code source} names it in messages. */
  public static CsvTable parse(String csv, String source) {
    return CsvParsing.parseCsv(CsvParsing.stripBom(csv), source,
        CsvParsing.sha256(csv.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads a list of alloys: either a CSV file (when its first non-blank line contains a comma,
   * starts with a quote or is exactly {@code composition}) or a plain text file with one formula
   * per line, where blank lines and text after {@code #} are ignored. A plain list becomes a
   * table with the single column {@code composition}. Formulas are not checked here.
   */
  public static CsvTable readCompositionList(Path file) {
    byte[] bytes = CsvParsing.readBytes(file);
    return CsvParsing.parseCompositionList(CsvParsing.decode(bytes, file.toString()), file.toString(),
        CsvParsing.sha256(bytes));
  }

  /** The name used in messages: the path as given, or {@code table} for in-memory tables. */
  public String source() {
    return source;
  }

  /**
   * SHA-256 (hex) of the bytes read, for provenance; for an in-memory table, of the CSV text
   * {@link #toCsv()} would write.
   */
  public synchronized String sha256() {
    if (sha256 == null) {
      sha256 = CsvParsing.sha256(toCsv().getBytes(StandardCharsets.UTF_8));
    }
    return sha256;
  }

  public List<String> header() {
    return header;
  }

  public int columnCount() {
    return header.size();
  }

  public int rowCount() {
    return rows.size();
  }

  public String cell(int row, int column) {
    return rows.get(row)[column];
  }

  /** A copy of one row's cells. */
  public String[] row(int row) {
    return rows.get(row).clone();
  }

  /** Copies of all rows. */
  public List<String[]> rows() {
    List<String[]> copy = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      copy.add(row.clone());
    }
    return copy;
  }

  /** Index of the column with exactly this name, or -1. */
  public int columnIndex(String name) {
    return header.indexOf(name);
  }

  /** Index of the column with this name; refuses a missing or repeated column, listing the header. */
  public int requireColumn(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new GfaInputException(source + ": no '" + name + "' column (columns: " + columnList() + ")");
    }
    if (header.lastIndexOf(name) != index) {
      throw new GfaInputException(source + ": column '" + name + "' appears more than once in the header");
    }
    return index;
  }

  /**
   * Refuses a header that names a column twice (unnamed columns aside): which of two
   * {@code dmax_mm} columns holds the data would be a guess.
   */
  public void refuseRepeatedColumns() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String name : header) {
      if (!name.isEmpty() && !seen.add(name)) {
        throw new GfaInputException(source + ": column '" + Excerpt.of(name) + "' appears more than once in the header");
      }
    }
  }

  /** The header as {@code 'a', 'b', 'c'}, for messages. */
  public String columnList() {
    StringJoiner j = new StringJoiner(", ");
    for (String name : header) {
      j.add("'" + name + "'");
    }
    return j.toString();
  }

  /** Where data row {@code row} (0-based) is, for messages: {@code data.csv line 14} or {@code data.csv data row 13}. */
  public String where(int row) {
    return lines != null ? source + " line " + lines[row + 1] : source + " data row " + (row + 1);
  }

  /**
   * The cell as a finite decimal number ({@code 12}, {@code -0.5}, {@code 8.60E-08}). Refuses an
   * empty cell, text, NaN, infinities and hexadecimal or Java-only forms such as {@code 1d},
   * naming file, line, column and value.
   */
  public double number(int row, int column) {
    String text = cell(row, column);
    String name = header.get(column).isEmpty() ? "column " + (column + 1) : header.get(column);
    if (text.isEmpty()) {
      throw new GfaInputException(where(row) + ": " + name + " is empty");
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new GfaInputException(where(row) + ": " + name + " '" + Excerpt.of(text) + "' is not a number");
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw new GfaInputException(where(row) + ": " + name + " '" + Excerpt.of(text) + "' is out of range");
    }
    return value;
  }

  /**
   * Number text for outputs: the shortest decimal that reads back as the same double, written
   * plainly ({@code 0.00001}, {@code 1234.5}, {@code 3}) for magnitudes from 1e-7 up to 1e21 and
   * in E-notation ({@code 8.6E-8}) outside that range, as JavaScript does. Reading it back with
   * {@link Double#parseDouble} (or pandas, or a spreadsheet) gives the same value; negative zero
   * is written {@code 0}. NaN and infinities are written as Java names them.
   */
  public static String formatNumber(double x) {
    if (x == 0) {
      return "0";
    }
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    // Since JDK 19, Double.toString is the shortest decimal that round-trips.
    String text = Double.toString(x);
    if (text.indexOf('E') < 0) {
      // plain notation (1e-3 <= |x| < 1e7): its only trailing zero is that of "1.0"; the grid's
      // numbers are all here, and going through BigDecimal cost a tenth of a second per map
      return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
    BigDecimal shortest = new BigDecimal(text).stripTrailingZeros();
    double magnitude = Math.abs(x);
    return magnitude >= 1e-7 && magnitude < 1e21 ? shortest.toPlainString() : shortest.toString();
  }

  /** The table as CSV text. */
  public String toCsv() {
    StringBuilder sb = new StringBuilder(64 * (rows.size() + 1));
    try {
      writeTo(sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return sb.toString();
  }

  /** Writes the table as CSV (header first). */
  public void writeTo(Appendable out) throws IOException {
    writeRow(out, header.toArray(String[]::new));
    for (String[] row : rows) {
      writeRow(out, row);
    }
  }

  /** Writes the table as UTF-8 CSV to {@code target}, atomically ({@link AtomicOutput}). */
  public void writeAtomically(Path target) throws IOException {
    AtomicOutput.write(target, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      writeTo(w);
      w.flush();
    });
  }

  /**
   * Writes one row (or a header) as {@link #writeTo} does, for outputs written row by row
   * without a table in memory.
   */
  public static void appendRow(Appendable out, String[] cells) throws IOException {
    writeRow(out, cells);
  }

  private static void writeRow(Appendable out, String[] cells) throws IOException {
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        out.append(',');
      }
      writeField(out, cells[c], cells.length == 1);
    }
    out.append('\n');
  }

  private static void writeField(Appendable out, String field, boolean alone) throws IOException {
    boolean quote = (alone && field.isEmpty()) // an empty line would be skipped as blank
        || !field.isEmpty() && (Character.isWhitespace(field.charAt(0))
            || Character.isWhitespace(field.charAt(field.length() - 1)));
    for (int i = 0; i < field.length() && !quote; i++) {
      char ch = field.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      out.append(field);
      return;
    }
    out.append('"');
    for (int i = 0; i < field.length(); i++) {
      char ch = field.charAt(i);
      if (ch == '"') {
        out.append('"');
      }
      out.append(ch);
    }
    out.append('"');
  }

  /** Same header and cells (source, line numbers and hash are not compared). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CsvTable other) || !header.equals(other.header) || rows.size() != other.rows.size()) {
      return false;
    }
    for (int r = 0; r < rows.size(); r++) {
      if (!Arrays.equals(rows.get(r), other.rows.get(r))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = header.hashCode();
    for (String[] row : rows) {
      h = 31 * h + Arrays.hashCode(row);
    }
    return h;
  }

  @Override
  public String toString() {
    return source + " (" + header.size() + " columns, " + rows.size() + " rows)";
  }
}

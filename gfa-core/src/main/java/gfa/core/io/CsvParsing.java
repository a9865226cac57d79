package gfa.core.io;

import gfa.core.Excerpt;
import gfa.core.GfaInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

/** The reading side of {@link CsvTable}: bytes, text, CSV records, and where each row starts. */
final class CsvParsing {
  /** Longest cell accepted; a longer one means the file is not the table it claims to be. */
  static final int MAX_CELL_CHARS = 1 << 16;

  private static final int MAX_COLUMNS = 100_000;

  /** Marks a quoted empty cell while blank lines are told apart from rows; becomes "". */
  private static final String QUOTED_EMPTY = "\u0000";

  private CsvParsing() {}

  static byte[] readBytes(Path file) {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Opens a file to read; a directory, a missing file or one we may not read is bad input. */
  static InputStream open(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new GfaInputException(file + ": is a directory, not a file");
      }
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new GfaInputException(file + ": file not found");
    } catch (AccessDeniedException e) {
      throw new GfaInputException(file + ": permission denied");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }


  /** Strict UTF-8 (a Latin-1 file would otherwise turn "µ" into garbage silently), BOM removed. */
  static String decode(byte[] bytes, String source) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      int nul = text.indexOf('\0');
      if (nul >= 0) {
        throw RecordStartTracker.nulCharacter(source, lineOf(text, nul));
      }
      return stripBom(text);
    } catch (CharacterCodingException e) {
      throw new GfaInputException(source + ": not UTF-8 text; save the file as UTF-8");
    }
  }

  /** The 1-based line of character {@code index}; lines end in \n, \r\n or a lone \r. */
  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }

  static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static CsvTable parseCsv(String text, String source, String sha256) {
    RecordStarts starts = RecordStarts.scan(text);
    if (starts.unclosedQuoteLine() > 0) {
      throw new GfaInputException(source + " line " + starts.unclosedQuoteLine()
          + ": a quoted field starting here is never closed");
    }
    List<String[]> records = readRecords(text, source, starts);
    if (records.isEmpty() || records.get(0).length == 0) {
      throw new GfaInputException(source + ": the file is empty (no header line)");
    }
    List<String> header = List.of(blankToEmpty(records.get(0)));
    int width = header.size();
    List<String[]> rows = new ArrayList<>(records.size() - 1);
    for (int r = 1; r < records.size(); r++) {
      String[] cells = blankToEmpty(records.get(r));
      if (cells.length > width) {
        throw new GfaInputException(starts.where(source, r) + ": " + cells.length
            + " cells, more than the " + width + " of the first line");
      }
      if (cells.length < width) {
        throw new GfaInputException(starts.where(source, r)
            + ": fewer cells than the " + width + " of the first line");
      }
      rows.add(cells);
    }
    // Line numbers are trusted only when our count of records agrees with the parser's.
    int[] lines = starts.count() == records.size() ? starts.lines() : null;
    return new CsvTable(source, header, List.copyOf(rows), lines, sha256);
  }

  /**
   * Every record as written, header included, with univocity-parsers (the CSV engine Tablesaw
   * itself uses). Tablesaw's own reader was dropped: its start-up scans the class path (about 2.5 s
   * per run) and it offers nothing here, where every cell stays text.
   */
  private static List<String[]> readRecords(String text, String source, RecordStarts starts) {
    try {
      List<String[]> records = new CsvParser(settings()).parseAll(new StringReader(text));
      // a line of blanks only is an empty line, as the line scan counts it
      records.removeIf(CsvParsing::isBlank);
      return records;
    } catch (TextParsingException e) {
      // univocity's count of records read before the failed one is its index from 0 (the header)
      throw readFailure(e, starts.where(source, e.getRecordNumber()));
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new GfaInputException(source + ": cannot read as CSV: " + Excerpt.of(message), e);
    }
  }

  /** A record univocity gave up on, at {@code where}: a cell over the limit, or too many columns. */
  static GfaInputException readFailure(TextParsingException e, String where) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("maxCharsPerColumn") || message.contains("exceeds the maximum number of characters")) {
      return new GfaInputException(where + ": a cell longer than " + MAX_CELL_CHARS
          + " characters (is this a table of alloys?)", e);
    }
    if (message.contains("maxColumns") || message.contains("exceeds the maximum number of columns")) {
      return new GfaInputException(where + ": more than " + MAX_COLUMNS + " columns (is this a table of alloys?)", e);
    }
    return new GfaInputException(where + ": cannot read as CSV: " + Excerpt.of(message.lines().findFirst().orElse("")), e);
  }

  /** The CSV dialect of every gfa input: every cell text, nothing skipped but blank lines. */
  static CsvParserSettings settings() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(false); // the header is a record, kept verbatim ("" stays "")
    settings.getFormat().setComment('\0'); // '#' lines are data, never silently dropped
    settings.getFormat().setLineSeparator("\n");
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setMaxCharsPerColumn(MAX_CELL_CHARS);
    settings.setMaxColumns(MAX_COLUMNS);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue(null); // an unquoted empty cell
    settings.setEmptyValue(QUOTED_EMPTY); // a quoted one: a row of just "" is data, not a blank line
    settings.setSkipEmptyLines(true);
    settings.setReadInputOnSeparateThread(false); // the line tracker of a stream reads along
    return settings;
  }

  /** A blank record (no cells, or one blank cell) is a blank line, skipped. */
  static boolean isBlank(String[] record) {
    return record.length == 1 && (record[0] == null || record[0].isBlank());
  }

  static String[] blankToEmpty(String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == null || cells[i].equals(QUOTED_EMPTY)) {
        cells[i] = "";
      }
    }
    return cells;
  }

  static CsvTable parseCompositionList(String text, String source, String sha256) {
    String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (isCsv(first)) {
      return parseCsv(text, source, sha256);
    }
    List<String[]> rows = new ArrayList<>();
    int[] lines = new int[16];
    int lineNumber = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      lineNumber++;
      if (line.length() > MAX_CELL_CHARS) {
        throw new GfaInputException(source + " line " + lineNumber + ": longer than " + MAX_CELL_CHARS
            + " characters (is this a list of formulas?)");
      }
      int hash = line.indexOf('#');
      String formula = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (formula.isEmpty()) {
        continue;
      }
      rows.add(new String[] {formula});
      if (rows.size() + 1 > lines.length) {
        lines = Arrays.copyOf(lines, 2 * lines.length);
      }
      lines[rows.size()] = lineNumber; // index 0 would be the header line; a plain list has none
    }
    return new CsvTable(source, List.of("composition"), List.copyOf(rows),
        Arrays.copyOf(lines, rows.size() + 1), sha256);
  }

  /**
   * Whether a list of alloys whose first non-blank line (stripped) is {@code first} is a CSV
   * file rather than one formula per line.
   */
  static boolean isCsv(String first) {
    return !first.startsWith("#")
        && (first.contains(",") || first.startsWith("\"") || first.equals("composition") || looksLikeAHeader(first));
  }

  /**
   * A one-column CSV header such as {@code formula}: a word without digits that is no formula
   * (a formula without digits, such as {@code CuZr}, parses). Read as CSV, the file then gets the
   * plain "no 'composition' column" error instead of a puzzling formula error on line 1.
   */
  private static boolean looksLikeAHeader(String first) {
    // Any kind of digit (Zr₅₀Cu₅₀ has subscript ones) or a control character means a formula,
    // which deserves the formula's own error rather than "no 'composition' column".
    if (first.chars().anyMatch(c -> Character.isISOControl(c) || isNumberCharacter(c))) {
      return false;
    }
    try {
      gfa.core.Composition.parse(first);
      return false;
    } catch (gfa.core.GfaInputException e) {
      return true;
    }
  }

  private static boolean isNumberCharacter(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.OTHER_NUMBER || type == Character.LETTER_NUMBER;
  }

  /**
   * The line on which each non-blank CSV record starts, found by a scan that knows quoted fields
   * may span lines. This is what lets messages say "line 14" rather than "the 13th data row".
   */
  record RecordStarts(int[] lines, int count, int unclosedQuoteLine) {
    static RecordStarts scan(String text) {
      // the streaming reader's tracker, fed the whole text: one definition of where a record starts
      RecordStartTracker tracker = new RecordStartTracker("");
      for (int i = 0; i < text.length(); i++) {
        tracker.accept(text.charAt(i));
      }
      int[] lines = new int[64];
      int count = 0;
      for (int start = tracker.take(); start != 0; start = tracker.take()) {
        if (count == lines.length) {
          lines = Arrays.copyOf(lines, 2 * count);
        }
        lines[count++] = start;
      }
      return new RecordStarts(Arrays.copyOf(lines, count), count, tracker.unclosedQuoteLine());
    }

    /** Location of the record with 0-based index {@code record} (0 is the header line). */
    String where(String source, long record) {
      if (record >= 0 && record < count) {
        return source + " line " + lines[(int) record];
      }
      return source + " data row " + record;
    }
  }
}

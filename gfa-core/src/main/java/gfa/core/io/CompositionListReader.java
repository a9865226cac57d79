package gfa.core.io;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import gfa.core.GfaInputException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A list of alloys read row by row, so that a command can process a file of any length in
 * constant memory: the streaming form of {@link CsvTable#readCompositionList(Path)}, with the same
 * format rules, cells and messages (a CSV file, or one formula per line with {@code #} comments),
 * and the same locations ({@code data.csv line 14}) for the rows it returns.
 *
 * <p>A plain-text line or a CSV cell longer than 65,536 characters is refused naming its line,
 * as is a NUL character or text that is not UTF-8.
 */
public final class CompositionListReader implements Closeable {
  /** Bytes read ahead to find the first non-blank line, which tells CSV from a plain list. */
  private static final int HEAD_BYTES = CsvParsing.MAX_CELL_CHARS + 4;

  private final String source;
  private final CountingStream bytes;
  private final TrackingReader text;
  private final CsvParser csv; // null for a plain list
  private final BufferedReader plain; // null for a CSV file
  private final List<String> header;
  private int plainLine; // lines of a plain list read so far
  private String where;

  private CompositionListReader(String source, CountingStream bytes, boolean isCsv) {
    this.source = source;
    this.bytes = bytes;
    this.text = new TrackingReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)), new RecordStartTracker(source), isCsv);
    this.plain = isCsv ? null : new BufferedReader(text, 1 << 16);
    if (isCsv) {
      csv = new CsvParser(CsvParsing.settings());
      csv.beginParsing(text);
      String[] first = nextRecord();
      if (first == null || first.length == 0) {
        throw new GfaInputException(source + ": the file is empty (no header line)");
      }
      header = List.of(CsvParsing.blankToEmpty(first));
    } else {
      csv = null;
      header = List.of("composition");
    }
  }

  /** Opens {@code file}; refuses a missing, unreadable or directory path like {@link CsvTable#read}. */
  public static CompositionListReader open(Path file) {
    String source = file.toString();
    InputStream in = CsvParsing.open(file);
    try {
      byte[] head = head(in);
      CountingStream counted = new CountingStream(new SequenceInputStream(new ByteArrayInputStream(head), in));
      return new CompositionListReader(source, counted, CsvParsing.isCsv(firstLine(head)));
    } catch (IOException e) {
      closeQuietly(in);
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /** The start of the stream, through the end of its first non-blank line (or a cap). */
  private static byte[] head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    boolean content = false;
    int b;
    while (head.size() < HEAD_BYTES && (b = in.read()) >= 0) {
      head.write(b);
      if ((b == '\n' || b == '\r') && content) {
        break;
      }
      content |= b > ' ' && !(head.size() <= 3 && b >= 0x80); // a byte-order mark is not content
    }
    return head.toByteArray();
  }

  private static String firstLine(byte[] head) {
    String decoded = CsvParsing.stripBom(new String(head, StandardCharsets.UTF_8));
    return decoded.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
  }

  /** The file as named in messages. */
  public String source() {
    return source;
  }

  public List<String> header() {
    return header;
  }

  /** Bytes of the file read so far, for progress. */
  public long bytesRead() {
    return bytes.count;
  }

  /** Index of the column with this name; refuses a missing or repeated column, listing the header. */
  public int requireColumn(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      StringJoiner columns = new StringJoiner(", ");
      header.forEach(h -> columns.add("'" + h + "'"));
      throw new GfaInputException(source + ": no '" + name + "' column (columns: " + columns + ")");
    }
    if (header.lastIndexOf(name) != index) {
      throw new GfaInputException(source + ": column '" + name + "' appears more than once in the header");
    }
    return index;
  }

  /** The next row's cells (as wide as the header), or null after the last row. */
  public String[] next() {
    return csv != null ? nextCsvRow() : nextFormula();
  }

  /** Where the row last returned by {@link #next()} is: {@code data.csv line 14}. */
  public String where() {
    return where;
  }

  private String[] nextCsvRow() {
    String[] record = nextRecord();
    if (record == null) {
      return null;
    }
    String[] cells = CsvParsing.blankToEmpty(record);
    if (cells.length > header.size()) {
      throw new GfaInputException(where + ": " + cells.length + " cells, more than the " + header.size()
          + " of the first line");
    }
    if (cells.length < header.size()) {
      throw new GfaInputException(where + ": fewer cells than the " + header.size() + " of the first line");
    }
    return cells;
  }

  /** The next non-blank CSV record, with {@link #where} set to its first line. */
  private String[] nextRecord() {
    while (true) {
      String[] record;
      try {
        record = csv.parseNext();
      } catch (TextParsingException e) {
        throw unwrap(e).orElseThrow(() -> CsvParsing.readFailure(e, location(text.tracker.peek())));
      }
      if (record == null) {
        int unclosed = text.tracker.unclosedQuoteLine();
        if (unclosed > 0) {
          throw new GfaInputException(source + " line " + unclosed + ": a quoted field starting here is never closed");
        }
        return null;
      }
      if (!CsvParsing.isBlank(record)) {
        where = location(text.tracker.take());
        return record;
      }
    }
  }

  /** A problem of ours (a NUL, bad UTF-8) that univocity wrapped while reading. */
  private static Optional<GfaInputException> unwrap(TextParsingException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof GfaInputException g) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  private String location(int line) {
    return line > 0 ? source + " line " + line : source;
  }

  /** The next formula of a plain list: blank lines and text after {@code #} skipped. */
  private String[] nextFormula() {
    StringBuilder line = new StringBuilder();
    while (true) {
      line.setLength(0);
      boolean more = readLine(line);
      if (!more && line.isEmpty()) {
        return null;
      }
      plainLine++;
      int hash = line.indexOf("#");
      String formula = (hash >= 0 ? line.substring(0, hash) : line.toString()).strip();
      if (!formula.isEmpty()) {
        where = source + " line " + plainLine;
        return new String[] {formula};
      }
      if (!more) {
        return null;
      }
    }
  }

  /**
   * Appends the next line (without its \n, \r\n or \r) to {@code line}; false at the end of the
   * text (the line may still hold a last line without a line break).
   */
  private boolean readLine(StringBuilder line) {
    try {
      int c;
      while ((c = plain.read()) >= 0) {
        if (c == '\n') {
          return true;
        }
        if (c == '\r') {
          plain.mark(1);
          if (plain.read() != '\n') {
            plain.reset();
          }
          return true;
        }
        if (c == '\0') {
          throw RecordStartTracker.nulCharacter(source, plainLine + 1);
        }
        if (line.length() == CsvParsing.MAX_CELL_CHARS) {
          throw new GfaInputException(source + " line " + (plainLine + 1) + ": longer than "
              + CsvParsing.MAX_CELL_CHARS + " characters (is this a list of formulas?)");
        }
        line.append((char) c);
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  @Override
  public void close() {
    if (csv != null) {
      csv.stopParsing();
    }
    closeQuietly(plain != null ? plain : text);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing was written; a failed close of an input loses nothing
    }
  }

  /** Counts bytes for progress. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /**
   * The decoded text, a byte-order mark dropped, every character shown to the record tracker
   * (CSV) as the parser reads it; bad UTF-8 becomes the usual one-line error.
   */
  private final class TrackingReader extends Reader {
    private final Reader in;
    final RecordStartTracker tracker;
    private final boolean track;
    private boolean started;

    TrackingReader(Reader in, RecordStartTracker tracker, boolean track) {
      this.in = in;
      this.tracker = tracker;
      this.track = track;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n;
      try {
        n = in.read(buffer, off, len);
      } catch (CharacterCodingException e) {
        throw new GfaInputException(source + ": not UTF-8 text; save the file as UTF-8", e);
      }
      if (n <= 0) {
        return n;
      }
      if (!started) {
        started = true;
        if (buffer[off] == '\uFEFF') {
          System.arraycopy(buffer, off + 1, buffer, off, n - 1);
          n--;
          if (n == 0) {
            return read(buffer, off, len);
          }
        }
      }
      if (track) {
        for (int i = off; i < off + n; i++) {
          tracker.accept(buffer[i]);
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}

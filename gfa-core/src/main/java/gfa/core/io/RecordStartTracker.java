package gfa.core.io;

import gfa.core.GfaInputException;

/**
 * Follows CSV text character by character and notes the line on which each non-blank record
 * starts, knowing that quoted fields may span lines; fed with the characters
 * the CSV parser reads (and, for a whole text, by {@link CsvParsing.RecordStarts#scan}). Lines end in
 * {@code \n}, {@code \r\n} or a lone {@code \r}. A NUL character is refused: text files have none,
 * and the CSV engine would take a line starting with one for a comment and drop it.
 */
final class RecordStartTracker {
  private final String source;
  private int[] starts = new int[256];
  private int head;
  private int tail;
  private int line = 1;
  private int quoteLine;
  private boolean inQuotes;
  private boolean closingQuote;
  private boolean pendingCr;
  private boolean content;
  private boolean fieldStart = true;

  RecordStartTracker(String source) {
    this.source = source;
  }

  void accept(char c) {
    if (c == '\0') {
      throw nulCharacter(source, line);
    }
    if (pendingCr) {
      pendingCr = false;
      if (c == '\n') {
        return; // the \n of \r\n: the line was counted at \r
      }
    }
    if (closingQuote) {
      closingQuote = false;
      if (c == '"') {
        return; // "" inside quotes: an escaped quote
      }
      inQuotes = false;
    }
    boolean lineBreak = c == '\n' || c == '\r';
    pendingCr = c == '\r';
    if (inQuotes) {
      if (c == '"') {
        closingQuote = true;
      } else if (lineBreak) {
        line++;
      }
      return;
    }
    if (lineBreak) {
      content = false;
      fieldStart = true;
      line++;
      return;
    }
    if (c == '"' && fieldStart) { // a quote inside a field (12" rod) is just a character
      inQuotes = true;
      quoteLine = line;
    }
    if (c == ',') {
      fieldStart = true;
    } else if (!Character.isWhitespace(c)) {
      fieldStart = false;
    }
    if (!content && !Character.isWhitespace(c)) {
      content = true;
      push(line);
    }
  }

  private void push(int start) {
    if (tail - head == starts.length) {
      int[] grown = new int[2 * starts.length];
      for (int i = 0; i < starts.length; i++) {
        grown[i] = starts[(head + i) % starts.length];
      }
      tail = starts.length;
      head = 0;
      starts = grown;
    }
    starts[tail++ % starts.length] = start;
  }

  /** The start line of the next record not yet taken, or 0 if the text read so far has none. */
  int peek() {
    return head == tail ? 0 : starts[head % starts.length];
  }

  /** Takes the start line of the next record (0 if unknown). */
  int take() {
    int start = peek();
    if (head < tail) {
      head++;
    }
    return start;
  }

  /** After the whole text: the line of a quoted field that is never closed, or 0. */
  int unclosedQuoteLine() {
    return inQuotes && !closingQuote ? quoteLine : 0;
  }

  /** Refusal of a NUL character, with its line. */
  static GfaInputException nulCharacter(String source, int line) {
    return new GfaInputException(source + " line " + line
        + ": contains a NUL character (a binary file, or a text file in UTF-16?)");
  }
}

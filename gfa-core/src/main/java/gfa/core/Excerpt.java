package gfa.core;

/**
 * The part of an offending value that an error message quotes: at most {@link #MAX_CHARS}
 * characters, control characters escaped so that the message stays on one line. A 100 MB
 * "formula" (a binary file read as text, a spreadsheet cell gone wrong) must give a one-line
 * message, not a 200 MB one.
 */
public final class Excerpt {
  /** Characters of the value quoted; longer values end in "..." and say how long they are. */
  public static final int MAX_CHARS = 100;

  private Excerpt() {}

  /** {@code text} as a message quotes it: escaped, and cut after {@link #MAX_CHARS} characters. */
  public static String of(CharSequence text) {
    int length = text.length();
    boolean cut = length > MAX_CHARS;
    int end = cut ? MAX_CHARS : length;
    StringBuilder sb = new StringBuilder(end + 32);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (cut) {
      sb.append("... (").append(length).append(" characters)");
    }
    return sb.toString();
  }
}

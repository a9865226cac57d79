package gfa.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads formulas for {@link Composition#parse(String)}: one recursive pass over the text, with
 * symbols and amounts collected into small scratch arrays. Every refusal quotes the whole
 * formula and names the offending piece, because the formula usually sits in row 3,712 of
 * someone's spreadsheet.
 *
 * <p>Bracket groups follow the pseudo-element convention of the glass literature:
 * {@code (Zr0.5Cu0.5)95Al5} and {@code (Zr50Cu50)95Al5} both mean Zr47.5 Cu47.5 Al5 — the
 * group's contents are normalised to fractions and scaled by the group's amount.
 */
final class CompositionParser {
  /**
   * Explicit amounts inside a group must sum to 1 or 100 within this relative tolerance (so that
   * {@code (Cu0.33Zr0.33Al0.33)} passes); any other sum is more likely a typo than a ratio.
   */
  private static final double GROUP_SUM_TOLERANCE = 0.01;

  private final String text;
  private int pos;
  private Element[] elements = new Element[8];
  private double[] amounts = new double[8];
  private int n;
  /** Set by {@link #readAmount(String)}: the amount read, and whether one was written. */
  private double amount;
  private boolean explicit;

  private CompositionParser(String text) {
    this.text = text;
  }

  static Composition parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new GfaInputException("formula is empty");
    }
    if (text.isBlank()) {
      throw new GfaInputException("formula '" + printable(text) + "' is blank");
    }
    if (text.strip().equalsIgnoreCase("nan")) {
      // What pandas writes for a missing cell; reading it as Na50 N50 would be a silent guess.
      throw new GfaInputException("formula '" + printable(text) + "' is not a composition (a missing value?)");
    }
    CompositionParser p = new CompositionParser(text);
    p.readLevel((char) 0, -1);
    return Composition.fromAmounts(p.elements, p.amounts, p.n, text);
  }

  /**
   * Reads elements and groups up to {@code closing} (or the end of the text at the top level,
   * where {@code closing} is 0). Within one level either every item has an amount or none does.
   * Returns whether the items had amounts.
   */
  private boolean readLevel(char closing, int openedAt) {
    String firstImplicit = null;
    String firstExplicit = null;
    boolean lastExplicit = true;
    boolean spaceBefore = false;
    while (true) {
      if (pos == text.length()) {
        if (closing != 0) {
          throw fail("'" + text.charAt(openedAt) + "' at position " + (openedAt + 1) + " is never closed");
        }
        break;
      }
      char c = text.charAt(pos);
      if (isSpace(c)) {
        spaceBefore = true;
        pos++;
        continue;
      }
      if (closing != 0 && c == closing) {
        pos++;
        break;
      }
      String item;
      if (c >= 'A' && c <= 'Z') {
        Element e = readSymbol();
        item = e.symbol();
        readAmount(item);
        add(e, amount);
      } else if (c == '(' || c == '[') {
        int open = pos++;
        int first = n;
        boolean innerExplicit = readLevel(c == '(' ? ')' : ']', open);
        item = "group '" + Excerpt.of(text.substring(open, pos)) + "'";
        if (n == first) {
          throw fail("empty " + item);
        }
        readAmount(item);
        scaleGroup(first, innerExplicit, item);
      } else if (isDigit(c) || c == '.') {
        throw danglingNumber(spaceBefore && !lastExplicit);
      } else if (c >= 'a' && c <= 'z') {
        throw lowercase();
      } else if (c == ')' || c == ']') {
        throw fail("unexpected '" + c + "' at position " + (pos + 1) + " (no bracket to close)");
      } else {
        String hint = c >= '\u2080' && c <= '\u2089' ? " (subscript digits are not read; write amounts with plain digits, e.g. Zr50Cu50)" : "";
        throw fail("unexpected '" + printable(String.valueOf(c)) + "' at position " + (pos + 1) + hint);
      }
      if (explicit && firstExplicit == null) {
        firstExplicit = item;
      } else if (!explicit && firstImplicit == null) {
        firstImplicit = item;
      }
      lastExplicit = explicit;
      spaceBefore = false;
    }
    if (firstImplicit != null && firstExplicit != null) {
      throw fail(firstImplicit + " has no amount while " + firstExplicit + " has one; write every amount or none");
    }
    return firstExplicit != null;
  }

  /** Reads a symbol: a capital letter and any lowercase letters after it. */
  private Element readSymbol() {
    int start = pos++;
    while (pos < text.length() && isLower(text.charAt(pos))) {
      pos++;
    }
    String symbol = text.substring(start, pos);
    Optional<Element> found = Element.find(symbol);
    if (found.isEmpty()) {
      throw unknownElement(symbol);
    }
    return found.get();
  }

  /** Reads the amount written right after {@code owner}, if any, into {@link #amount}. */
  private void readAmount(String owner) {
    int start = pos;
    if (start < text.length() && text.charAt(start) == '-') {
      int end = numberEnd(start + 1);
      if (end > start + 1) {
        throw fail("negative amount '" + Excerpt.of(text.substring(start, end)) + "' for " + owner);
      }
      throw fail("unexpected '-' after " + owner + " at position " + (start + 1)
          + " ('-' is not a separator; write e.g. Zr50Cu50)");
    }
    if (start < text.length() && (isDigit(text.charAt(start)) || text.charAt(start) == '.')) {
      int end = numberEnd(start);
      String number = text.substring(start, end);
      int dot = number.indexOf('.');
      if (number.equals(".") || (dot >= 0 && number.indexOf('.', dot + 1) >= 0)) {
        throw fail("amount '" + Excerpt.of(number) + "' for " + owner + " is not a number");
      }
      if (end + 1 < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')
          && (isDigit(text.charAt(end + 1)) || text.charAt(end + 1) == '-' || text.charAt(end + 1) == '+')) {
        throw fail("amount '" + Excerpt.of(text.substring(start, numberEnd(end + 2))) + "' for " + owner
            + " uses exponent notation, which formulas do not support");
      }
      amount = Double.parseDouble(number);
      if (Double.isInfinite(amount)) {
        throw fail("amount '" + Excerpt.of(number) + "' for " + owner + " is too large");
      }
      explicit = true;
      pos = end;
      return;
    }
    refuseNonFiniteWord(owner);
    amount = 1.0;
    explicit = false;
  }

  /** Right after a symbol, "NaN" or "Inf..." can only be a broken amount, never Na + N. */
  private void refuseNonFiniteWord(String owner) {
    if (text.regionMatches(true, pos, "nan", 0, 3) && (pos + 3 == text.length() || !isLower(text.charAt(pos + 3)))) {
      throw fail("amount '" + text.substring(pos, pos + 3) + "' for " + owner + " is not a number");
    }
    if (text.regionMatches(true, pos, "inf", 0, 3)) {
      int end = pos;
      while (end < text.length() && Character.isLetter(text.charAt(end))) {
        end++;
      }
      String word = text.substring(pos, end);
      if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
        throw fail("amount '" + Excerpt.of(word) + "' for " + owner + " is not a finite number");
      }
    }
  }

  /** Normalises a group's contents {@code [first, n)} and scales them by the group's amount. */
  private void scaleGroup(int first, boolean innerExplicit, String item) {
    double sum = 0;
    for (int k = first; k < n; k++) {
      sum += amounts[k];
    }
    if (sum == 0) {
      throw fail("amounts inside " + item + " are all zero");
    }
    if (innerExplicit && !near(sum, 1) && !near(sum, 100)) {
      throw fail("amounts inside " + item + " sum to "
          + new BigDecimal(sum).round(new MathContext(6)).stripTrailingZeros().toPlainString()
          + ", neither 1 nor 100; write the expanded composition");
    }
    for (int k = first; k < n; k++) {
      amounts[k] = amounts[k] / sum * amount;
    }
  }

  private static boolean near(double sum, double target) {
    return Math.abs(sum - target) <= GROUP_SUM_TOLERANCE * target + 1e-12;
  }

  private void add(Element e, double value) {
    for (int k = 0; k < n; k++) {
      if (elements[k] == e) {
        throw fail(e + " is written twice; give each element once");
      }
    }
    if (n == elements.length) {
      elements = Arrays.copyOf(elements, 2 * n);
      amounts = Arrays.copyOf(amounts, 2 * n);
    }
    elements[n] = e;
    amounts[n] = value;
    n++;
  }

  private GfaInputException unknownElement(String symbol) {
    String hint = "";
    // "ZR50CU50": a capital letter followed by a capital may be a symbol typed in upper case.
    if (symbol.length() == 1 && pos < text.length() && Character.isUpperCase(text.charAt(pos))) {
      String guess = symbol + Character.toLowerCase(text.charAt(pos));
      if (Element.find(guess).isPresent()) {
        hint = " (did you mean '" + guess + "'? symbols are written like Zr, not ZR)";
      }
    }
    return fail("unknown element '" + Excerpt.of(symbol) + "'" + hint);
  }

  private GfaInputException lowercase() {
    int end = pos;
    while (end < text.length() && Character.isLetter(text.charAt(end))) {
      end++;
    }
    String word = text.substring(pos, end);
    String hint = "";
    for (int len = Math.min(2, word.length()); len >= 1 && hint.isEmpty(); len--) {
      String guess = Character.toUpperCase(word.charAt(0)) + word.substring(1, len).toLowerCase();
      if (Element.find(guess).isPresent()) {
        hint = " (did you mean '" + guess + "'?)";
      }
    }
    return fail("'" + Excerpt.of(word) + "' is not an element symbol: symbols start with a capital letter" + hint);
  }

  private GfaInputException danglingNumber(boolean afterBareItem) {
    String number = Excerpt.of(text.substring(pos, numberEnd(pos)));
    if (afterBareItem) {
      // "Zr50 Cu 50": find the symbol or group just before the space.
      int end = pos;
      while (end > 0 && isSpace(text.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
        start--;
      }
      String owner = Excerpt.of(text.substring(start, end));
      if (owner.isEmpty()) {
        return fail("number '" + number + "' at position " + (pos + 1) + " is separated by a space from what it belongs to");
      }
      return fail("number '" + number + "' is separated from " + owner + " by a space (write " + owner + number + ")");
    }
    return fail("number '" + number + "' does not follow an element symbol");
  }

  private int numberEnd(int start) {
    int i = start;
    while (i < text.length() && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    return i;
  }

  private GfaInputException fail(String problem) {
    return new GfaInputException("formula '" + printable(text) + "': " + problem);
  }

  /** The text as messages quote it: escaped to stay on one line, and cut if long ({@link Excerpt}). */
  static String printable(String text) {
    return Excerpt.of(text);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}

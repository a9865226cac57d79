package gfa.core.pruning;

import gfa.core.Element;
import gfa.core.ElementSet;
import gfa.core.GfaInputException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A ternary alloy system A-B-C, such as Zr-Al-Cu, in the order the user wrote it. The order
 * matters for grids and plots (A, B, C are the first, second and third amounts of every grid
 * point) but not for pruning, which looks at element sets only.
 *
 * @param a the first element
 * @param b the second element
 * @param c the third element
 */
public record TernarySystem(Element a, Element b, Element c) {

  /** Refuses null and repeated elements. */
  public TernarySystem {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(c, "c");
    if (a == b || a == c || b == c) {
      Element twice = a == b || a == c ? a : b;
      throw new GfaInputException("ternary system " + a + "-" + b + "-" + c + " names " + twice
          + " twice; give three distinct elements");
    }
  }

  /**
   * Reads {@code Zr-Al-Cu}: exactly three distinct element symbols, case-sensitive as in formulas,
   * separated by {@code -} (spaces around the symbols are ignored). Anything else is refused with
   * a one-line {@link GfaInputException} that quotes the text and names the problem: an empty
   * text, a number of elements other than three, an empty or unknown symbol (with a hint when
   * only the capitalisation is wrong), or an element given twice.
   */
  public static TernarySystem parse(String text) {
    if (text == null || text.isBlank()) {
      throw new GfaInputException("ternary system is empty; write three element symbols separated by '-', e.g. Zr-Al-Cu");
    }
    String quoted = "ternary system '" + printable(text) + "'";
    String[] parts = text.strip().split("-", -1);
    if (parts.length == 1) {
      throw new GfaInputException(quoted + " has no '-'; write three element symbols separated by '-', e.g. Zr-Al-Cu");
    }
    if (parts.length != 3) {
      throw new GfaInputException(quoted + " names " + parts.length
          + " elements; a ternary system needs exactly three, separated by '-', e.g. Zr-Al-Cu");
    }
    Element[] elements = new Element[3];
    for (int i = 0; i < 3; i++) {
      String symbol = parts[i].strip();
      if (symbol.isEmpty()) {
        throw new GfaInputException(quoted + ": element " + (i + 1) + " is empty; write e.g. Zr-Al-Cu");
      }
      elements[i] = Element.find(symbol).orElseThrow(() -> unknown(quoted, symbol));
    }
    for (int i = 0; i < 3; i++) {
      for (int j = i + 1; j < 3; j++) {
        if (elements[i] == elements[j]) {
          throw new GfaInputException(quoted + " names " + elements[i] + " twice; give three distinct elements");
        }
      }
    }
    return new TernarySystem(elements[0], elements[1], elements[2]);
  }

  private static GfaInputException unknown(String quoted, String symbol) {
    String hint = "";
    if (!symbol.isEmpty()) {
      String capitalised = symbol.substring(0, 1).toUpperCase(Locale.ROOT)
          + symbol.substring(1).toLowerCase(Locale.ROOT);
      if (Element.find(capitalised).isPresent()) {
        hint = " (symbols are case-sensitive: did you mean " + capitalised + "?)";
      }
    }
    return new GfaInputException(quoted + ": unknown element '" + printable(symbol) + "'" + hint);
  }

  /** The text with control characters escaped, so a message stays on one line. */
  private static String printable(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (Character.isISOControl(cp)) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  /** The symbols in the typed order joined by {@code -}, e.g. {@code Zr-Al-Cu}. */
  public String name() {
    return a.symbol() + "-" + b.symbol() + "-" + c.symbol();
  }

  /** A, B, C in the typed order. */
  public List<Element> elements() {
    return List.of(a, b, c);
  }

  /** The i-th element (0 = A, 1 = B, 2 = C). */
  public Element element(int i) {
    return switch (i) {
      case 0 -> a;
      case 1 -> b;
      case 2 -> c;
      default -> throw new IndexOutOfBoundsException("element " + i + " of a ternary system");
    };
  }

  /** {A, B, C} as a set, for pruning and for checking that an alloy belongs to the system. */
  public ElementSet elementSet() {
    return ElementSet.of(a, b, c);
  }

  public boolean contains(Element e) {
    return e == a || e == b || e == c;
  }

  /** The same as {@link #name()}. */
  @Override
  public String toString() {
    return name();
  }
}

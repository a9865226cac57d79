package gfa.core.pruning;

import gfa.core.Composition;
import gfa.core.ElementSet;

/**
 * How a training alloy relates to a target ternary system A-B-C (docs/method.md §5). With S the alloy's
 * element set and k = |S ∩ {A,B,C}|:
 *
 * <ul>
 *   <li>{@link #UNRELATED}: k = 0, e.g. {@code Pd40 Ni40 P20} for Zr-Al-Cu; never removed;
 *   <li>{@link #ONE_ELEMENT} (i): k = 1 whatever |S|, e.g. {@code Pd40 Cu30 Ni10 P20}, and the
 *       pure element {@code Zr100} too;
 *   <li>{@link #BINARY} (ii): k = 2 and |S| = 2, e.g. {@code Cu64 Zr36};
 *   <li>{@link #TWO_PLUS_OTHERS} (iii): k = 2 and |S| >= 3, e.g. {@code Cu47 Ti34 Zr11 Ni8};
 *   <li>{@link #TERNARY_PLUS_OTHERS} (iv): k = 3 and |S| >= 4, e.g. {@code Zr65 Al7.5 Ni10 Cu17.5};
 *   <li>{@link #TERNARY} (v): S = {A,B,C}, e.g. {@code Zr46 Al8 Cu46}.
 * </ul>
 *
 * Only the element sets count, never the amounts: an alloy is in one category per system.
 */
public enum PruningCategory {
  UNRELATED("-", "shares no element with the system"),
  ONE_ELEMENT("i", "contains exactly one of the three elements"),
  BINARY("ii", "binary of two of the three elements"),
  TWO_PLUS_OTHERS("iii", "two of the three elements with other elements"),
  TERNARY_PLUS_OTHERS("iv", "all three elements with other elements"),
  TERNARY("v", "the ternary system itself");

  private final String roman;
  private final String description;

  PruningCategory(String roman, String description) {
    this.roman = roman;
    this.description = description;
  }

  /** The paper's roman numeral, {@code i}..{@code v}; {@code -} for {@link #UNRELATED}. */
  public String roman() {
    return roman;
  }

  /** The numeral in brackets as docs/method.md §5 writes it, {@code (i)}..{@code (v)}; {@code -} for unrelated. */
  public String label() {
    return this == UNRELATED ? roman : "(" + roman + ")";
  }

  /** One line in words, e.g. "binary of two of the three elements". */
  public String description() {
    return description;
  }

  /** The category of {@code alloy} relative to {@code system}. */
  public static PruningCategory classify(Composition alloy, TernarySystem system) {
    return classify(alloy.elementSet(), system.elementSet());
  }

  /**
   * The category of an alloy with element set {@code alloy} relative to the system whose
   * element set is {@code system} (three elements); the allocation-free form for loops.
   */
  public static PruningCategory classify(ElementSet alloy, ElementSet system) {
    if (system.size() != 3) {
      throw new IllegalArgumentException("a ternary system has three elements, not " + system);
    }
    int k = alloy.countCommon(system);
    int size = alloy.size();
    return switch (k) {
      case 0 -> UNRELATED;
      case 1 -> ONE_ELEMENT;
      case 2 -> size == 2 ? BINARY : TWO_PLUS_OTHERS;
      default -> size == 3 ? TERNARY : TERNARY_PLUS_OTHERS;
    };
  }
}

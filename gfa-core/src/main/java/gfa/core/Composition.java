package gfa.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

/**
 * An alloy composition: elements with atomic fractions that sum to 1, kept in the order written
 * (docs/method.md §2). Immutable; featurisers read it through {@link #size()}, {@link #z(int)} and
 * {@link #fraction(int)}, which allocate nothing.
 *
 * <p><b>Equality</b> ignores the written order and compares fractions rounded to 1e-9, so
 * {@code Cu50 Zr50}, {@code Zr50Cu50} and {@code Cu0.5Zr0.5} are one alloy and duplicate reports
 * in a dataset are found however they were written. (A pair of fractions closer than 1e-9 that
 * straddles a rounding boundary compares unequal; no real formula is written that finely.)
 *
 * <p><b>Text form</b>: {@link #format()} writes at.% as the published files do ({@code Pd25 Ni57
 * P18}); see {@link #parse(String)} for what is read.
 */
public final class Composition {
  /** Fractions are compared as {@code round(fraction * 1e9)}; see the class comment. */
  private static final double EQUALITY_SCALE = 1e9;

  /**
   * Smallest atomic fraction accepted for an element that is present (1e-10 at.%). Below it the
   * descriptors lose their meaning in double arithmetic: a deviation divides by 1 - sum c^2, which
   * rounds to 0 when one element holds all but 1e-16 of the alloy ({@code Zr1e26 Cu1} gave
   * Infinity). No alloy is cast that finely, so such a formula is a typo.
   */
  static final double MIN_FRACTION = 1e-12;

  private final Element[] elements;
  private final double[] fractions;
  private final ElementSet elementSet;
  /** Lazily computed hash code; 0 means not computed yet. */
  private int hash;

  private Composition(Element[] elements, double[] fractions, ElementSet elementSet) {
    this.elements = elements;
    this.fractions = fractions;
    this.elementSet = elementSet;
  }

  /**
   * Reads a formula. Accepted: {@code Zr41.2Ti13.8Cu12.5Ni10Be22.5}, the same with spaces between
   * elements ({@code Pd25 Ni57 P18}), fractions ({@code Cu0.5Zr0.5}), decimals without a leading
   * zero ({@code Cu.5Zr.5}), formulas without any amounts ({@code CuZr} = one of each), and the
   * bracket groups of the literature and of the published {@code pretty_formula} column
   * ({@code (Zr0.5Cu0.5)95Al5} or {@code (Zr50Cu50)95Al5} = Zr47.5 Cu47.5 Al5, nested groups and
   * {@code [...]} too): a group's contents are normalised and scaled by its amount, and explicit
   * contents must sum to 1 or 100 (within 1%). Amounts are normalised to fractions summing to 1;
   * elements whose amount is zero are dropped.
   *
   * <p>Refused with a {@link GfaInputException} that quotes the formula and names the offending
   * text: unknown or lowercase symbols, negative, non-numeric, NaN, infinite or exponent-notation
   * amounts, a number not attached to a symbol ({@code Zr50 Cu 50}), an element written twice
   * (also across groups: pymatgen silently adds {@code Zr25Zr29} up, we do not), some amounts
   * written and some not ({@code Zr50Cu}), all amounts zero, unbalanced brackets, and an empty
   * formula. Right after a symbol, {@code NaN} and {@code Inf} are read as broken amounts, so
   * {@code CuNaN} is refused rather than read as Cu + Na + N. Nothing is guessed.
   */
  public static Composition parse(String text) {
    return CompositionParser.parse(text);
  }

  /**
   * A composition from amounts in any common unit (at.% for ternary grids), in the given order.
   * Zero amounts are dropped; negative or non-finite amounts, an element given twice, or all
   * amounts zero are refused.
   */
  public static Composition of(Element[] elements, double[] amounts) {
    if (elements.length != amounts.length) {
      throw new IllegalArgumentException(elements.length + " elements but " + amounts.length + " amounts");
    }
    for (int i = 0; i < amounts.length; i++) {
      if (!Double.isFinite(amounts[i]) || amounts[i] < 0) {
        throw new GfaInputException("amount " + amounts[i] + " for " + elements[i]
            + " is not a finite number >= 0 in " + describe(elements, amounts));
      }
    }
    return fromAmounts(elements, amounts, elements.length, null);
  }

  /**
   * Normalises {@code amounts[0..n)} (finite, >= 0) and drops zeros. {@code formula} is the text
   * for error messages, or null to describe the arrays.
   */
  static Composition fromAmounts(Element[] elements, double[] amounts, int n, String formula) {
    long low = 0;
    long high = 0;
    double total = 0;
    int positive = 0;
    for (int i = 0; i < n; i++) {
      int z = elements[i].z();
      long bit = 1L << (z & 63);
      boolean seen = z < 64 ? (low & bit) != 0 : (high & bit) != 0;
      if (seen) {
        throw new GfaInputException(where(formula, elements, amounts, n) + elements[i]
            + " is written twice; give each element once");
      }
      if (z < 64) {
        low |= bit;
      } else {
        high |= bit;
      }
      total += amounts[i];
      if (amounts[i] > 0) {
        positive++;
      }
    }
    if (positive == 0) {
      throw new GfaInputException(where(formula, elements, amounts, n) + "all amounts are zero");
    }
    if (!Double.isFinite(total)) {
      throw new GfaInputException(where(formula, elements, amounts, n) + "amounts are too large to add up");
    }
    Element[] kept = new Element[positive];
    double[] fractions = new double[positive];
    low = 0;
    high = 0;
    for (int i = 0, k = 0; i < n; i++) {
      if (amounts[i] > 0) {
        kept[k] = elements[i];
        fractions[k] = amounts[i] / total;
        if (!(fractions[k] >= MIN_FRACTION)) {
          throw new GfaInputException(where(formula, elements, amounts, n) + elements[i] + " is "
              + new BigDecimal(fractions[k]).round(new MathContext(3)).stripTrailingZeros()
              + " of the alloy, below the " + MIN_FRACTION + " that gfa resolves; check the amounts");
        }
        int z = elements[i].z();
        if (z < 64) {
          low |= 1L << z;
        } else {
          high |= 1L << (z - 64);
        }
        k++;
      }
    }
    return new Composition(kept, fractions, new ElementSet(low, high));
  }

  private static String where(String formula, Element[] elements, double[] amounts, int n) {
    String text = formula != null ? formula : describe(Arrays.copyOf(elements, n), Arrays.copyOf(amounts, n));
    return "formula '" + CompositionParser.printable(text) + "': ";
  }

  private static String describe(Element[] elements, double[] amounts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < elements.length; i++) {
      sb.append(i > 0 ? " " : "").append(elements[i]).append(amounts[i]);
    }
    return sb.toString();
  }

  /** Number of elements (with a positive amount). */
  public int size() {
    return elements.length;
  }

  /** The i-th element in written order. */
  public Element element(int i) {
    return elements[i];
  }

  /** Atomic number of the i-th element. */
  public int z(int i) {
    return elements[i].z();
  }

  /** Atomic fraction of the i-th element; the fractions sum to 1. */
  public double fraction(int i) {
    return fractions[i];
  }

  /** The elements in written order. */
  public List<Element> elements() {
    return List.of(elements);
  }

  /** A fresh array of the atomic numbers in written order. */
  public int[] atomicNumbers() {
    int[] zs = new int[elements.length];
    for (int i = 0; i < zs.length; i++) {
      zs[i] = elements[i].z();
    }
    return zs;
  }

  /** A fresh array of the fractions in written order. */
  public double[] fractions() {
    return fractions.clone();
  }

  /** The fraction of {@code e}, 0 when absent. */
  public double fractionOf(Element e) {
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] == e) {
        return fractions[i];
      }
    }
    return 0.0;
  }

  public boolean contains(Element e) {
    return elementSet.contains(e);
  }

  /** The alloy system, ordered by atomic number; a cheap key for per-system caches. */
  public ElementSet elementSet() {
    return elementSet;
  }

  /**
   * The published text form: elements in written order, each followed by its at.% rounded to 6
   * decimals without trailing zeros, separated by single spaces ({@code Zr41.2 Ti13.8 Cu12.5
   * Ni10 Be22.5}; {@code Cu0.5Zr0.5} gives {@code Cu50 Zr50}). Rounding to 6 decimals removes the
   * float noise of normalising; formulas written in at.% with up to 6 decimals summing to 100
   * come back exactly as written. An amount below 0.0000005 at.% keeps 6 significant digits
   * rather than printing as 0 (which would drop the element when read back).
   */
  public String format() {
    StringBuilder sb = new StringBuilder(elements.length * 8);
    for (int i = 0; i < elements.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(elements[i].symbol());
      appendPercent(sb, fractions[i] * 100.0);
    }
    return sb.toString();
  }

  private static void appendPercent(StringBuilder sb, double percent) {
    long micro = Math.round(percent * 1e6);
    if (micro == 0) {
      sb.append(new BigDecimal(percent).round(new MathContext(6)).stripTrailingZeros().toPlainString());
      return;
    }
    sb.append(micro / 1_000_000);
    long decimals = micro % 1_000_000;
    if (decimals != 0) {
      String six = Long.toString(1_000_000 + decimals); // "1" followed by six zero-padded digits
      int last = six.length();
      while (six.charAt(last - 1) == '0') {
        last--;
      }
      sb.append('.').append(six, 1, last);
    }
  }

  @Override
  public String toString() {
    return format();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Composition other) || !elementSet.equals(other.elementSet)) {
      return false;
    }
    for (int i = 0; i < elements.length; i++) {
      if (rounded(fractions[i]) != rounded(other.fractionOf(elements[i]))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      // A sum over elements, so the written order does not matter. Each term is mixed first:
      // the plain fractions always add up to 1, which would make every alloy of a system collide.
      int sum = 0;
      for (int i = 0; i < elements.length; i++) {
        sum += Long.hashCode(mix(rounded(fractions[i]) * 131 + elements[i].z()));
      }
      h = 31 * elementSet.hashCode() + sum;
      hash = h == 0 ? 1 : h;
    }
    return h;
  }

  /** The SplitMix64 finaliser: spreads nearby values over all 64 bits. */
  private static long mix(long x) {
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  private static long rounded(double fraction) {
    return Math.round(fraction * EQUALITY_SCALE);
  }
}

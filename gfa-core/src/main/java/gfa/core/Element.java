package gfa.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A chemical element, identified by its atomic number. Instances are interned: there is exactly
 * one {@code Element} per atomic number, so {@code ==} and {@code equals} agree.
 */
public final class Element implements Comparable<Element> {
  /** Number of known elements (H..Og). */
  public static final int COUNT = 118;

  private static final String[] SYMBOLS = {
      "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
      "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
      "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
      "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf",
      "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th",
      "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs",
      "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
  };

  private static final Element[] BY_Z = new Element[COUNT + 1];
  private static final Map<String, Element> BY_SYMBOL = new HashMap<>();

  static {
    for (int z = 1; z <= COUNT; z++) {
      Element e = new Element(z, SYMBOLS[z - 1]);
      BY_Z[z] = e;
      BY_SYMBOL.put(e.symbol, e);
    }
  }

  private final int z;
  private final String symbol;

  private Element(int z, String symbol) {
    this.z = z;
    this.symbol = symbol;
  }

  /** The element with atomic number {@code z} (1..118). */
  public static Element ofZ(int z) {
    if (z < 1 || z > COUNT) {
      throw new IllegalArgumentException("no element with atomic number " + z);
    }
    return BY_Z[z];
  }

  /** The element with this exact (case-sensitive) symbol, if there is one. */
  public static Optional<Element> find(String symbol) {
    return Optional.ofNullable(BY_SYMBOL.get(symbol));
  }

  /** The element with this exact symbol, or a {@link GfaInputException} naming the text. */
  public static Element of(String symbol) {
    Element e = BY_SYMBOL.get(symbol);
    if (e == null) {
      throw new GfaInputException("unknown element '" + symbol + "'");
    }
    return e;
  }

  public int z() {
    return z;
  }

  public String symbol() {
    return symbol;
  }

  @Override
  public int compareTo(Element other) {
    return Integer.compare(z, other.z);
  }

  @Override
  public String toString() {
    return symbol;
  }
}

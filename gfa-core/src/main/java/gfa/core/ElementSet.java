package gfa.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;

/**
 * An immutable set of elements, ordered by atomic number: the "system" of an alloy (Zr-Al-Cu is
 * the set of Zr41 Al9 Cu50 and of Zr50 Al10 Cu40). It is a cheap key for per-system caches and
 * for pruning: the 118 elements fit in two bit words, so equality, hashing and intersection sizes
 * cost a few instructions and no allocation.
 *
 * <p>Deliberately not a {@code java.util.Set}: the {@code Set} contract would tie equality and
 * hashing to other set implementations, and the point here is a fast value key.
 */
public final class ElementSet implements Iterable<Element> {
  private static final ElementSet EMPTY = new ElementSet(0L, 0L);

  /** Bit z for atomic numbers 1..63. */
  private final long low;
  /** Bit z - 64 for atomic numbers 64..118. */
  private final long high;

  ElementSet(long low, long high) {
    this.low = low;
    this.high = high;
  }

  public static ElementSet of(Element... elements) {
    return of(List.of(elements));
  }

  public static ElementSet of(Collection<Element> elements) {
    long low = 0;
    long high = 0;
    for (Element e : elements) {
      int z = e.z();
      if (z < 64) {
        low |= 1L << z;
      } else {
        high |= 1L << (z - 64);
      }
    }
    return (low | high) == 0 ? EMPTY : new ElementSet(low, high);
  }

  public int size() {
    return Long.bitCount(low) + Long.bitCount(high);
  }

  public boolean isEmpty() {
    return (low | high) == 0;
  }

  public boolean contains(Element e) {
    int z = e.z();
    return z < 64 ? (low & (1L << z)) != 0 : (high & (1L << (z - 64))) != 0;
  }

  public boolean containsAll(ElementSet other) {
    return (other.low & ~low) == 0 && (other.high & ~high) == 0;
  }

  /** How many elements the two sets share (|this ∩ other|), e.g. k in the pruning categories. */
  public int countCommon(ElementSet other) {
    return Long.bitCount(low & other.low) + Long.bitCount(high & other.high);
  }

  /** The elements in order of atomic number. */
  public List<Element> elements() {
    List<Element> out = new ArrayList<>(size());
    for (long bits = low; bits != 0; bits &= bits - 1) {
      out.add(Element.ofZ(Long.numberOfTrailingZeros(bits)));
    }
    for (long bits = high; bits != 0; bits &= bits - 1) {
      out.add(Element.ofZ(64 + Long.numberOfTrailingZeros(bits)));
    }
    return List.copyOf(out);
  }

  @Override
  public Iterator<Element> iterator() {
    return elements().iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElementSet s && s.low == low && s.high == high;
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(low) + Long.hashCode(high);
  }

  /** Symbols joined by '-' in order of atomic number, e.g. {@code Al-Cu-Zr}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner("-");
    for (Element e : elements()) {
      j.add(e.symbol());
    }
    return j.toString();
  }
}

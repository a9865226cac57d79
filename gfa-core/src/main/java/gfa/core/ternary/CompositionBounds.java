package gfa.core.ternary;

import gfa.core.Composition;
import gfa.core.Element;
import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Limits on the at.% of the elements of a ternary system that every proposal of a campaign must
 * respect, read from text such as {@code "Zr=30..70,Al<=20,Cu>=10"}. Limits are inclusive; an
 * element without a limit may take any amount 0..100. An element may be limited more than once
 * ({@code Zr>=30,Zr<=70}): the limits combine.
 *
 * @param system the ternary system the limits belong to
 * @param lower the lowest allowed at.% of A, B and C
 * @param upper the highest allowed at.% of A, B and C
 */
public record CompositionBounds(TernarySystem system, double[] lower, double[] upper) {
  private static final Pattern PART =
      Pattern.compile("\\s*([A-Za-z]+)\\s*(?:=\\s*([^.\\s]+(?:\\.\\d*)?)\\s*\\.\\.\\s*(\\S+)|<=\\s*(\\S+)|>=\\s*(\\S+))\\s*");

  public CompositionBounds {
    Objects.requireNonNull(system, "system");
    lower = lower.clone();
    upper = upper.clone();
  }

  /** No limits: every composition of the system. */
  public static CompositionBounds none(TernarySystem system) {
    return new CompositionBounds(system, new double[] {0, 0, 0}, new double[] {100, 100, 100});
  }

  /**
   * Reads comma-separated limits, each {@code El=lo..hi}, {@code El<=hi} or {@code El>=lo} in at.%
   * (0..100). An empty or blank text is no limit. Refused with a one-line
   * {@link GfaInputException} that names the part: a part that does not parse, an unknown
   * element, an element not in the system, an amount outside 0..100, lo > hi (also when two
   * parts for one element contradict).
   */
  public static CompositionBounds parse(String text, TernarySystem system) {
    CompositionBounds bounds = none(system);
    if (text == null || text.isBlank()) {
      return bounds;
    }
    double[] lower = bounds.lower;
    double[] upper = bounds.upper;
    Element[] elements = {system.a(), system.b(), system.c()};
    for (String part : text.split(",", -1)) {
      String quoted = "bounds '" + text.strip() + "': '" + part.strip() + "'";
      Matcher m = PART.matcher(part);
      if (!m.matches()) {
        throw new GfaInputException(quoted + " does not parse; write El=lo..hi, El<=hi or El>=lo in at.%, e.g. Zr=30..70,Al<=20");
      }
      String symbol = m.group(1);
      Element e = Element.find(symbol).orElseThrow(() -> new GfaInputException(quoted + ": unknown element '" + symbol + "'"));
      int k = -1;
      for (int i = 0; i < 3; i++) {
        if (elements[i] == e) {
          k = i;
        }
      }
      if (k < 0) {
        throw new GfaInputException(quoted + ": " + e + " is not in " + system.a() + "-" + system.b() + "-" + system.c());
      }
      double lo = m.group(2) != null ? amount(m.group(2), quoted) : m.group(5) != null ? amount(m.group(5), quoted) : 0;
      double hi = m.group(3) != null ? amount(m.group(3), quoted) : m.group(4) != null ? amount(m.group(4), quoted) : 100;
      if (lo > hi) {
        throw new GfaInputException(quoted + ": lower limit " + CsvTable.formatNumber(lo) + " is above upper limit "
            + CsvTable.formatNumber(hi));
      }
      lower[k] = Math.max(lower[k], lo);
      upper[k] = Math.min(upper[k], hi);
      if (lower[k] > upper[k]) {
        throw new GfaInputException(quoted + ": together with the other limits on " + e + " it allows nothing ("
            + CsvTable.formatNumber(lower[k]) + ".." + CsvTable.formatNumber(upper[k]) + " at.%)");
      }
    }
    return new CompositionBounds(system, lower, upper);
  }

  private static double amount(String text, String quoted) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new GfaInputException(quoted + ": '" + text + "' is not a number");
    }
    if (!(v >= 0 && v <= 100) || text.matches(".*[eExXpPdDfF].*")) {
      throw new GfaInputException(quoted + ": '" + text + "' is not an amount in 0..100 at.%");
    }
    return v;
  }

  /** Whether there is no limit at all. */
  public boolean isEmpty() {
    for (int i = 0; i < 3; i++) {
      if (lower[i] > 0 || upper[i] < 100) {
        return false;
      }
    }
    return true;
  }

  /** Whether A, B, C at.% (summing to 100) respect every limit. */
  public boolean allows(int[] atPercent) {
    for (int i = 0; i < 3; i++) {
      if (atPercent[i] < lower[i] || atPercent[i] > upper[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code alloy} is in the system (no other element) and respects every limit, within
   * 1e-9 at.%.
   */
  public boolean allows(Composition alloy) {
    Element[] elements = {system.a(), system.b(), system.c()};
    for (int i = 0; i < alloy.size(); i++) {
      if (!system.contains(alloy.element(i))) {
        return false;
      }
    }
    for (int i = 0; i < 3; i++) {
      double p = alloy.fractionOf(elements[i]) * 100;
      if (p < lower[i] - 1e-9 || p > upper[i] + 1e-9) {
        return false;
      }
    }
    return true;
  }

  /**
   * The grid indices of the interior points of the {@code step} at.% lattice (all three elements
   * present) that the limits allow, ascending. Refuses, with a one-line {@link GfaInputException},
   * limits that leave no such point.
   */
  public int[] latticePoints(TernaryGrid grid, int step) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < grid.size(); i++) {
      if (TernarySelection.onLattice(grid, i, step) && allows(grid.atPercent(i))) {
        out.add(i);
      }
    }
    if (out.isEmpty()) {
      throw new GfaInputException("bounds " + this + " leave no alloy with all three elements on the " + step + " at.% lattice");
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The limits of one element, as {@code [lo, hi]} at.%, if it is in the system. */
  public Optional<double[]> limits(Element e) {
    Element[] elements = {system.a(), system.b(), system.c()};
    for (int i = 0; i < 3; i++) {
      if (elements[i] == e) {
        return Optional.of(new double[] {lower[i], upper[i]});
      }
    }
    return Optional.empty();
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompositionBounds b && system.equals(b.system) && java.util.Arrays.equals(lower, b.lower)
        && java.util.Arrays.equals(upper, b.upper);
  }

  @Override
  public int hashCode() {
    return 31 * system.hashCode() + java.util.Arrays.hashCode(lower) * 17 + java.util.Arrays.hashCode(upper);
  }

  /** The limits as text that {@link #parse} reads back, e.g. {@code Zr=30..70,Al=0..20}; {@code none} without limits. */
  @Override
  public String toString() {
    Element[] elements = {system.a(), system.b(), system.c()};
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      if (lower[i] > 0 || upper[i] < 100) {
        parts.add(elements[i] + "=" + CsvTable.formatNumber(lower[i]) + ".." + CsvTable.formatNumber(upper[i]));
      }
    }
    return parts.isEmpty() ? "none" : String.join(",", parts);
  }
}

package gfa.core.campaign;

import gfa.core.Composition;
import gfa.core.Element;
import gfa.core.GfaInputException;
import gfa.core.data.ElementData;
import gfa.core.data.PropertyTable;
import gfa.core.io.CsvTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A weigh-out sheet: how many grams of each element make an ingot of a given mass with a given
 * composition in at.%, so a lab can weigh without a calculator.
 *
 * <p>The mass fraction of element i is {@code w_i = c_i M_i / sum_j c_j M_j}, with c the atomic
 * fractions and M the standard atomic weights of {@code data/elements/properties.csv}
 * ({@code atomic_mass}, IUPAC 2006). Grams are {@code G w_i}, rounded half-up to
 * {@value #DECIMALS} decimals (0.1 mg, what an analytical balance reads). The rounded grams may
 * add up to G ± a few 0.1 mg; they are not adjusted, so every line is the nearest 0.1 mg to its own
 * exact value.
 *
 * @param composition the alloy
 * @param ingotGrams the ingot mass G in grams
 * @param lines one per element, in the composition's written order
 */
public record WeighOut(Composition composition, double ingotGrams, List<Line> lines) {
  /** Decimals of a gram the grams are rounded to: 0.1 mg. */
  public static final int DECIMALS = 4;

  /**
   * One element of the sheet.
   *
   * @param element the element
   * @param atPercent its amount in at.%
   * @param atomicMass its standard atomic weight, g/mol
   * @param massFraction {@code c M / sum c M}, unrounded
   * @param grams {@code G * massFraction} rounded to {@value #DECIMALS} decimals
   */
  public record Line(Element element, double atPercent, double atomicMass, double massFraction, double grams) {}

  public WeighOut {
    Objects.requireNonNull(composition, "composition");
    lines = List.copyOf(lines);
  }

  /**
   * The sheet for {@code alloy} and an ingot of {@code ingotGrams} grams. Refuses a mass that is
   * not a finite number above 0 with a one-line {@link GfaInputException}.
   */
  public static WeighOut of(Composition alloy, double ingotGrams) {
    return of(alloy, ingotGrams, ElementData.standard());
  }

  /** As {@link #of(Composition, double)}, with the atomic masses of {@code data}. */
  public static WeighOut of(Composition alloy, double ingotGrams, ElementData data) {
    Objects.requireNonNull(alloy, "alloy");
    requireIngotGrams(ingotGrams);
    PropertyTable mass = data.property("atomic_mass");
    double total = 0;
    for (int i = 0; i < alloy.size(); i++) {
      total += alloy.fraction(i) * mass.value(alloy.element(i));
    }
    List<Line> lines = new ArrayList<>(alloy.size());
    for (int i = 0; i < alloy.size(); i++) {
      Element e = alloy.element(i);
      double m = mass.value(e);
      double w = alloy.fraction(i) * m / total;
      lines.add(new Line(e, alloy.fraction(i) * 100, m, w, round(ingotGrams * w)));
    }
    return new WeighOut(alloy, ingotGrams, lines);
  }

  /** Refuses an ingot mass that is not a finite number above 0 (one-line {@link GfaInputException}). */
  public static void requireIngotGrams(double ingotGrams) {
    if (!(Double.isFinite(ingotGrams) && ingotGrams > 0)) {
      throw new GfaInputException("ingot mass " + ingotGrams + " g is not a finite number above 0");
    }
  }

  /** The grams of {@code e}, 0 if the alloy does not contain it. */
  public double grams(Element e) {
    return lines.stream().filter(l -> l.element() == e).mapToDouble(Line::grams).findFirst().orElse(0);
  }

  /** The sheet in one line, e.g. {@code Zr 4.1234 g, Al 0.3210 g, Cu 5.5556 g}. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      sb.append(sb.isEmpty() ? "" : ", ").append(l.element()).append(' ')
          .append(BigDecimal.valueOf(l.grams()).setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString()).append(" g");
    }
    return sb.toString();
  }

  /** The sheet as a table: element, at_percent, atomic_mass, mass_fraction, grams. */
  public CsvTable table() {
    List<String[]> rows = new ArrayList<>();
    for (Line l : lines) {
      rows.add(new String[] {l.element().symbol(), CsvTable.formatNumber(l.atPercent()), CsvTable.formatNumber(l.atomicMass()),
          CsvTable.formatNumber(l.massFraction()), BigDecimal.valueOf(l.grams()).setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString()});
    }
    return new CsvTable(List.of("element", "at_percent", "atomic_mass", "mass_fraction", "grams"), rows);
  }

  private static double round(double grams) {
    return new BigDecimal(grams).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
  }
}

package gfa.core.data;

import gfa.core.Element;

/**
 * One element property (a column of {@code properties.csv}): a value per atomic number, NaN where the
 * sources give none. Missing stays missing: there is no default and no imputation, so a descriptor that
 * needs a missing value fails with {@link MissingElementDataException} instead of silently using 0.
 */
public final class PropertyTable {
  private final String name;
  private final String unit;
  private final String source;
  private final String checkedAgainst;
  private final double[] byZ; // index = atomic number; index 0 unused

  PropertyTable(String name, String unit, String source, String checkedAgainst, double[] byZ) {
    if (byZ.length != Element.COUNT + 1) {
      throw new IllegalArgumentException("property " + name + " needs " + (Element.COUNT + 1) + " slots");
    }
    this.name = name;
    this.unit = unit;
    this.source = source;
    this.checkedAgainst = checkedAgainst;
    this.byZ = byZ.clone();
  }

  /** The property's name as the tables (and matminer) spell it, e.g. {@code melting_point}. */
  public String name() {
    return name;
  }

  /** The unit, e.g. {@code K}; {@code -} for a pure number. */
  public String unit() {
    return unit;
  }

  /** The primary source the figures come from. */
  public String source() {
    return source;
  }

  /** The reference file the figures were checked against by the tests. */
  public String checkedAgainst() {
    return checkedAgainst;
  }

  public boolean has(Element e) {
    return !Double.isNaN(byZ[e.z()]);
  }

  /** The value for {@code e}; throws {@link MissingElementDataException} when the tables have none. */
  public double value(Element e) {
    double v = byZ[e.z()];
    if (Double.isNaN(v)) {
      throw new MissingElementDataException(e, name);
    }
    return v;
  }

  /** The value for atomic number {@code z} (1..118), NaN when missing. */
  public double valueOrNaN(int z) {
    if (z < 1 || z > Element.COUNT) {
      throw new IllegalArgumentException("no element with atomic number " + z);
    }
    return byZ[z];
  }

  @Override
  public String toString() {
    return name + " [" + unit + "]";
  }
}

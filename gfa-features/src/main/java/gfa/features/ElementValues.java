package gfa.features;

import gfa.core.Element;
import gfa.core.data.MissingElementDataException;
import gfa.core.data.PropertyTable;

/**
 * One element property as a flat array indexed by atomic number, so the per-composition hot path
 * is an array read. A missing figure stays missing: asking for it raises an error naming the
 * element and the property instead of letting NaN flow into a model.
 */
final class ElementValues {
  private final String property;
  private final double[] byZ = new double[Element.COUNT + 1];

  ElementValues(PropertyTable table) {
    this.property = table.name();
    for (int z = 1; z <= Element.COUNT; z++) {
      byZ[z] = table.valueOrNaN(z);
    }
  }

  double of(Element e) {
    double v = byZ[e.z()];
    if (Double.isNaN(v)) {
      throw new MissingElementDataException(e, property);
    }
    return v;
  }

  /** The value, or NaN when the figure is missing (for callers that report missing values as empty). */
  double orNaN(Element e) {
    return byZ[e.z()];
  }

  String property() {
    return property;
  }
}

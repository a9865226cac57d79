package gfa.features;

import gfa.core.Composition;
import gfa.core.data.ElementData;
import java.util.ArrayList;
import java.util.List;

/**
 * Fraction-weighted statistics of element properties (matminer's {@code ElementProperty} with its
 * "matminer" preset, data source pymatgen). Columns are named as matminer names them:
 * {@code "PymatgenData <stat> <property>"}, properties outermost, statistics innermost.
 */
public final class ElementPropertyStatistics implements DescriptorFamily {

  /** The statistics of matminer's preset, in its order. */
  public enum Stat {
    MINIMUM("minimum"),
    MAXIMUM("maximum"),
    RANGE("range"),
    MEAN("mean"),
    STD_DEV("std_dev");

    final String label;

    Stat(String label) {
      this.label = label;
    }
  }

  /** The pymatgen properties of matminer's "matminer" preset, in its order. */
  public static final List<String> MATMINER_PROPERTIES =
      List.of(
          "X",
          "row",
          "group",
          "block",
          "atomic_mass",
          "atomic_radius",
          "mendeleev_no",
          "electrical_resistivity",
          "velocity_of_sound",
          "thermal_conductivity",
          "melting_point",
          "bulk_modulus",
          "coefficient_of_linear_thermal_expansion");

  private final List<ElementValues> properties = new ArrayList<>();
  private final List<Stat> stats;
  private final List<String> columns = new ArrayList<>();
  private final boolean missingAsNaN;

  /**
   * @param missingAsNaN when true a missing element figure yields NaN for that property's columns
   *     (matminer's behaviour, for the "all" preset); when false it is an input error.
   */
  public ElementPropertyStatistics(
      ElementData data, List<String> propertyNames, List<Stat> stats, boolean missingAsNaN) {
    this.stats = List.copyOf(stats);
    this.missingAsNaN = missingAsNaN;
    for (String name : propertyNames) {
      properties.add(new ElementValues(data.property(name)));
      for (Stat s : stats) {
        columns.add("PymatgenData " + s.label + " " + name);
      }
    }
  }

  @Override
  public String name() {
    return "ElementProperty";
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public String citation() {
    return "L. Ward, A. Agrawal, A. Choudhary, C. Wolverton, npj Comput. Mater. 2, 16028 (2016); "
        + "element data: S.P. Ong et al., Comput. Mater. Sci. 68, 314 (2013) (pymatgen)";
  }

  @Override
  public void compute(Composition composition, double[] out, int offset) {
    int n = composition.size();
    double[] weights = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      weights[i] = composition.fraction(i);
    }
    int col = offset;
    for (ElementValues property : properties) {
      boolean missing = false;
      for (int i = 0; i < n; i++) {
        values[i] = missingAsNaN ? property.orNaN(composition.element(i)) : property.of(composition.element(i));
        missing |= Double.isNaN(values[i]);
      }
      for (Stat s : stats) {
        out[col++] = missing ? Double.NaN : statistic(s, values, weights, n);
      }
    }
  }

  private static double statistic(Stat s, double[] values, double[] weights, int n) {
    return switch (s) {
      case MINIMUM -> WeightedStatistics.minimum(values, n);
      case MAXIMUM -> WeightedStatistics.maximum(values, n);
      case RANGE -> WeightedStatistics.maximum(values, n) - WeightedStatistics.minimum(values, n);
      case MEAN -> WeightedStatistics.mean(values, weights, n);
      case STD_DEV -> WeightedStatistics.stdDev(values, weights, n);
    };
  }
}

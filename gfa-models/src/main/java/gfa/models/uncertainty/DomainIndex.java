package gfa.models.uncertainty;

import gfa.core.Composition;
import gfa.core.Element;
import gfa.core.ElementSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training alloys as a reference for "is this composition like anything the model has seen":
 * nearest distances in composition space (atomic-fraction vectors) and in standardised descriptor
 * space, and the nearest known alloys with their D_max.
 *
 * <p>The in-domain thresholds are calibrated on the training alloys the way leave-system-out
 * cross-validation sees them: for every alloy, the distance to the nearest alloy of <em>another</em>
 * system; a composition is in domain when it is no farther from the training set than the given
 * quantile (e.g. 95 %) of those distances, in both spaces. So an out-of-domain composition is more
 * novel than 95 % of the known alloys would be if their own system were unknown. Brute force: a
 * query costs one pass over the training rows (6398 alloys: well under a millisecond per query).
 */
public final class DomainIndex {
  private final List<Composition> alloys;
  /** Each alloy's element set (its system), named only for the neighbours a query reports. */
  private final ElementSet[] systems;
  private final double[] dmax;
  private final double[][] descriptors;
  private final Map<Element, Integer> elementColumn;
  private final double[][] byElement; // the alloys' atomic fractions, one array per element, alloys in order
  private final double[] squaredNorm;
  private final double compositionThreshold;
  private final double descriptorThreshold;

  private DomainIndex(List<Composition> alloys, double[] dmax, double[][] descriptors, double compositionThreshold,
      double descriptorThreshold) {
    if (alloys.size() != dmax.length || alloys.size() != descriptors.length || alloys.isEmpty()) {
      throw new IllegalArgumentException("one D_max and one descriptor row per alloy, at least one alloy");
    }
    this.alloys = List.copyOf(alloys);
    this.dmax = dmax.clone();
    this.descriptors = descriptors.clone();
    this.systems = new ElementSet[alloys.size()];
    this.elementColumn = new HashMap<>();
    for (Composition c : alloys) {
      for (Element e : c.elements()) {
        elementColumn.putIfAbsent(e, elementColumn.size());
      }
    }
    this.byElement = new double[elementColumn.size()][alloys.size()];
    this.squaredNorm = new double[alloys.size()];
    for (int i = 0; i < alloys.size(); i++) {
      Composition c = alloys.get(i);
      systems[i] = c.elementSet();
      for (int k = 0; k < c.size(); k++) {
        byElement[elementColumn.get(c.element(k))][i] = c.fraction(k);
        squaredNorm[i] += c.fraction(k) * c.fraction(k);
      }
    }
    this.compositionThreshold = compositionThreshold;
    this.descriptorThreshold = descriptorThreshold;
  }

  /** An index with thresholds already calibrated (e.g. read back with a model). */
  public static DomainIndex of(List<Composition> alloys, double[] dmax, double[][] standardized, double compositionThreshold,
      double descriptorThreshold) {
    return new DomainIndex(alloys, dmax, standardized, compositionThreshold, descriptorThreshold);
  }

  /**
   * Builds the index and calibrates its thresholds at {@code quantile} of the leave-system-out
   * nearest distances of the training alloys.
   */
  public static DomainIndex calibrate(List<Composition> alloys, double[] dmax, double[][] standardized, double quantile) {
    DomainIndex raw = new DomainIndex(alloys, dmax, standardized, Double.NaN, Double.NaN);
    int n = alloys.size();
    double[] nearestComposition = new double[n];
    double[] nearestDescriptor = new double[n];
    Arrays.fill(nearestComposition, Double.POSITIVE_INFINITY);
    Arrays.fill(nearestDescriptor, Double.POSITIVE_INFINITY);
    int[] system = raw.systemIds();
    SparseRows sparse = raw.sparseFractions();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (system[i] == system[j]) {
          continue;
        }
        double c = Math.max(0, sparse.squaredDistance(i, j));
        double d = squaredDistance(standardized[i], standardized[j]);
        nearestComposition[i] = Math.min(nearestComposition[i], c);
        nearestComposition[j] = Math.min(nearestComposition[j], c);
        nearestDescriptor[i] = Math.min(nearestDescriptor[i], d);
        nearestDescriptor[j] = Math.min(nearestDescriptor[j], d);
      }
    }
    return new DomainIndex(alloys, dmax, standardized, Math.sqrt(quantile(nearestComposition, quantile)),
        Math.sqrt(quantile(nearestDescriptor, quantile)));
  }

  /** Each alloy's system as a number, equal numbers for equal systems (comparing the names per pair was slow). */
  private int[] systemIds() {
    Map<ElementSet, Integer> ids = new HashMap<>();
    int[] id = new int[systems.length];
    for (int i = 0; i < systems.length; i++) {
      id[i] = ids.computeIfAbsent(systems[i], k -> ids.size());
    }
    return id;
  }

  /** Each alloy's fractions, element column by element column, with the zero columns left out. */
  private SparseRows sparseFractions() {
    int n = alloys.size();
    int[][] columns = new int[n][];
    double[][] values = new double[n][];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (double[] element : byElement) {
        if (element[i] != 0) {
          count++;
        }
      }
      columns[i] = new int[count];
      values[i] = new double[count];
      for (int e = 0, t = 0; e < byElement.length; e++) {
        if (byElement[e][i] != 0) {
          columns[i][t] = e;
          values[i][t++] = byElement[e][i];
        }
      }
    }
    return new SparseRows(columns, values);
  }

  /**
   * Composition rows as their non-zero columns in increasing order. A squared distance sums the
   * same terms in the same column order as the dense sum and skips only the columns where both
   * rows are zero, whose terms are exactly 0: the result is the dense one, bit for bit, for the
   * cost of the two alloys' few elements instead of every element column.
   */
  private record SparseRows(int[][] columns, double[][] values) {
    double squaredDistance(int i, int j) {
      int[] ci = columns[i];
      int[] cj = columns[j];
      double[] vi = values[i];
      double[] vj = values[j];
      double sum = 0;
      int a = 0;
      int b = 0;
      while (a < ci.length || b < cj.length) {
        double d;
        if (b == cj.length || (a < ci.length && ci[a] < cj[b])) {
          d = vi[a++];
        } else if (a == ci.length || cj[b] < ci[a]) {
          d = -vj[b++];
        } else {
          d = vi[a++] - vj[b++];
        }
        sum += d * d;
      }
      return sum;
    }
  }

  /** The {@code q} quantile (linear interpolation) of the finite values; infinity when there are none (one system). */
  static double quantile(double[] values, double q) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double position = q * (finite.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(finite.length - 1, below + 1);
    return finite[below] + (position - below) * (finite[above] - finite[below]);
  }

  public double compositionThreshold() {
    return compositionThreshold;
  }

  public double descriptorThreshold() {
    return descriptorThreshold;
  }

  public List<Composition> alloys() {
    return alloys;
  }

  public double[] dmax() {
    return dmax.clone();
  }

  /** Distances of a composition (with its standardised descriptor row) to the nearest training alloys. */
  public DomainDistance distance(Composition c, double[] standardized) {
    double[] squared = new Query(c).distancesSquared();
    double composition = Double.POSITIVE_INFINITY;
    double descriptor = Double.POSITIVE_INFINITY;
    for (int i = 0; i < alloys.size(); i++) {
      composition = Math.min(composition, squared[i]);
      descriptor = Math.min(descriptor, squaredDistance(standardized, descriptors[i]));
    }
    composition = Math.sqrt(composition);
    descriptor = Math.sqrt(descriptor);
    return new DomainDistance(composition, descriptor, composition <= compositionThreshold && descriptor <= descriptorThreshold);
  }

  /** The {@code k} training alloys nearest in composition (ties: the earlier row), nearest first. */
  public List<Neighbour> nearest(Composition c, double[] standardized, int k) {
    double[] distance = new Query(c).distancesSquared();
    // the k smallest (distance, row) pairs in one pass: k is a handful, the alloys thousands
    int[] order = new int[Math.min(k, distance.length)];
    int kept = 0;
    for (int i = 0; i < distance.length; i++) {
      int at = kept;
      while (at > 0 && Double.compare(distance[i], distance[order[at - 1]]) < 0) {
        at--;
      }
      if (at < order.length) {
        int last = Math.min(kept, order.length - 1);
        System.arraycopy(order, at, order, at + 1, last - at);
        order[at] = i;
        kept = Math.min(kept + 1, order.length);
      }
    }
    List<Neighbour> out = new ArrayList<>();
    for (int t = 0; t < kept; t++) {
      int i = order[t];
      out.add(new Neighbour(alloys.get(i), systems[i].toString(), dmax[i], Math.sqrt(distance[i]),
          Math.sqrt(squaredDistance(standardized, descriptors[i]))));
    }
    return out;
  }

  /**
   * A composition looked up once against the index's element columns: a query is compared with
   * every training alloy, and looking its elements up per alloy (a hash lookup each, then a
   * scattered read of each alloy's row) was most of the time of a large prediction. The arithmetic
   * is the same, term by term, as a per-alloy sum.
   */
  private final class Query {
    private final double[] fraction;
    private final int[] column; // -1: an element no training alloy has
    private final double norm;

    Query(Composition c) {
      fraction = new double[c.size()];
      column = new int[c.size()];
      double n = 0;
      for (int k = 0; k < c.size(); k++) {
        double f = c.fraction(k);
        fraction[k] = f;
        n += f * f;
        Integer col = elementColumn.get(c.element(k));
        column[k] = col == null ? -1 : col;
      }
      norm = n;
    }

    /**
     * The squared distance to every training alloy. The dot products are summed element by element
     * over whole columns (streaming, vectorisable), in the same order of terms as a per-alloy sum.
     */
    double[] distancesSquared() {
      int n = squaredNorm.length;
      double[] dot = new double[n];
      for (int k = 0; k < fraction.length; k++) {
        if (column[k] >= 0) {
          double f = fraction[k];
          double[] col = byElement[column[k]];
          for (int i = 0; i < n; i++) {
            dot[i] += f * col[i];
          }
        }
      }
      for (int i = 0; i < n; i++) {
        dot[i] = Math.max(0, squaredNorm[i] + norm - 2 * dot[i]);
      }
      return dot;
    }
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      double d = a[k] - b[k];
      sum += d * d;
    }
    return sum;
  }
}

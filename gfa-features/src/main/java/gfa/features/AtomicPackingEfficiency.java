package gfa.features;

import gfa.core.Composition;
import gfa.core.data.ElementData;
import gfa.core.data.IdealRadiusRatios;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Atomic packing efficiency (APE) of Laws, Miracle and Ferry (matminer's
 * {@code AtomicPackingEfficiency}, radii of Miracle).
 *
 * <p>The APE of a cluster with n neighbours is 1 - R_ideal(n) / (r_center / r_shell). Two kinds
 * of descriptor follow: the fraction-weighted mean (and mean absolute) best APE of each element
 * when its neighbour shell has the alloy's own mean radius; and the mean Euclidean distance from
 * the alloy's composition vector to the k nearest efficiently packed clusters (|APE| below 0.01)
 * that can be built from its (up to) six most abundant elements, 1 for each missing cluster.
 *
 * <p>The cluster search depends only on the element set, so it runs once per set and is cached:
 * a ternary grid of 5151 points needs it three times (the ternary, its binaries are other sets).
 * The enumeration walks neighbour-shell count vectors and prunes those whose mean radius cannot
 * reach any centre's window, which yields the same clusters as matminer's exhaustive listing.
 */
public final class AtomicPackingEfficiency implements DescriptorFamily {
  static final double THRESHOLD = 0.01;
  static final int MAX_TYPES = 6;

  private final ElementValues radius;
  private final IdealRadiusRatios ideal;
  private final int[] nearest;
  private final int maxNearest;
  private final List<String> columns = new ArrayList<>();
  private final ConcurrentHashMap<Long, EfficientClusters> clustersBySet = new ConcurrentHashMap<>();

  /** @param nearest the k of each "dist from k clusters" column, e.g. {1} for the paper's set. */
  public AtomicPackingEfficiency(ElementData data, int... nearest) {
    this.radius = new ElementValues(data.property("MiracleRadius"));
    this.ideal = data.idealRadiusRatios();
    this.nearest = nearest.clone();
    this.maxNearest = Arrays.stream(nearest).max().orElse(0);
    columns.add("mean simul. packing efficiency");
    columns.add("mean abs simul. packing efficiency");
    for (int k : nearest) {
      columns.add(String.format(Locale.ROOT, "dist from %d clusters |APE| < %.3f", k, THRESHOLD));
    }
  }

  @Override
  public String name() {
    return "AtomicPackingEfficiency";
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public String citation() {
    return "K.J. Laws, D.B. Miracle, M. Ferry, Nat. Commun. 6, 8123 (2015); ideal radius ratios: "
        + "D.B. Miracle, E.A. Lord, S. Ranganathan, Mater. Trans. 47, 1737 (2006)";
  }

  @Override
  public void compute(Composition composition, double[] out, int offset) {
    int n = composition.size();
    double[] radii = new double[n];
    double meanRadius = 0;
    double weight = 0;
    for (int i = 0; i < n; i++) {
      radii[i] = radius.of(composition.element(i));
      meanRadius += composition.fraction(i) * radii[i];
      weight += composition.fraction(i);
    }
    meanRadius /= weight;
    double mean = 0;
    double meanAbs = 0;
    for (int i = 0; i < n; i++) {
      double ape = bestApe(radii[i] / meanRadius);
      mean += composition.fraction(i) * ape;
      meanAbs += composition.fraction(i) * Math.abs(ape);
    }
    out[offset] = mean / weight;
    out[offset + 1] = meanAbs / weight;
    if (nearest.length > 0) {
      nearestClusterDistances(composition, out, offset + 2);
    }
  }

  /** The APE of the best cluster size for a centre-to-shell radius ratio. */
  double bestApe(double radiusRatio) {
    return idealCluster(radiusRatio, false);
  }

  /** The best cluster size (neighbour count) for a centre-to-shell radius ratio. */
  int bestSize(double radiusRatio) {
    return (int) idealCluster(radiusRatio, true);
  }

  /**
   * Walks sizes 3..24 and keeps the smallest |APE|; the APE falls with size, so the first negative
   * one ends the walk (the best is it or the one before).
   */
  private double idealCluster(double radiusRatio, boolean wantSize) {
    double best = Double.POSITIVE_INFINITY;
    int bestN = 0;
    for (int size = ideal.min(); size <= ideal.max(); size++) {
      double ape = 1 - ideal.forCoordination(size) / radiusRatio;
      if (Math.abs(ape) < Math.abs(best)) {
        best = ape;
        bestN = size;
      }
      if (ape < 0) {
        break;
      }
    }
    return wantSize ? bestN : best;
  }

  private void nearestClusterDistances(Composition composition, double[] out, int offset) {
    int n = composition.size();
    int[] top = mostAbundant(composition);
    long key = 0;
    int[] zs = new int[top.length];
    for (int i = 0; i < top.length; i++) {
      zs[i] = composition.element(top[i]).z();
    }
    Arrays.sort(zs);
    for (int z : zs) {
      key = key * 128 + z;
    }
    key = key * 8 + zs.length;
    EfficientClusters clusters = clustersBySet.computeIfAbsent(key, k -> EfficientClusters.search(zs, this));

    // the alloy's fractions on the set's elements (in Z order) and the squared rest outside it
    double[] x = new double[zs.length];
    double outside = 0;
    for (int i = 0; i < n; i++) {
      int slot = Arrays.binarySearch(zs, composition.element(i).z());
      if (slot >= 0) {
        x[slot] = composition.fraction(i);
      } else {
        outside += composition.fraction(i) * composition.fraction(i);
      }
    }
    double[] best = clusters.nearestSquaredDistances(x, outside, maxNearest);
    for (int j = 0; j < nearest.length; j++) {
      int k = nearest[j];
      double sum = 0;
      for (int t = 0; t < k; t++) {
        sum += t < best.length ? Math.sqrt(best[t]) : 1.0;
      }
      out[offset + j] = sum / k;
    }
  }

  /** Indices of the (up to) six most abundant elements; ties keep the written order. */
  private static int[] mostAbundant(Composition composition) {
    int n = composition.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(composition.fraction(b), composition.fraction(a)));
    int m = Math.min(n, MAX_TYPES);
    int[] top = new int[m];
    for (int i = 0; i < m; i++) {
      top[i] = order[i];
    }
    return top;
  }

  double radiusOfZ(int z) {
    return radius.of(gfa.core.Element.ofZ(z));
  }

  double idealRatio(int size) {
    return ideal.forCoordination(size);
  }

  /**
   * The efficiently packed clusters of one element set: each is a centre atom plus a neighbour
   * shell, stored as atom counts per element of the set (centre included) and the atom total.
   */
  static final class EfficientClusters {
    private final int k;
    private byte[] counts = new byte[64];
    private byte[] totals = new byte[16];
    private int size;

    private EfficientClusters(int k) {
      this.k = k;
    }

    static EfficientClusters search(int[] zs, AtomicPackingEfficiency ape) {
      int k = zs.length;
      double[] r = new double[k];
      for (int i = 0; i < k; i++) {
        r[i] = ape.radiusOfZ(zs[i]);
      }
      double maxR = Arrays.stream(r).max().orElseThrow();
      double minR = Arrays.stream(r).min().orElseThrow();
      int maxSize = ape.bestSize(maxR / minR);
      int minSize = ape.bestSize(minR / maxR);
      double[] suffixMin = new double[k];
      double[] suffixMax = new double[k];
      for (int i = k - 1; i >= 0; i--) {
        suffixMin[i] = i == k - 1 ? r[i] : Math.min(r[i], suffixMin[i + 1]);
        suffixMax[i] = i == k - 1 ? r[i] : Math.max(r[i], suffixMax[i + 1]);
      }
      EfficientClusters clusters = new EfficientClusters(k);
      int[] shell = new int[k];
      for (int size = minSize; size <= maxSize; size++) {
        double idealRatio = ape.idealRatio(size);
        // the window of shell radius sums any centre could accept, slightly widened: the exact
        // APE test at the leaves decides
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double center : r) {
          lo = Math.min(lo, (1 - THRESHOLD) * center / idealRatio * size);
          hi = Math.max(hi, (1 + THRESHOLD) * center / idealRatio * size);
        }
        lo -= 1e-9 * Math.abs(lo);
        hi += 1e-9 * Math.abs(hi);
        clusters.enumerate(0, size, size, 0.0, shell, r, suffixMin, suffixMax, lo, hi, idealRatio);
      }
      return clusters;
    }

    private void enumerate(
        int element, int remaining, int size, double radiusSum, int[] shell, double[] r,
        double[] suffixMin, double[] suffixMax, double lo, double hi, double idealRatio) {
      if (radiusSum + remaining * suffixMin[element] > hi || radiusSum + remaining * suffixMax[element] < lo) {
        return;
      }
      if (element == k - 1) {
        shell[element] = remaining;
        double sum = radiusSum;
        for (int t = 0; t < remaining; t++) {
          sum += r[element];
        }
        double meanRadius = sum / size;
        for (int center = 0; center < k; center++) {
          double ape = 1 - idealRatio / (r[center] / meanRadius);
          if (Math.abs(ape) < THRESHOLD) {
            add(shell, center, size + 1);
          }
        }
        return;
      }
      double sum = radiusSum;
      for (int count = 0; count <= remaining; count++) {
        shell[element] = count;
        enumerate(element + 1, remaining - count, size, sum, shell, r, suffixMin, suffixMax, lo, hi, idealRatio);
        sum += r[element];
      }
    }

    private void add(int[] shell, int center, int total) {
      if ((size + 1) * k > counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
      if (size + 1 > totals.length) {
        totals = Arrays.copyOf(totals, totals.length * 2);
      }
      for (int i = 0; i < k; i++) {
        counts[size * k + i] = (byte) (shell[i] + (i == center ? 1 : 0));
      }
      totals[size] = (byte) total;
      size++;
    }

    int size() {
      return size;
    }

    /** The m smallest squared distances (ascending; fewer when there are fewer clusters). */
    double[] nearestSquaredDistances(double[] x, double outside, int m) {
      int kept = Math.min(m, size);
      double[] best = new double[kept];
      Arrays.fill(best, Double.POSITIVE_INFINITY);
      for (int c = 0; c < size; c++) {
        double total = totals[c];
        double d2 = outside;
        int base = c * k;
        for (int i = 0; i < k; i++) {
          double diff = x[i] - counts[base + i] / total;
          d2 += diff * diff;
        }
        if (kept > 0 && d2 < best[kept - 1]) {
          int pos = kept - 1;
          while (pos > 0 && best[pos - 1] > d2) {
            best[pos] = best[pos - 1];
            pos--;
          }
          best[pos] = d2;
        }
      }
      return best;
    }
  }
}

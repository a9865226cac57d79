package gfa.core.ternary;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * From predictions over a {@link TernaryGrid} to the two alloys a lab should cast next (docs/method.md §6).
 * Pure functions of the grid, the predictions and the {@link Options}; nothing is read or written.
 *
 * <ol>
 *   <li><b>Normalise</b>: {@code (p - min) / (max - min)} within the grid, so the lowest point is
 *       exactly 0 and the highest exactly 1; if every prediction is equal, all are 0
 *       ({@link #normalize(double[])}).
 *   <li><b>Threshold</b>: sort the predictions of all N grid points (edges and corners included);
 *       the threshold is the value at index {@code floor((1 - top/100) N)}, i.e. floor(0.95 N) for
 *       the paper's top 5% ({@link #thresholdIndex(int, double)}).
 *   <li><b>Top points</b>: the interior points (all three elements present) predicted strictly
 *       above the threshold.
 *   <li><b>Largest region</b>: the largest connected set of top points, neighbours on the
 *       triangular lattice ({@link ConnectedRegions}; equal sizes: the region with the smallest
 *       grid index).
 *   <li><b>Candidate 1</b>: the point of the candidate lattice (all three amounts multiples of
 *       {@link Options#candidateStep()}, all three > 0) with the highest prediction inside the
 *       largest region. If the region holds no such point (a small region between lattice
 *       points), the lattice point nearest to the region's best point instead (Euclidean distance
 *       in at.%; ties: the higher prediction, then the smaller grid index). If no point is above the
 *       threshold at all (the predictions are flat at the top), the best lattice point of the
 *       whole grid.
 *   <li><b>Candidate 2</b>: the best of candidate 1's neighbours on the candidate lattice (up to
 *       six, those with all three elements present). If all of them are excluded, the best point
 *       two lattice steps away, and so on.
 * </ol>
 * An alloy listed in {@link Options#excluded()} (compared with {@link Composition#equals}, e.g.
 * lab results already in hand) is never a candidate: the next best point takes its place. Ties in
 * prediction always go to the smaller grid index.
 */
public final class TernarySelection {

  /**
   * How to select.
   *
   * @param topPercent the share of grid points whose threshold defines the top set, in % (0 < top < 100; the
   *     paper's 5)
   * @param candidateStep the lattice candidates sit on, in at.% (divides 100; the paper's 5)
   * @param excluded alloys never to propose (lab results in hand)
   */
  public record Options(double topPercent, int candidateStep, List<Composition> excluded) {
    /** The paper's top 5%. */
    public static final double PAPER_TOP_PERCENT = 5;
    /** The paper's candidates differ by 5 at.% (Zr20Al20Cu60 and Zr20Al25Cu55). */
    public static final int PAPER_CANDIDATE_STEP = 5;

    /** Refuses a top share outside (0, 100) and a candidate step that does not divide 100 (one-line {@link GfaInputException}). */
    public Options {
      if (!(topPercent > 0 && topPercent < 100)) {
        throw new GfaInputException("top share " + CsvTable.formatNumber(topPercent) + "% is outside (0, 100)");
      }
      try {
        TernaryGrid.validateStep(candidateStep);
      } catch (GfaInputException e) {
        throw new GfaInputException("candidate " + e.getMessage());
      }
      excluded = List.copyOf(excluded);
    }

    /** The paper's choice: top 5%, candidates on the 5 at.% lattice, nothing excluded. */
    public static Options paper() {
      return new Options(PAPER_TOP_PERCENT, PAPER_CANDIDATE_STEP, List.of());
    }
  }

  private final TernaryGrid grid;
  private final double[] predicted;
  private final double[] normalized;
  private final Options options;
  private final int thresholdIndex;
  private final double threshold;
  private final boolean[] top;
  private final int topCount;
  private final ConnectedRegions regions;
  private final int[] excludedOnGrid;
  private final List<Candidate> candidates;

  private TernarySelection(TernaryGrid grid, double[] predicted, Options options) {
    this.grid = grid;
    this.predicted = predicted;
    this.options = options;
    this.normalized = normalize(predicted);
    this.thresholdIndex = thresholdIndex(predicted.length, options.topPercent());
    this.threshold = threshold(predicted, options.topPercent());
    this.top = topMask(grid, predicted, threshold);
    int count = 0;
    for (boolean t : top) {
      count += t ? 1 : 0;
    }
    this.topCount = count;
    this.regions = ConnectedRegions.find(grid, top);
    Set<Composition> excludedSet = new HashSet<>(options.excluded());
    boolean[] excluded = new boolean[grid.size()];
    List<Integer> onGrid = new ArrayList<>();
    for (Composition c : excludedSet) {
      grid.find(c).ifPresent(i -> {
        excluded[i] = true;
        onGrid.add(i);
      });
    }
    this.excludedOnGrid = onGrid.stream().mapToInt(Integer::intValue).sorted().toArray();
    Candidate first = firstCandidate(excluded);
    Candidate second = secondCandidate(first, excluded);
    this.candidates = List.of(first, second);
  }

  /**
   * Selects the top points, the largest region and the two candidates for predictions over
   * {@code grid} (one per grid index, finite). Refuses, with a {@link GfaInputException}, a
   * candidate step that is not a multiple of the grid step (its points would have no prediction)
   * and a lattice left without two alloys to propose.
   */
  public static TernarySelection select(TernaryGrid grid, double[] predicted, Options options) {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(options, "options");
    if (predicted.length != grid.size()) {
      throw new IllegalArgumentException(predicted.length + " predictions for a grid of " + grid.size() + " points");
    }
    for (int i = 0; i < predicted.length; i++) {
      if (!Double.isFinite(predicted[i])) {
        throw new IllegalArgumentException("prediction " + predicted[i] + " at " + grid.composition(i).format() + " is not finite");
      }
    }
    if (options.candidateStep() % grid.step() != 0) {
      throw new GfaInputException("candidate step " + options.candidateStep() + " at.% is not a multiple of the grid step "
          + grid.step() + " at.%, so its alloys would have no prediction");
    }
    return new TernarySelection(grid, predicted.clone(), options);
  }

  /** {@code (p - min) / (max - min)}: exactly 0 at the lowest and 1 at the highest; all 0 when all are equal. */
  public static double[] normalize(double[] predicted) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double p : predicted) {
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    double[] out = new double[predicted.length];
    if (!(max > min)) {
      return out;
    }
    double range = max - min;
    for (int i = 0; i < out.length; i++) {
      out[i] = (predicted[i] - min) / range;
    }
    return out;
  }

  /**
   * The index into the sorted predictions of all {@code n} grid points that holds the threshold:
   * {@code floor((100 - topPercent) n / 100)}, at most n - 1. 4893 for 5151 points and the top 5%.
   */
  public static int thresholdIndex(int n, double topPercent) {
    if (n < 1) {
      throw new IllegalArgumentException("no grid points");
    }
    // (100 - 5) * 5151 is an exact double, and so is its quotient by 100 whenever that is whole.
    int k = (int) Math.floor((100 - topPercent) * n / 100);
    return Math.max(0, Math.min(n - 1, k));
  }

  /** The value at {@link #thresholdIndex} of the sorted predictions. */
  public static double threshold(double[] predicted, double topPercent) {
    double[] sorted = predicted.clone();
    Arrays.sort(sorted);
    return sorted[thresholdIndex(sorted.length, topPercent)];
  }

  /** The interior points predicted strictly above {@code threshold}. */
  public static boolean[] topMask(TernaryGrid grid, double[] predicted, double threshold) {
    boolean[] mask = new boolean[grid.size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = grid.isInterior(i) && predicted[i] > threshold;
    }
    return mask;
  }

  /** Whether grid point {@code index} lies on the {@code step} at.% lattice with all three elements present. */
  public static boolean onLattice(TernaryGrid grid, int index, int step) {
    int a = grid.a(index);
    int b = grid.b(index);
    int c = grid.c(index);
    return a > 0 && b > 0 && c > 0 && a % step == 0 && b % step == 0 && c % step == 0;
  }

  private Candidate firstCandidate(boolean[] excluded) {
    int step = options.candidateStep();
    String lattice = step + " at.% lattice";
    String topName = "top-" + CsvTable.formatNumber(options.topPercent()) + "%";
    int[] allLattice = latticeIndices(step);
    Optional<ConnectedRegions.Region> largest = regions.largest();
    if (largest.isEmpty()) {
      int best = best(allLattice, excluded);
      requireFound(best, lattice);
      return candidate(1, best, "no point lies above the " + topName + " threshold (the predictions are flat at the top); "
          + "highest prediction on the " + lattice + afterExcluding(allLattice, excluded, best));
    }
    ConnectedRegions.Region region = largest.get();
    int[] inRegion = Arrays.stream(region.indices()).filter(i -> onLattice(grid, i, step)).toArray();
    String regionText = "largest " + topName + " region (" + region.size() + " point" + (region.size() == 1 ? "" : "s") + ")";
    int best = best(inRegion, excluded);
    if (best >= 0) {
      return candidate(1, best, "highest prediction on the " + lattice + " in the " + regionText
          + afterExcluding(inRegion, excluded, best));
    }
    int regionBest = best(region.indices(), new boolean[grid.size()]);
    int nearest = -1;
    long nearestDistance = Long.MAX_VALUE;
    for (int i : allLattice) {
      if (excluded[i]) {
        continue;
      }
      long d = squaredDistance(i, regionBest);
      if (d < nearestDistance || d == nearestDistance && isBetter(i, nearest)) {
        nearest = i;
        nearestDistance = d;
      }
    }
    requireFound(nearest, lattice);
    String why = inRegion.length == 0 ? "holds no point of the " + lattice : "holds only excluded points of the " + lattice;
    return candidate(1, nearest, "The " + regionText + " " + why + "; nearest lattice point to its best point "
        + grid.composition(regionBest).format());
  }

  private Candidate secondCandidate(Candidate first, boolean[] excluded) {
    int step = options.candidateStep();
    String lattice = step + " at.% lattice";
    int[] centre = first.atPercent();
    int neighbours = TernaryGrid.latticeNeighbours(centre, step).size();
    int[] allLattice = latticeIndices(step);
    for (int ring = 1; ring <= 100 / step; ring++) {
      int r = ring;
      int[] around = Arrays.stream(allLattice).filter(i -> i != first.index() && ringDistance(i, centre, step) == r).toArray();
      int best = best(around, excluded);
      if (best < 0) {
        continue;
      }
      if (ring == 1) {
        return candidate(2, best, "highest prediction among the " + neighbours + " neighbour" + (neighbours == 1 ? "" : "s")
            + " of candidate 1 on the " + lattice + afterExcluding(around, excluded, best));
      }
      return candidate(2, best, "candidate 1's " + neighbours + " neighbour" + (neighbours == 1 ? " is" : "s are all")
          + " excluded on the " + lattice + "; highest prediction " + ring + " lattice steps (" + ring * step
          + " at.%) away" + afterExcluding(around, excluded, best));
    }
    throw new GfaInputException("the " + lattice + " has no second alloy with all three elements to propose"
        + (excludedOnGrid.length > 0 ? " after leaving out the " + excludedOnGrid.length + " excluded alloys" : ""));
  }

  /** The best of {@code indices} that is not excluded, or -1. */
  private int best(int[] indices, boolean[] excluded) {
    int best = -1;
    for (int i : indices) {
      if (!excluded[i] && isBetter(i, best)) {
        best = i;
      }
    }
    return best;
  }

  /** ", after leaving out N better excluded alloys" when excluded points of {@code indices} beat {@code chosen}. */
  private String afterExcluding(int[] indices, boolean[] excluded, int chosen) {
    int skipped = 0;
    for (int i : indices) {
      if (excluded[i] && isBetter(i, chosen)) {
        skipped++;
      }
    }
    return skipped == 0 ? "" : ", after leaving out " + skipped + " better excluded alloy" + (skipped == 1 ? "" : "s");
  }

  private void requireFound(int index, String lattice) {
    if (index < 0) {
      throw new GfaInputException("the " + lattice + " has no alloy with all three elements to propose"
          + (excludedOnGrid.length > 0 ? " after leaving out the " + excludedOnGrid.length + " excluded alloys" : ""));
    }
  }

  private Candidate candidate(int rank, int index, String reason) {
    return new Candidate(rank, index, grid.atPercent(index), grid.composition(index), predicted[index], normalized[index], reason);
  }

  /** Higher prediction wins; equal predictions go to the smaller index; any point beats none (-1). */
  private boolean isBetter(int i, int best) {
    return best < 0 || predicted[i] > predicted[best] || predicted[i] == predicted[best] && i < best;
  }

  /** The grid indices of the interior points of the {@code step} lattice, ascending. */
  private int[] latticeIndices(int step) {
    List<Integer> out = new ArrayList<>();
    for (int a = step; a < 100; a += step) {
      for (int b = step; a + b < 100; b += step) {
        out.add(grid.indexOf(a, b));
      }
    }
    return out.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private long squaredDistance(int i, int j) {
    long da = grid.a(i) - grid.a(j);
    long db = grid.b(i) - grid.b(j);
    long dc = grid.c(i) - grid.c(j);
    return da * da + db * db + dc * dc;
  }

  /** Steps on the triangular lattice between point {@code i} and {@code centre}: the largest amount change over the step. */
  private int ringDistance(int i, int[] centre, int step) {
    int d = Math.max(Math.abs(grid.a(i) - centre[0]), Math.max(Math.abs(grid.b(i) - centre[1]), Math.abs(grid.c(i) - centre[2])));
    return d / step;
  }

  public TernaryGrid grid() {
    return grid;
  }

  public Options options() {
    return options;
  }

  /** The predictions, one per grid index (a copy). */
  public double[] predicted() {
    return predicted.clone();
  }

  /** The prediction at grid index {@code i}. */
  public double predicted(int i) {
    return predicted[i];
  }

  /** The normalised predictions (a copy). */
  public double[] normalized() {
    return normalized.clone();
  }

  /** The normalised prediction at grid index {@code i}. */
  public double normalized(int i) {
    return normalized[i];
  }

  /** The smallest prediction. */
  public double min() {
    double m = Double.POSITIVE_INFINITY;
    for (double p : predicted) {
      m = Math.min(m, p);
    }
    return m;
  }

  /** The largest prediction. */
  public double max() {
    double m = Double.NEGATIVE_INFINITY;
    for (double p : predicted) {
      m = Math.max(m, p);
    }
    return m;
  }

  /** The grid index with the highest prediction (the smallest such index). */
  public int argmax() {
    int best = -1;
    for (int i = 0; i < predicted.length; i++) {
      if (isBetter(i, best)) {
        best = i;
      }
    }
    return best;
  }

  /** Index into the sorted predictions holding the threshold. */
  public int thresholdIndex() {
    return thresholdIndex;
  }

  /** The threshold, as a prediction (mm). */
  public double threshold() {
    return threshold;
  }

  /** The threshold on the normalised scale. */
  public double thresholdNormalized() {
    double min = min();
    double max = max();
    return max > min ? (threshold - min) / (max - min) : 0;
  }

  /** Whether grid index {@code i} is a top point. */
  public boolean isTop(int i) {
    return top[i];
  }

  /** The top mask (a copy). */
  public boolean[] top() {
    return top.clone();
  }

  /** Number of top points. */
  public int topCount() {
    return topCount;
  }

  /** The connected regions of the top points, largest first. */
  public ConnectedRegions regions() {
    return regions;
  }

  /** The largest region, or empty when no point is above the threshold. */
  public Optional<ConnectedRegions.Region> largestRegion() {
    return regions.largest();
  }

  /** Sizes of the regions, largest first. */
  public int[] regionSizes() {
    return regions.regions().stream().mapToInt(ConnectedRegions.Region::size).toArray();
  }

  /** The grid indices of the excluded alloys that are points of this grid, ascending. */
  public int[] excludedOnGrid() {
    return excludedOnGrid.clone();
  }

  /** The two candidates, rank 1 then rank 2. */
  public List<Candidate> candidates() {
    return candidates;
  }
}

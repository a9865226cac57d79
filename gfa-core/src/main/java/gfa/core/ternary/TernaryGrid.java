package gfa.core.ternary;

import gfa.core.Composition;
import gfa.core.Element;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Every composition A_i B_j C_k of a ternary system with i + j + k = 100 in multiples of a step
 * that divides 100 (docs/method.md §6): 5151 points at 1 at.% with the edges and corners, 4851 of them
 * interior (all three elements present); 231 and 171 at 5 at.%.
 *
 * <p><b>Order</b>, as in the published grid files ({@code features_LaAlC.csv}): the amount of A
 * ascending in the outer loop, B ascending in the inner loop, C the rest. Index 0 is pure C
 * ({@code La0Al0C100}), index 1 is {@code La0Al1C99}, the last index is pure A
 * ({@code La100Al0C0}). With n = 100 / step, i = a / step and j = b / step,
 * {@code index = i (n + 1) - i (i - 1) / 2 + j}, which {@link #indexOf(int, int)} computes.
 *
 * <p>The amounts are stored as two int arrays (C is the rest); the compositions are built once,
 * on first use. Immutable and safe to share between threads.
 */
public final class TernaryGrid {
  /** The six lattice directions as (dA, dB, dC) in units of the step. */
  static final int[][] DIRECTIONS = {
      {+1, -1, 0}, {-1, +1, 0}, {+1, 0, -1}, {-1, 0, +1}, {0, +1, -1}, {0, -1, +1},
  };

  private final TernarySystem system;
  private final int step;
  /** 100 / step: the number of steps along an edge. */
  private final int n;
  private final int[] amountA;
  private final int[] amountB;
  private volatile List<Composition> compositions;

  private TernaryGrid(TernarySystem system, int step) {
    this.system = system;
    this.step = step;
    this.n = 100 / step;
    int size = (n + 1) * (n + 2) / 2;
    amountA = new int[size];
    amountB = new int[size];
    int k = 0;
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= n - i; j++) {
        amountA[k] = i * step;
        amountB[k] = j * step;
        k++;
      }
    }
  }

  /**
   * The grid of {@code system} in steps of {@code step} at.%; the step must divide 100 (1, 2, 4,
   * 5, 10, 20, 25, 50 or 100), otherwise a {@link GfaInputException} says so.
   */
  public static TernaryGrid of(TernarySystem system, int step) {
    if (system == null) {
      throw new NullPointerException("system");
    }
    validateStep(step);
    return new TernaryGrid(system, step);
  }

  /** The grid at the paper's 1 at.% step. */
  public static TernaryGrid of(TernarySystem system) {
    return of(system, 1);
  }

  /** Refuses a step that is not a positive divisor of 100 with a {@link GfaInputException}. */
  static void validateStep(int step) {
    if (step < 1 || step > 100) {
      throw new GfaInputException("step " + step + " is outside 1..100 at.%");
    }
    if (100 % step != 0) {
      throw new GfaInputException("step " + step + " does not divide 100; use 1, 2, 4, 5, 10, 20, 25 or 50 at.%");
    }
  }

  public TernarySystem system() {
    return system;
  }

  /** The step in at.%. */
  public int step() {
    return step;
  }

  /** Number of points, (n + 1)(n + 2) / 2 with n = 100 / step. */
  public int size() {
    return amountA.length;
  }

  /** Number of interior points (all three elements present), (n - 1)(n - 2) / 2. */
  public int interiorCount() {
    return (n - 1) * (n - 2) / 2;
  }

  /** at.% of A at {@code index}. */
  public int a(int index) {
    return amountA[index];
  }

  /** at.% of B at {@code index}. */
  public int b(int index) {
    return amountB[index];
  }

  /** at.% of C at {@code index}. */
  public int c(int index) {
    return 100 - amountA[index] - amountB[index];
  }

  /** A fresh array of the at.% of A, B, C at {@code index}. */
  public int[] atPercent(int index) {
    return new int[] {amountA[index], amountB[index], c(index)};
  }

  /** Whether all three elements are present at {@code index}. */
  public boolean isInterior(int index) {
    return amountA[index] > 0 && amountB[index] > 0 && c(index) > 0;
  }

  /** The indices of the interior points, ascending. */
  public int[] interiorIndices() {
    int[] out = new int[interiorCount()];
    int k = 0;
    for (int i = 0; i < size(); i++) {
      if (isInterior(i)) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** The point at {@code index}. */
  public GridPoint point(int index) {
    return new GridPoint(index, atPercent(index), isInterior(index), composition(index));
  }

  /** The composition at {@code index}, zero amounts dropped. */
  public Composition composition(int index) {
    return compositions().get(index);
  }

  /** The composition of every point in grid order; built once. */
  public List<Composition> compositions() {
    List<Composition> list = compositions;
    if (list == null) {
      synchronized (this) {
        list = compositions;
        if (list == null) {
          Element[] elements = {system.a(), system.b(), system.c()};
          List<Composition> built = new ArrayList<>(size());
          for (int i = 0; i < size(); i++) {
            built.add(Composition.of(elements, new double[] {amountA[i], amountB[i], c(i)}));
          }
          list = List.copyOf(built);
          compositions = list;
        }
      }
    }
    return list;
  }

  /** Whether A = {@code a}, B = {@code b} at.% (C the rest) is a point of this grid. */
  public boolean contains(int a, int b) {
    return a >= 0 && b >= 0 && a + b <= 100 && a % step == 0 && b % step == 0;
  }

  /**
   * The index of the point with A = {@code a} and B = {@code b} at.% (C = 100 - a - b), in
   * constant time. Refuses, with an {@link IllegalArgumentException}, amounts that are not a
   * point of this grid (see {@link #contains(int, int)}).
   */
  public int indexOf(int a, int b) {
    if (!contains(a, b)) {
      throw new IllegalArgumentException(system.a() + "" + a + " " + system.b() + b + " " + system.c() + (100 - a - b)
          + " is not a point of the " + step + " at.% grid");
    }
    int i = a / step;
    return i * (n + 1) - i * (i - 1) / 2 + b / step;
  }

  /**
   * The index of {@code alloy} if it is a point of this grid: no elements outside the system and
   * amounts that are multiples of the step (within 1e-6 at.%). Empty otherwise.
   */
  public OptionalInt find(Composition alloy) {
    for (int i = 0; i < alloy.size(); i++) {
      if (!system.contains(alloy.element(i))) {
        return OptionalInt.empty();
      }
    }
    double a = alloy.fractionOf(system.a()) * 100;
    double b = alloy.fractionOf(system.b()) * 100;
    long ra = Math.round(a);
    long rb = Math.round(b);
    if (Math.abs(a - ra) > 1e-6 || Math.abs(b - rb) > 1e-6 || !contains((int) ra, (int) rb)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(indexOf((int) ra, (int) rb));
  }

  /**
   * The grid points one step away in each of the six lattice directions, (+1,-1,0), (-1,+1,0),
   * (+1,0,-1), (-1,0,+1), (0,+1,-1), (0,-1,+1) times the step, in that order, leaving out those
   * off the grid: six for an interior point, four on an edge, two at a corner. Indices are
   * returned, not copies of the points.
   */
  public int[] neighbours(int index) {
    int a = amountA[index];
    int b = amountB[index];
    int c = 100 - a - b;
    int[] out = new int[6];
    int k = 0;
    for (int[] d : DIRECTIONS) {
      int na = a + d[0] * step;
      int nb = b + d[1] * step;
      int nc = c + d[2] * step;
      if (na >= 0 && nb >= 0 && nc >= 0) {
        out[k++] = indexOf(na, nb);
      }
    }
    return k == 6 ? out : Arrays.copyOf(out, k);
  }

  /**
   * The points {@code step} at.% away from {@code atPercent} (A, B, C summing to 100) in the six
   * lattice directions, in the order of {@link #neighbours(int)}, keeping only those where all
   * three elements are present: the alloys around a candidate on a coarser lattice (docs/method.md §6,
   * 5 at.% in the paper). The point itself need not lie on that lattice.
   */
  public static List<int[]> latticeNeighbours(int[] atPercent, int step) {
    if (atPercent.length != 3) {
      throw new IllegalArgumentException("a ternary point has 3 amounts, not " + atPercent.length);
    }
    if (atPercent[0] < 0 || atPercent[1] < 0 || atPercent[2] < 0 || atPercent[0] + atPercent[1] + atPercent[2] != 100) {
      throw new IllegalArgumentException("amounts " + Arrays.toString(atPercent) + " are not at.% >= 0 summing to 100");
    }
    if (step < 1 || step > 100) {
      throw new GfaInputException("lattice step " + step + " is outside 1..100 at.%");
    }
    List<int[]> out = new ArrayList<>(6);
    for (int[] d : DIRECTIONS) {
      int[] p = {atPercent[0] + d[0] * step, atPercent[1] + d[1] * step, atPercent[2] + d[2] * step};
      if (p[0] > 0 && p[1] > 0 && p[2] > 0) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "TernaryGrid[" + system + ", step " + step + " at.%, " + size() + " points]";
  }
}

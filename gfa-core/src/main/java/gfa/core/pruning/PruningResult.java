package gfa.core.pruning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * What {@link Pruning#prune} kept: the kept row indices in their original order, the category of
 * every input row, and per category how many rows there were and how many were removed. An
 * immutable value; arrays are copied out.
 */
public final class PruningResult {
  private static final PruningCategory[] CATEGORIES = PruningCategory.values();

  private final TernarySystem system;
  private final PruningLevel level;
  private final PruningCategory[] categories;
  private final int[] keptRows;
  private final int[] total = new int[CATEGORIES.length];
  private final int[] removed = new int[CATEGORIES.length];

  /** {@code categories[r]} is the category of input row r; takes ownership of the array. */
  PruningResult(TernarySystem system, PruningLevel level, PruningCategory[] categories) {
    this.system = system;
    this.level = level;
    this.categories = categories;
    int kept = 0;
    for (PruningCategory c : categories) {
      total[c.ordinal()]++;
      if (level.removes(c)) {
        removed[c.ordinal()]++;
      } else {
        kept++;
      }
    }
    keptRows = new int[kept];
    for (int r = 0, k = 0; r < categories.length; r++) {
      if (!level.removes(categories[r])) {
        keptRows[k++] = r;
      }
    }
  }

  public TernarySystem system() {
    return system;
  }

  public PruningLevel level() {
    return level;
  }

  /** Number of input rows. */
  public int inputCount() {
    return categories.length;
  }

  /** Number of rows kept. */
  public int keptCount() {
    return keptRows.length;
  }

  /** Number of rows removed. */
  public int removedCount() {
    return categories.length - keptRows.length;
  }

  /** The kept rows (0-based indices into the input list), ascending; a fresh array. */
  public int[] keptRows() {
    return keptRows.clone();
  }

  /** The rows removed, ascending; a fresh array. */
  public int[] removedRows() {
    int[] out = new int[removedCount()];
    for (int r = 0, k = 0; r < categories.length; r++) {
      if (level.removes(categories[r])) {
        out[k++] = r;
      }
    }
    return out;
  }

  /** Whether input row {@code row} is kept. */
  public boolean isKept(int row) {
    return !level.removes(categories[row]);
  }

  /** The category of input row {@code row}. */
  public PruningCategory category(int row) {
    return categories[row];
  }

  /** How many input rows fall in category {@code c}. */
  public int total(PruningCategory c) {
    return total[c.ordinal()];
  }

  /** How many rows of category {@code c} were removed: all of them or none, by level. */
  public int removed(PruningCategory c) {
    return removed[c.ordinal()];
  }

  /** The kept entries of a list parallel to the input (e.g. target values' rows), in order. */
  public <T> List<T> select(List<T> parallel) {
    if (parallel.size() != categories.length) {
      throw new IllegalArgumentException("list of " + parallel.size() + " for " + categories.length + " pruned rows");
    }
    List<T> out = new ArrayList<>(keptRows.length);
    for (int r : keptRows) {
      out.add(parallel.get(r));
    }
    return out;
  }

  /** The kept entries of an array parallel to the input, in order. */
  public double[] select(double[] parallel) {
    if (parallel.length != categories.length) {
      throw new IllegalArgumentException("array of " + parallel.length + " for " + categories.length + " pruned rows");
    }
    double[] out = new double[keptRows.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = parallel[keptRows[k]];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PruningResult p && system.equals(p.system) && level.equals(p.level)
        && Arrays.equals(categories, p.categories);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * system.hashCode() + level.hashCode()) + Arrays.hashCode(categories);
  }

  /** E.g. {@code Zr-Al-Cu level 3: kept 5532 of 6398; removed (iii) 771, (iv) 60, (v) 35}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", system + " level " + level.level() + ": kept " + keptCount() + " of "
        + inputCount() + "; removed ", "");
    for (PruningCategory c : level.removedCategories()) {
      j.add(c.label() + " " + removed(c));
    }
    return j.toString();
  }
}

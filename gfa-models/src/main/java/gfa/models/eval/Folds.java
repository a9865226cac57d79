package gfa.models.eval;

import gfa.core.GfaInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A partition of row indices into k validation folds. The same folds serve tuning, fusion and
 * evaluation, so all four models see the same splits (their out-of-fold predictions can then be
 * fused without refitting).
 */
public final class Folds {
  private final int rows;
  private final int[][] validation;
  private final int[][] training;
  private final String kind;

  private Folds(int rows, int[][] validation, String kind) {
    this.rows = rows;
    this.validation = validation;
    this.kind = kind;
    this.training = new int[validation.length][];
    for (int f = 0; f < validation.length; f++) {
      boolean[] held = new boolean[rows];
      for (int i : validation[f]) {
        held[i] = true;
      }
      int[] train = new int[rows - validation[f].length];
      int t = 0;
      for (int i = 0; i < rows; i++) {
        if (!held[i]) {
          train[t++] = i;
        }
      }
      training[f] = train;
    }
  }

  /**
   * Shuffled k-fold: a seeded permutation cut into k consecutive folds, the first {@code rows % k}
   * one row larger (scikit-learn's KFold layout).
   */
  public static Folds shuffled(int rows, int k, long seed) {
    if (k < 2) {
      throw new GfaInputException("folds must be at least 2, got " + k);
    }
    if (rows < k) {
      throw new GfaInputException("only " + rows + " rows for " + k + " folds: need at least one row per fold");
    }
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    int[][] validation = new int[k][];
    int start = 0;
    for (int f = 0; f < k; f++) {
      int size = rows / k + (f < rows % k ? 1 : 0);
      validation[f] = java.util.Arrays.copyOfRange(order, start, start + size);
      java.util.Arrays.sort(validation[f]);
      start += size;
    }
    return new Folds(rows, validation, "random " + k + "-fold");
  }

  /**
   * Folds that hold out whole groups (e.g. alloy systems): groups are assigned greedily, largest
   * first, to the currently smallest fold, after a seeded shuffle that breaks ties.
   */
  public static Folds byGroup(String[] groups, int k, long seed) {
    int rows = groups.length;
    java.util.Map<String, List<Integer>> members = new java.util.TreeMap<>();
    for (int i = 0; i < rows; i++) {
      members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
    }
    if (members.size() < k) {
      throw new GfaInputException("only " + members.size() + " groups for " + k + " folds");
    }
    List<List<Integer>> list = new ArrayList<>(members.values());
    java.util.Collections.shuffle(list, new java.util.Random(seed));
    list.sort((a, b) -> Integer.compare(b.size(), a.size())); // stable: shuffled order breaks ties
    List<List<Integer>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    for (List<Integer> group : list) {
      List<Integer> smallest = folds.get(0);
      for (List<Integer> fold : folds) {
        if (fold.size() < smallest.size()) {
          smallest = fold;
        }
      }
      smallest.addAll(group);
    }
    int[][] validation = new int[k][];
    for (int f = 0; f < k; f++) {
      validation[f] = folds.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return new Folds(rows, validation, "leave-system-out " + k + "-fold");
  }

  public int count() {
    return validation.length;
  }

  public int rows() {
    return rows;
  }

  public int[] validation(int fold) {
    return validation[fold].clone();
  }

  public int[] training(int fold) {
    return training[fold].clone();
  }

  /** A description such as "random 5-fold". */
  public String kind() {
    return kind;
  }

  /** Whether {@code other} splits the same rows into the same folds, in the same order. */
  public boolean sameAs(Folds other) {
    return other != null && rows == other.rows && kind.equals(other.kind) && java.util.Arrays.deepEquals(validation, other.validation);
  }
}

package gfa.core.pruning;

import gfa.core.Composition;
import gfa.core.ElementSet;
import java.util.List;
import java.util.Objects;

/**
 * Removes from a training set the alloys related to a target ternary system, by category
 * (docs/method.md §5). Pure computation on compositions: reading and writing the data is the caller's.
 *
 * <p>With the published {@code features_trainset_all.csv} this reproduces the published
 * subsets for Zr-Al-Cu and Mg-Zn-Ca row for row at all five levels; the published La-Al-C,
 * Co-Ta-B and Ir-Ni-Ta subsets differ by a few rows from the rule, which gfa follows
 * (see {@code docs/pruning.md}).
 */
public final class Pruning {
  private Pruning() {}

  /**
   * The rows of {@code compositions} to keep for {@code system} at {@code level}, in their
   * original order, with the number of alloys in each category and how many were removed.
   */
  public static PruningResult prune(List<Composition> compositions, TernarySystem system, PruningLevel level) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(level, "level");
    ElementSet target = system.elementSet();
    PruningCategory[] categories = new PruningCategory[compositions.size()];
    int i = 0;
    for (Composition c : compositions) {
      categories[i++] = PruningCategory.classify(c.elementSet(), target);
    }
    return new PruningResult(system, level, categories);
  }

  /** The category of every composition relative to {@code system}, in order. */
  public static PruningCategory[] classify(List<Composition> compositions, TernarySystem system) {
    ElementSet target = system.elementSet();
    PruningCategory[] out = new PruningCategory[compositions.size()];
    int i = 0;
    for (Composition c : compositions) {
      out[i++] = PruningCategory.classify(c.elementSet(), target);
    }
    return out;
  }
}

package gfa.models.eval;

import gfa.core.Composition;
import java.util.HashSet;
import java.util.List;

/**
 * The alloy system of each row: its element set, written as the symbols in order of atomic number
 * joined by '-' ({@code Zr41 Al9 Cu50} and {@code Cu46 Zr46 Al8} are both {@code Al-Cu-Zr}). The
 * groups of leave-system-out cross-validation ({@link Folds#byGroup}) and of per-system errors:
 * only the elements count, never the amounts, as in the pruning categories.
 */
public final class SystemGroups {
  private SystemGroups() {}

  /** The system of every composition, in order. */
  public static String[] of(List<Composition> compositions) {
    String[] out = new String[compositions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compositions.get(i).elementSet().toString();
    }
    return out;
  }

  /** The number of distinct systems. */
  public static int count(String[] groups) {
    return new HashSet<>(List.of(groups)).size();
  }
}

package gfa.core.pruning;

import gfa.core.GfaInputException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * How much of the training set related to the target system is removed: the paper's subdatasets
 * 1..5 (docs/method.md §5). Each level removes the categories of the one before and one more:
 *
 * <table>
 *   <caption>Categories removed per level</caption>
 *   <tr><th>level</th><th>removes</th><th>published file</th></tr>
 *   <tr><td>1</td><td>(v)</td><td>{@code features_trainset_No<System>5.csv}</td></tr>
 *   <tr><td>2</td><td>(v), (iv)</td><td>{@code ...4.csv}</td></tr>
 *   <tr><td>3</td><td>(v), (iv), (iii)</td><td>{@code ...3.csv}</td></tr>
 *   <tr><td>4</td><td>(v), (iv), (iii), (ii)</td><td>{@code ...2.csv}</td></tr>
 *   <tr><td>5</td><td>(v), (iv), (iii), (ii), (i)</td><td>{@code ...1.csv}</td></tr>
 * </table>
 *
 * <p>Level 3 is the paper's recommendation, {@link #RECOMMENDED}: it predicts each system as an
 * unexplored one, keeping only what is known about single elements and binaries of the system.
 *
 * @param level 1..5
 */
public record PruningLevel(int level) {
  public static final int MIN = 1;
  public static final int MAX = 5;
  /** Level 3, the paper's recommendation ("predict each system as an unexplored one"). */
  public static final PruningLevel RECOMMENDED = new PruningLevel(3);

  /** Refuses levels outside 1..5 with a {@link GfaInputException}. */
  public PruningLevel {
    if (level < MIN || level > MAX) {
      throw new GfaInputException("pruning level " + level + " is outside 1..5 (1 removes only the ternary itself, "
          + "5 removes every alloy containing one of its elements; 3 is the paper's recommendation)");
    }
  }

  /** The level {@code level}, 1..5. */
  public static PruningLevel of(int level) {
    return new PruningLevel(level);
  }

  /** Reads {@code 1}..{@code 5} as typed on a command line; anything else is refused naming the text. */
  public static PruningLevel parse(String text) {
    String t = text == null ? "" : text.strip();
    if (!t.matches("[+-]?\\d{1,9}")) {
      throw new GfaInputException("pruning level '" + (text == null ? "" : text.replaceAll("\\p{Cntrl}", "?"))
          + "' is not a whole number 1..5");
    }
    return new PruningLevel(Integer.parseInt(t));
  }

  /**
   * Reads a list of levels: one level ({@code 3}), a range ({@code 1-5}), or a comma list of both
   * ({@code 1,3,5}, {@code 1-3,5}). Returns them ascending. Refuses, with a one-line
   * {@link GfaInputException} quoting the text, an empty list or item, a level outside 1..5, a
   * range written backwards ({@code 5-1}) and a level given twice.
   */
  public static java.util.List<PruningLevel> parseList(String text) {
    String t = text == null ? "" : text.strip();
    String quoted = "levels '" + t.replaceAll("\\p{Cntrl}", "?") + "'";
    if (t.isEmpty()) {
      throw new GfaInputException("levels are empty; write e.g. 1-5, 3 or 1,3,5");
    }
    java.util.TreeSet<Integer> seen = new java.util.TreeSet<>();
    for (String item : t.split(",", -1)) {
      String part = item.strip();
      if (part.isEmpty()) {
        throw new GfaInputException(quoted + " has an empty item; write e.g. 1-5, 3 or 1,3,5");
      }
      int dash = part.indexOf('-', 1);
      int from;
      int to;
      try {
        from = (dash < 0 ? parse(part) : parse(part.substring(0, dash))).level();
        to = dash < 0 ? from : parse(part.substring(dash + 1)).level();
      } catch (GfaInputException e) {
        throw new GfaInputException(quoted + ": " + e.getMessage());
      }
      if (to < from) {
        throw new GfaInputException(quoted + ": range " + part + " runs backwards; write " + to + "-" + from);
      }
      for (int level = from; level <= to; level++) {
        if (!seen.add(level)) {
          throw new GfaInputException(quoted + " names level " + level + " twice");
        }
      }
    }
    return seen.stream().map(PruningLevel::new).toList();
  }

  /** All five levels, 1..5. */
  public static PruningLevel[] all() {
    PruningLevel[] out = new PruningLevel[MAX];
    for (int i = 0; i < MAX; i++) {
      out[i] = new PruningLevel(i + MIN);
    }
    return out;
  }

  /** The categories this level removes, in enum order; an unmodifiable set. */
  public Set<PruningCategory> removedCategories() {
    EnumSet<PruningCategory> out = EnumSet.noneOf(PruningCategory.class);
    for (PruningCategory c : PruningCategory.values()) {
      if (removes(c)) {
        out.add(c);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** Whether alloys of category {@code c} are removed at this level. */
  public boolean removes(PruningCategory c) {
    // (v) has ordinal 5 and is removed from level 1; (i) has ordinal 1 and is removed at level 5.
    return c != PruningCategory.UNRELATED && c.ordinal() >= PruningCategory.values().length - level;
  }

  /**
   * The number n in the published file name {@code features_trainset_No<System>n.csv}, which
   * counts the other way: 6 - level.
   */
  public int publishedFileNumber() {
    return MAX + 1 - level;
  }

  /** E.g. {@code level 3 (removes (iii), (iv), (v))}. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "level " + level + " (removes ", ")");
    for (PruningCategory c : removedCategories()) {
      j.add(c.label());
    }
    return j.toString();
  }
}

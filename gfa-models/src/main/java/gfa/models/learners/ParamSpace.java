package gfa.models.learners;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learner's hyperparameter search space, exactly as docs/method.md §4 declares it: one {@link QRange}
 * per tuned parameter, in the paper's order. A search maps each range to its own parameter type;
 * the learner accepts any point of the space (and values outside it, where the library does).
 *
 * @param ranges the ranges, names unique
 */
public record ParamSpace(List<QRange> ranges) {
  public ParamSpace {
    ranges = List.copyOf(ranges);
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one range");
    }
    Set<String> seen = new HashSet<>();
    for (QRange range : ranges) {
      if (!seen.add(range.name())) {
        throw new IllegalArgumentException("range '" + range.name() + "' is declared twice");
      }
    }
  }

  /** A space of the given ranges, in this order. */
  public static ParamSpace of(QRange... ranges) {
    return new ParamSpace(List.of(ranges));
  }

  /** The parameter names, in declaration order. */
  public List<String> names() {
    return ranges.stream().map(QRange::name).toList();
  }

  /** The range called {@code name}; throws if there is none. */
  public QRange range(String name) {
    for (QRange range : ranges) {
      if (range.name().equals(name)) {
        return range;
      }
    }
    throw new IllegalArgumentException("no parameter '" + name + "' in " + names());
  }

  /**
   * Whether {@code point} is a point of this space: a numeric value on the grid of every range, and
   * no other keys.
   */
  public boolean contains(Map<String, ?> point) {
    if (!point.keySet().equals(Set.copyOf(names()))) {
      return false;
    }
    for (QRange range : ranges) {
      if (!(point.get(range.name()) instanceof Number number) || !range.contains(number.doubleValue())) {
        return false;
      }
    }
    return true;
  }
}

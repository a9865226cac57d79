package gfa.models.simulation;

import gfa.core.GfaInputException;
import gfa.core.ternary.Acquisition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a simulated campaign chooses its next castings: {@code random} (the baseline a lab without a
 * model has), or one of gfa's acquisition functions ({@link Acquisition}: {@code top} is the
 * paper's rule).
 *
 * @param id the name on the command line
 * @param acquisition the acquisition function; null for {@code random}
 */
public record Strategy(String id, Acquisition acquisition) {
  public static final Strategy RANDOM = new Strategy("random", null);

  /** Every strategy, random first, then the acquisitions in their declared order. */
  public static List<Strategy> all() {
    List<Strategy> out = new ArrayList<>();
    out.add(RANDOM);
    for (Acquisition a : Acquisition.values()) {
      out.add(new Strategy(a.id(), a));
    }
    return out;
  }

  /** Whether the strategy asks a model (every one except {@code random}). */
  public boolean usesModel() {
    return acquisition != null;
  }

  /** A comma-separated list such as {@code random,top,ucb}; refuses an unknown name and a repeated one. */
  public static List<Strategy> parseList(List<String> names) {
    List<Strategy> out = new ArrayList<>();
    for (String raw : names) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      Strategy found = all().stream().filter(s -> s.id().equals(name)).findFirst().orElseThrow(() -> new GfaInputException(
          "unknown strategy '" + raw.trim() + "'; use one of " + String.join(", ", all().stream().map(Strategy::id).toList())));
      if (out.contains(found)) {
        throw new GfaInputException("strategy " + found.id() + " is named twice; give each once");
      }
      out.add(found);
    }
    if (out.isEmpty()) {
      throw new GfaInputException("no strategy given");
    }
    return out;
  }

  @Override
  public String toString() {
    return id;
  }
}

package gfa.core.campaign;

import gfa.core.Composition;
import java.util.Locale;
import java.util.Objects;

/**
 * A proposed alloy the lab reports as not cast (an element out of stock, a furnace failure): it
 * gives no label, so it stays unmeasured and enters no training data, and it is no longer pending,
 * so a later round may propose it again. In a results file it is a row whose outcome is
 * {@value #OUTCOME}.
 *
 * @param composition the alloy
 * @param note free text from the lab, empty when none
 */
public record NotCast(Composition composition, String note) {
  /** The outcome cell of a results row that reports an alloy as not cast. */
  public static final String OUTCOME = "not-cast";

  public NotCast {
    Objects.requireNonNull(composition, "composition");
    note = note == null ? "" : note;
  }

  /** Whether an outcome cell says {@value #OUTCOME} (case and surrounding spaces ignored). */
  public static boolean isNotCast(String outcomeCell) {
    return outcomeCell != null && outcomeCell.strip().toLowerCase(Locale.ROOT).equals(OUTCOME);
  }
}

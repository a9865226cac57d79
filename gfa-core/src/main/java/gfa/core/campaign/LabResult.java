package gfa.core.campaign;

import gfa.core.Composition;
import gfa.core.dataset.Labels;
import gfa.core.dataset.Outcome;
import java.util.Objects;

/**
 * One alloy the lab made and what came of it.
 *
 * @param composition the alloy as cast
 * @param outcome crystalline, ribbon or bmg
 * @param dmaxMm the glassy rod diameter for a bmg, NaN when none was given
 * @param note free text from the lab, empty when none
 */
public record LabResult(Composition composition, Outcome outcome, double dmaxMm, String note) {

  public LabResult {
    Objects.requireNonNull(composition, "composition");
    Objects.requireNonNull(outcome, "outcome");
    note = note == null ? "" : note;
    Labels.dmax(outcome, dmaxMm); // refuses a bmg without a diameter, or a contradicting one
  }

  /** The training label of docs/method.md §1: 0, 0.2 mm or the rod diameter. */
  public double label() {
    return Labels.dmax(outcome, dmaxMm);
  }
}

package gfa.features;

import gfa.core.Composition;
import java.util.List;

/**
 * One family of composition descriptors (as a matminer featurizer is): it knows the names of the
 * columns it produces, whom to cite for them, and computes them as a pure function of a
 * composition.
 */
public interface DescriptorFamily {
  /** Short name of the family, e.g. {@code "AtomicPackingEfficiency"}. */
  String name();

  /** Column names, exactly as the published files spell them, in output order. */
  List<String> columns();

  /** The primary reference for these descriptors. */
  String citation();

  /**
   * Writes {@code columns().size()} values for {@code composition} into {@code out}, starting at
   * {@code offset}. Throws {@link gfa.core.GfaInputException} when an element lacks the data needed.
   */
  void compute(Composition composition, double[] out, int offset);
}

package gfa.features;

import gfa.core.Composition;
import gfa.core.data.MiedemaVersion;
import java.util.List;

/** Computes a preset's descriptor columns for compositions. Thread-safe; featurises in parallel. */
public final class Featurizer {
  // STUB: the real implementation is being written; signatures are stable.

  public static Featurizer of(Preset preset, MiedemaVersion miedema) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Output column names in order. */
  public List<String> columns() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The descriptor families used, for listing columns with their citations. */
  public List<DescriptorFamily> families() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** One row of descriptors. */
  public double[] featurize(Composition composition) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Rows for many compositions, in parallel on all cores. A {@link gfa.core.GfaInputException}
   * raised for row i is rethrown prefixed with {@code "row " + (i + 1)}.
   */
  public double[][] featurizeAll(List<Composition> compositions) {
    throw new UnsupportedOperationException("not yet implemented");
  }
}

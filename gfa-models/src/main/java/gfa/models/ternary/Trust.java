package gfa.models.ternary;

import gfa.core.GfaInputException;
import gfa.models.uncertainty.CalibrationRecord;

/**
 * How sure a map is: the model's calibration (from leave-system-out residuals, see docs/trust.md)
 * with the interval level and the BMG threshold the user asked for.
 *
 * @param level nominal coverage of the central interval, in (0, 1) (--interval 90 gives 0.9)
 * @param bmgThreshold the D_max (mm) above which an alloy counts as a bulk glass, for p_bmg
 * @param knownDescriptors the raw descriptor rows of the calibration's alloys as saved with the
 *     model ({@link gfa.models.uncertainty.KnownDescriptors}), or null to featurise them
 */
public record Trust(CalibrationRecord calibration, double level, double bmgThreshold, double[][] knownDescriptors) {
  /** A trust whose known alloys are featurised when a report needs them. */
  public Trust(CalibrationRecord calibration, double level, double bmgThreshold) {
    this(calibration, level, bmgThreshold, null);
  }

  public Trust {
    if (!(level > 0 && level < 1)) {
      throw new GfaInputException("--interval must be between 0 and 100 %, exclusive, not " + 100 * level);
    }
    if (!(bmgThreshold > 0) || Double.isInfinite(bmgThreshold)) {
      throw new GfaInputException("--bmg-threshold must be a positive number of mm, not " + bmgThreshold);
    }
  }
}

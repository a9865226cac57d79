package gfa.core.dataset;

import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;

/**
 * The label rule of METHOD §1: the regression target D_max (mm) of an experiment. A crystalline
 * alloy is 0 mm, a glassy ribbon 0.2 mm (the thickness melt spinning reaches), a bulk glass its
 * reported critical casting diameter.
 */
public final class Labels {
  public static final double CRYSTALLINE_DMAX_MM = 0.0;
  public static final double RIBBON_DMAX_MM = 0.2;

  private Labels() {}

  /**
   * D_max for an outcome. {@code diameterMm} is the reported diameter, or NaN when none is given.
   * A bulk glass needs a finite diameter above 0. A crystalline or ribbon result takes its value
   * from the rule; a diameter given with it must agree (0 or 0.2), because a contradicting number
   * means one of the two columns is wrong and choosing either would be a guess.
   */
  public static double dmax(Outcome outcome, double diameterMm) {
    boolean given = !Double.isNaN(diameterMm);
    switch (outcome) {
      case BMG -> {
        if (!given) {
          throw new GfaInputException("outcome bmg needs the glassy rod diameter in mm (dmax_mm)");
        }
        if (!(diameterMm > 0) || Double.isInfinite(diameterMm)) {
          throw new GfaInputException("outcome bmg needs a diameter > 0 mm, not " + CsvTable.formatNumber(diameterMm));
        }
        return diameterMm;
      }
      case RIBBON -> {
        return ruleValue(outcome, RIBBON_DMAX_MM, diameterMm, given);
      }
      default -> {
        return ruleValue(outcome, CRYSTALLINE_DMAX_MM, diameterMm, given);
      }
    }
  }

  private static double ruleValue(Outcome outcome, double rule, double diameterMm, boolean given) {
    if (given && diameterMm != rule) {
      throw new GfaInputException("outcome " + outcome + " means D_max " + CsvTable.formatNumber(rule)
          + " mm, but dmax_mm is " + CsvTable.formatNumber(diameterMm) + "; leave dmax_mm empty or correct the outcome");
    }
    return rule;
  }
}

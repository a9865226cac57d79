package gfa.core.dataset;

import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;

/**
 * The label rule of docs/method.md §1: the regression target D_max (mm) of an experiment. A crystalline
 * alloy is 0 mm, a glassy ribbon 0.2 mm (the thickness melt spinning reaches), a bulk glass its
 * reported critical casting diameter.
 */
public final class Labels {
  public static final double CRYSTALLINE_DMAX_MM = 0.0;
  public static final double RIBBON_DMAX_MM = 0.2;

  /**
   * Default upper bound on a D_max read from a data or results file, in mm. The largest bulk
   * glass reported is about 80 mm (the published training set stops at 10 mm), so a larger value
   * is a unit or typing error (1e30 mm once reached XGBoost as a crash); commands let a user raise
   * it ({@code --max-dmax}).
   */
  public static final double DEFAULT_MAX_DMAX_MM = 100.0;

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

  /** Refuses a diameter above {@code maxMm}; {@code column} names it in the message. */
  public static void checkBound(String column, String written, double diameterMm, double maxMm) {
    if (diameterMm > maxMm) {
      throw new GfaInputException(column + " '" + gfa.core.Excerpt.of(written) + "' mm is above " + CsvTable.formatNumber(maxMm)
          + " mm, beyond any bulk glass reported (the largest is about 80 mm); check the units, or raise the bound with --max-dmax");
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

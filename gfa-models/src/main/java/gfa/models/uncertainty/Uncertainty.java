package gfa.models.uncertainty;

/**
 * The uncertainty of one prediction: a central interval of D_max (mm, never below 0) and the
 * probability that D_max reaches the BMG threshold, both read from the same calibrated predictive
 * distribution.
 *
 * @param lower {@code predicted_D_max_lower}; 0 when the interval reaches below 0
 * @param upper {@code predicted_D_max_upper}; +infinity when too few calibration rows back it
 * @param pBmg {@code p_bmg}, P(D_max >= threshold)
 */
public record Uncertainty(double lower, double upper, double pBmg) {
  public boolean covers(double dmax) {
    return dmax >= lower && dmax <= upper;
  }
}

package gfa.core.ternary;

import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a point of the grid is scored for casting (docs/method.md §9, docs/acquisition.md). Each function
 * reads the prediction at a point: the mean D_max μ (mm), its standard deviation σ (mm) and the
 * probability p_bmg that D_max ≥ the mould size. Higher is better for every one.
 *
 * <ul>
 *   <li>{@link #TOP}: μ, the paper's rule (the default, for reproduction).
 *   <li>{@link #UCB}: μ + κσ, optimism in the face of uncertainty.
 *   <li>{@link #EI}: expected improvement over the best D_max measured in the campaign,
 *       {@code (μ - best) Φ(z) + σ φ(z)} with {@code z = (μ - best) / σ}; {@code max(μ - best, 0)} where σ = 0.
 *   <li>{@link #PBMG}: p_bmg, the chance of a bulk glass at all.
 *   <li>{@link #EXPLORE}: σ, the largest uncertainty.
 * </ul>
 */
public enum Acquisition {
  TOP("top", false, false),
  UCB("ucb", true, false),
  EI("ei", true, false),
  PBMG("pbmg", false, true),
  EXPLORE("explore", true, false);

  /**
   * κ of {@link #UCB} by default: 1, the upper end of a central 68 % interval. The model's error in
   * an unseen system is about as large as the signal (~1 mm), so κ = 2 would rank almost by σ
   * alone, which is what {@link #EXPLORE} is for.
   */
  public static final double DEFAULT_KAPPA = 1.0;

  /**
   * What the functions need besides the predictions.
   *
   * @param kappa κ of {@link #UCB}, finite and ≥ 0
   * @param bestMeasured the best D_max label measured so far in the campaign for {@link #EI}, mm;
   *     0 when nothing has been measured (see {@link #bestMeasured(double[])})
   */
  public record Parameters(double kappa, double bestMeasured) {
    public Parameters {
      if (!(Double.isFinite(kappa) && kappa >= 0)) {
        throw new GfaInputException("kappa " + kappa + " is not a finite number >= 0");
      }
      if (!Double.isFinite(bestMeasured)) {
        throw new IllegalArgumentException("best measured D_max " + bestMeasured + " is not finite");
      }
    }

    /** κ = {@link #DEFAULT_KAPPA}, nothing measured yet. */
    public static Parameters defaults() {
      return new Parameters(DEFAULT_KAPPA, 0);
    }
  }

  private final String id;
  private final boolean needsSigma;
  private final boolean needsPBmg;

  Acquisition(String id, boolean needsSigma, boolean needsPBmg) {
    this.id = id;
    this.needsSigma = needsSigma;
    this.needsPBmg = needsPBmg;
  }

  /** The name on the command line: top, ucb, ei, pbmg or explore. */
  public String id() {
    return id;
  }

  /** Whether the function reads σ. */
  public boolean needsSigma() {
    return needsSigma;
  }

  /** Whether the function reads p_bmg. */
  public boolean needsPBmg() {
    return needsPBmg;
  }

  /** Reads a name (case-insensitive, spaces ignored); an unknown one is a one-line error listing the valid ones. */
  public static Acquisition parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Acquisition a : values()) {
      if (a.id.equals(t)) {
        return a;
      }
    }
    throw new GfaInputException("unknown acquisition '" + (text == null ? "" : text.strip()) + "'; use one of "
        + Arrays.stream(values()).map(Acquisition::id).collect(Collectors.joining(", ")));
  }

  /**
   * The best D_max label measured in the campaign, the incumbent of {@link #EI}: the largest of
   * {@code labels}, and 0 when there is none. 0 mm is the label of a crystalline alloy (docs/method.md §1),
   * so a campaign that has measured nothing and one whose castings were all crystalline ask the
   * same question: where is any glass? (Taking the largest prediction instead would make EI
   * explore against the model's own optimism before a single casting.)
   */
  public static double bestMeasured(double[] labels) {
    double best = 0;
    for (double l : labels) {
      best = Math.max(best, l);
    }
    return best;
  }

  /**
   * The score of every point. {@code mean} is required; {@code sigma} (≥ 0) and {@code pBmg}
   * (0..1) only when the function reads them, and may be null otherwise. Arrays must have one
   * value per point and be finite. A function whose input is missing is a one-line
   * {@link GfaInputException}: the model gives no uncertainty.
   */
  public double[] scores(double[] mean, double[] sigma, double[] pBmg, Parameters p) {
    check(mean, sigma, pBmg);
    double[] out = new double[mean.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (this) {
        case TOP -> mean[i];
        case UCB -> mean[i] + p.kappa() * sigma[i];
        case EI -> expectedImprovement(mean[i], sigma[i], p.bestMeasured());
        case PBMG -> pBmg[i];
        case EXPLORE -> sigma[i];
      };
    }
    return out;
  }

  /** {@code (μ - best) Φ(z) + σ φ(z)}, z = (μ - best) / σ; {@code max(μ - best, 0)} when σ = 0. Never negative. */
  public static double expectedImprovement(double mean, double sigma, double best) {
    double gain = mean - best;
    if (sigma == 0) {
      return Math.max(gain, 0);
    }
    double z = gain / sigma;
    return Math.max(0, gain * normalCdf(z) + sigma * normalPdf(z));
  }

  /** The standard normal density φ(z). */
  public static double normalPdf(double z) {
    return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  /**
   * The standard normal distribution function Φ(z) = erfc(-z / √2) / 2, with erfc from the
   * Chebyshev fit of Numerical Recipes (§6.2; relative error below 1.2e-7 everywhere), ample for
   * ranking points.
   */
  public static double normalCdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  private static double erfc(double x) {
    double t = 1 / (1 + 0.5 * Math.abs(x));
    double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    double r = t * Math.exp(-x * x + poly);
    return x >= 0 ? r : 2 - r;
  }

  private void check(double[] mean, double[] sigma, double[] pBmg) {
    if (mean == null) {
      throw new IllegalArgumentException("no predicted means");
    }
    finite("mean", mean, mean.length, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    if (needsSigma) {
      if (sigma == null) {
        throw new GfaInputException("acquisition " + id + " needs the uncertainty of the predictions (sigma), which this model does not give");
      }
      finite("sigma", sigma, mean.length, 0, Double.POSITIVE_INFINITY);
    }
    if (needsPBmg) {
      if (pBmg == null) {
        throw new GfaInputException("acquisition " + id + " needs p_bmg, which this model does not give");
      }
      finite("p_bmg", pBmg, mean.length, 0, 1);
    }
  }

  private static void finite(String name, double[] values, int n, double lo, double hi) {
    if (values.length != n) {
      throw new IllegalArgumentException(values.length + " values of " + name + " for " + n + " points");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i]) || values[i] < lo || values[i] > hi) {
        throw new IllegalArgumentException(name + " " + CsvTable.formatNumber(values[i]) + " at point " + i + " is outside "
            + (Double.isInfinite(lo) ? "the finite numbers" : "[" + CsvTable.formatNumber(lo) + ", " + CsvTable.formatNumber(hi) + "]"));
      }
    }
  }
}

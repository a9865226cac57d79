package gfa.cli.plot;

import java.awt.Color;

/**
 * The viridis colour map: perceptually uniform, readable in grey and by colour-blind readers.
 *
 * <p>Source: matplotlib's {@code _cm_listed.py} ({@code _viridis_data}), by Nathaniel J. Smith,
 * Stefan van der Walt and Eric Firing (mpl-colormaps, released under CC0). The 17 stops below are
 * entries 0, 16, 32, ..., 240 and 255 of its 256-entry table, as sRGB fractions; colours between
 * stops are interpolated linearly, which stays within 1/255 of the full table.
 */
public final class Viridis {
  /** sRGB fractions at positions 0, 16/255, 32/255, ..., 240/255, 1. */
  private static final double[][] STOPS = {
      {0.267004, 0.004874, 0.329415}, //   0 #440154
      {0.282327, 0.094955, 0.417331}, //  16 #48186a
      {0.278826, 0.175490, 0.483397}, //  32 #472d7b
      {0.258965, 0.251537, 0.524736}, //  48 #424086
      {0.229739, 0.322361, 0.545706}, //  64 #3b528b
      {0.199430, 0.387607, 0.554642}, //  80 #33638d
      {0.172719, 0.448791, 0.557885}, //  96 #2c728e
      {0.149039, 0.508051, 0.557250}, // 112 #26828e
      {0.127568, 0.566949, 0.550556}, // 128 #21918c
      {0.120638, 0.625828, 0.533488}, // 144 #1fa088
      {0.157851, 0.683765, 0.501686}, // 160 #28ae80
      {0.246070, 0.738910, 0.452024}, // 176 #3fbc73
      {0.369214, 0.788888, 0.382914}, // 192 #5ec962
      {0.515992, 0.831158, 0.294279}, // 208 #84d44b
      {0.678489, 0.863742, 0.189503}, // 224 #addc30
      {0.845561, 0.887322, 0.099702}, // 240 #d8e219
      {0.993248, 0.906157, 0.143936}, // 255 #fde725
  };
  /** Table positions (0..255) of the stops. */
  private static final int[] POSITIONS = {0, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 255};

  /** Colours precomputed for 256 levels, so drawing a grid allocates nothing. */
  private static final Color[] LEVELS = new Color[256];

  static {
    for (int level = 0; level < 256; level++) {
      int k = 0;
      while (k < POSITIONS.length - 2 && level > POSITIONS[k + 1]) {
        k++;
      }
      double t = (level - POSITIONS[k]) / (double) (POSITIONS[k + 1] - POSITIONS[k]);
      double[] lo = STOPS[k];
      double[] hi = STOPS[k + 1];
      LEVELS[level] = new Color(channel(lo[0], hi[0], t), channel(lo[1], hi[1], t), channel(lo[2], hi[2], t));
    }
  }

  private Viridis() {}

  private static int channel(double lo, double hi, double t) {
    return (int) Math.round((lo + (hi - lo) * t) * 255);
  }

  /** The colour of {@code value} in [0, 1] (clamped; NaN as 0). */
  public static Color color(double value) {
    double v = value > 0 ? Math.min(value, 1) : 0;
    return LEVELS[(int) Math.round(v * 255)];
  }
}

package gfa.models.learners;

/** Seeds for the libraries, derived deterministically from the one seed a fit is given. */
final class Seeds {
  private Seeds() {}

  /**
   * The seed handed to a native library that takes a 32-bit (XGBoost, LightGBM) seed: the seed
   * itself for 0 <= seed < 2^31 - 1 (so that a run can be compared with Python's at the same
   * {@code random_state}), otherwise its residue modulo 2^31 - 1.
   */
  static int nativeSeed(long seed) {
    return (int) Math.floorMod(seed, (long) Integer.MAX_VALUE);
  }

  /** {@code count} well-mixed seeds (SplitMix64 of seed, seed + 1, ...), e.g. one per tree. */
  static long[] derive(long seed, int count) {
    long[] seeds = new long[count];
    for (int i = 0; i < count; i++) {
      seeds[i] = splitMix64(seed + i * 0x9E3779B97F4A7C15L);
    }
    return seeds;
  }

  private static long splitMix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

package gfa.features;

/**
 * Fraction-weighted statistics as matminer's {@code PropertyStats} computes them. The standard
 * deviation uses reliability weights, sqrt(sum w (v - mean)^2 * sum w / ((sum w)^2 - sum w^2)),
 * which for fractions summing to 1 is sqrt(sum c (v - mean)^2 / (1 - sum c^2)); a single element
 * has a deviation of 0 (the formula would divide by zero).
 */
final class WeightedStatistics {
  private WeightedStatistics() {}

  static double mean(double[] values, double[] weights, int n) {
    double sum = 0;
    double weight = 0;
    for (int i = 0; i < n; i++) {
      sum += weights[i] * values[i];
      weight += weights[i];
    }
    return sum / weight;
  }

  static double stdDev(double[] values, double[] weights, int n) {
    if (n == 1) {
      return 0;
    }
    double mean = mean(values, weights, n);
    double weight = 0;
    double weightSquares = 0;
    double deviation = 0;
    for (int i = 0; i < n; i++) {
      double d = values[i] - mean;
      deviation += weights[i] * d * d;
      weight += weights[i];
      weightSquares += weights[i] * weights[i];
    }
    double beta = weight / (weight * weight - weightSquares);
    return Math.sqrt(beta * deviation);
  }

  static double minimum(double[] values, int n) {
    double m = values[0];
    for (int i = 1; i < n; i++) {
      m = Math.min(m, values[i]);
    }
    return m;
  }

  static double maximum(double[] values, int n) {
    double m = values[0];
    for (int i = 1; i < n; i++) {
      m = Math.max(m, values[i]);
    }
    return m;
  }
}

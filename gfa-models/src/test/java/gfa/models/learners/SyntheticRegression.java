package gfa.models.learners;

import java.util.SplittableRandom;

/**
 * A small seeded regression problem: 300 rows of 5 standard-normal descriptors,
 * {@code y = sin(x0) + x1^2 + N(0, 0.1^2)} (x2..x4 are noise), split 240 / 60.
 */
record SyntheticRegression(double[][] trainX, double[] trainY, double[][] testX, double[] testY) {
  static final int ROWS = 300;
  static final int TRAIN = 240;
  static final int WIDTH = 5;

  static SyntheticRegression generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[ROWS][WIDTH];
    double[] y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < WIDTH; j++) {
        x[i][j] = gaussian(random);
      }
      y[i] = Math.sin(x[i][0]) + x[i][1] * x[i][1] + 0.1 * gaussian(random);
    }
    return new SyntheticRegression(
        java.util.Arrays.copyOfRange(x, 0, TRAIN), java.util.Arrays.copyOfRange(y, 0, TRAIN),
        java.util.Arrays.copyOfRange(x, TRAIN, ROWS), java.util.Arrays.copyOfRange(y, TRAIN, ROWS));
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

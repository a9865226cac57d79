package gfa.models.learners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authors' published training set ({@code ../shared/reference/gong2024/features_trainset_all.csv},
 * directory from the system property {@code gfa.reference.dir}): the 29 descriptors and D_max (mm)
 * of 6398 alloys. The file has no quoted fields, so a plain split reads it.
 */
record PublishedDataset(double[][] x, double[] y) {
  static final int DESCRIPTORS = 29;
  /** Columns before the descriptors: row index, pretty_formula, D_max, composition. */
  private static final int FIRST_DESCRIPTOR = 4;
  private static final int D_MAX = 2;

  static Optional<Path> file() {
    String dir = System.getProperty("gfa.reference.dir");
    if (dir == null) {
      return Optional.empty();
    }
    Path file = Path.of(dir, "gong2024", "features_trainset_all.csv");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  static PublishedDataset read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    if (header.length != FIRST_DESCRIPTOR + DESCRIPTORS || !header[D_MAX].equals("D_max")) {
      throw new IOException(file + ": unexpected header " + lines.get(0));
    }
    List<double[]> rows = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      double[] row = new double[DESCRIPTORS];
      for (int j = 0; j < DESCRIPTORS; j++) {
        row[j] = Double.parseDouble(cells[FIRST_DESCRIPTOR + j]);
      }
      rows.add(row);
      targets.add(Double.parseDouble(cells[D_MAX]));
    }
    return new PublishedDataset(rows.toArray(double[][]::new), targets.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * {@code n} rows like a ternary grid's descriptors, on and off the data: even rows are alloys of
   * the set, odd rows the midpoints of two of them.
   */
  double[][] rowsAndMidpoints(int n) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] a = x[(i * 7) % x.length];
      double[] b = x[(i * 13 + 5) % x.length];
      rows[i] = new double[a.length];
      for (int f = 0; f < a.length; f++) {
        rows[i][f] = i % 2 == 0 ? a[f] : (a[f] + b[f]) / 2;
      }
    }
    return rows;
  }
}

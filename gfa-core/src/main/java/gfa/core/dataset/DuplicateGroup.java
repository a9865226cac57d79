package gfa.core.dataset;

import gfa.core.Composition;
import gfa.core.io.CsvTable;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Several rows of a file that report the same alloy (equal {@link Composition}s, however they
 * were written), merged into one dataset entry with the mean of their values (docs/method.md §1).
 *
 * @param composition the alloy
 * @param rows 0-based data rows of the source table, in file order
 * @param locations where each row is, as {@link CsvTable#where(int)} says it
 * @param written each row's formula as written
 * @param values each row's target value
 * @param mean the value the dataset uses
 */
public record DuplicateGroup(Composition composition, int[] rows, List<String> locations, List<String> written,
    double[] values, double mean) {

  public DuplicateGroup {
    rows = rows.clone();
    values = values.clone();
    locations = List.copyOf(locations);
    written = List.copyOf(written);
    if (rows.length < 2 || rows.length != values.length || rows.length != locations.size()
        || rows.length != written.size()) {
      throw new IllegalArgumentException("a duplicate group needs two or more rows with one value each");
    }
  }

  @Override
  public int[] rows() {
    return rows.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** One line for reports, e.g. {@code Cu50 Zr50: 2 rows (a.csv line 3 'Cu50Zr50', a.csv line 9 'Zr50 Cu50'), values 1 | 2 -> 1.5}. */
  public String describe() {
    StringJoiner where = new StringJoiner(", ");
    for (int i = 0; i < rows.length; i++) {
      where.add(locations.get(i) + " '" + written.get(i) + "'");
    }
    StringJoiner vals = new StringJoiner(" | ");
    for (double v : values) {
      vals.add(CsvTable.formatNumber(v));
    }
    return composition + ": " + rows.length + " rows (" + where + "), values " + vals + " -> "
        + CsvTable.formatNumber(mean);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DuplicateGroup g && composition.equals(g.composition) && Arrays.equals(rows, g.rows)
        && locations.equals(g.locations) && written.equals(g.written) && Arrays.equals(values, g.values)
        && Double.compare(mean, g.mean) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * composition.hashCode() + Arrays.hashCode(rows);
  }

  @Override
  public String toString() {
    return describe();
  }
}

package gfa.core.dataset;

import gfa.core.Composition;
import java.util.Arrays;
import java.util.List;

/**
 * Alloys with a regression target, one entry per distinct composition, and where they came from.
 * An immutable value: arrays are copied in and out.
 *
 * @param compositions the alloys, in order of first appearance in the file
 * @param target the target value of each alloy (the mean where rows were merged)
 * @param targetName the target's name, e.g. {@code D_max}
 * @param targetOrigin how the target was obtained, e.g. {@code column 'D_max'}
 * @param sourceRows for each alloy, the 0-based data row of its first row in the source table;
 *     the way back to columns carried along (descriptors of merged rows describe the same alloy)
 * @param merged the groups of rows that were averaged; empty when every alloy occurs once
 * @param source the file (as named in messages)
 * @param sourceSha256 SHA-256 of the file's bytes
 * @param rowsRead data rows read, before merging
 */
public record Dataset(List<Composition> compositions, double[] target, String targetName, String targetOrigin,
    int[] sourceRows, List<DuplicateGroup> merged, String source, String sourceSha256, int rowsRead) {

  public Dataset {
    compositions = List.copyOf(compositions);
    target = target.clone();
    sourceRows = sourceRows.clone();
    merged = List.copyOf(merged);
    if (target.length != compositions.size() || sourceRows.length != compositions.size()) {
      throw new IllegalArgumentException(compositions.size() + " compositions, " + target.length
          + " target values, " + sourceRows.length + " source rows");
    }
  }

  /** Number of alloys (after merging). */
  public int size() {
    return compositions.size();
  }

  public Composition composition(int i) {
    return compositions.get(i);
  }

  public double target(int i) {
    return target[i];
  }

  @Override
  public double[] target() {
    return target.clone();
  }

  @Override
  public int[] sourceRows() {
    return sourceRows.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d && compositions.equals(d.compositions) && Arrays.equals(target, d.target)
        && targetName.equals(d.targetName) && targetOrigin.equals(d.targetOrigin)
        && Arrays.equals(sourceRows, d.sourceRows) && merged.equals(d.merged) && source.equals(d.source)
        && sourceSha256.equals(d.sourceSha256) && rowsRead == d.rowsRead;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * compositions.hashCode() + Arrays.hashCode(target)) + sourceSha256.hashCode();
  }

  @Override
  public String toString() {
    return "Dataset[" + size() + " alloys, " + targetName + " from " + targetOrigin + ", " + source + " ("
        + rowsRead + " rows, " + merged.size() + " merged groups), sha256 " + sourceSha256 + "]";
  }
}

package gfa.features;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.concurrent.RowBlocks;
import gfa.core.data.ElementData;
import gfa.core.data.MiedemaVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a preset's descriptor columns for compositions. Immutable and thread-safe (the packing
 * cluster cache inside is concurrent); {@link #featurizeAll} spreads rows over all cores.
 */
public final class Featurizer {
  /** Rows featurised per fork/join task: about a millisecond of work, so two cores share a grid evenly. */
  private static final int BLOCK = 64;

  private final Preset preset;
  private final MiedemaVersion miedema;
  private final boolean missingAsNaN;
  private final List<DescriptorFamily> families;
  private final List<String> columns;
  private final int[] columnSource; // output column -> index in the concatenated family outputs
  private final int familyWidth;

  private Featurizer(Preset preset, MiedemaVersion miedema, boolean missingAsNaN, List<DescriptorFamily> families, List<String> columns) {
    this.preset = preset;
    this.miedema = miedema;
    this.missingAsNaN = missingAsNaN;
    this.families = List.copyOf(families);
    this.columns = List.copyOf(columns);
    List<String> all = new ArrayList<>();
    for (DescriptorFamily f : families) {
      all.addAll(f.columns());
    }
    this.familyWidth = all.size();
    this.columnSource = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      columnSource[i] = all.indexOf(columns.get(i));
      if (columnSource[i] < 0) {
        throw new IllegalStateException("no descriptor family computes column " + columns.get(i));
      }
    }
  }

  /** The preset's descriptors; an element without a needed figure is an input error. */
  public static Featurizer of(Preset preset, MiedemaVersion miedema) {
    return of(preset, miedema, false);
  }

  /**
   * @param missingAsNaN write NaN where an element lacks a pymatgen property figure instead of
   *     failing (matminer's behaviour; only the "all" preset has such columns)
   */
  public static Featurizer of(Preset preset, MiedemaVersion miedema, boolean missingAsNaN) {
    ElementData data = ElementData.standard();
    List<DescriptorFamily> families = new ArrayList<>();
    switch (preset) {
      case GONG2024 -> {
        families.add(new AtomicPackingEfficiency(data, 1));
        families.add(
            new ElementPropertyStatistics(
                data,
                List.of("X", "group", "block", "atomic_mass", "atomic_radius", "mendeleev_no",
                    "electrical_resistivity", "thermal_conductivity", "melting_point"),
                List.of(ElementPropertyStatistics.Stat.MEAN, ElementPropertyStatistics.Stat.STD_DEV),
                missingAsNaN));
      }
      case ALL -> {
        families.add(new AtomicPackingEfficiency(data, 1, 3, 5));
        families.add(
            new ElementPropertyStatistics(
                data,
                ElementPropertyStatistics.MATMINER_PROPERTIES,
                List.of(ElementPropertyStatistics.Stat.values()),
                missingAsNaN));
      }
    }
    families.add(new MiedemaEnthalpies(data, miedema));
    families.add(new ValenceOrbitals(data));
    families.add(new YangSolidSolution(data));
    List<String> columns = preset == Preset.GONG2024 ? Gong2024Columns.NAMES : allColumns(families);
    return new Featurizer(preset, miedema, missingAsNaN, families, columns);
  }

  /** The "all" preset: every column of every family, in family order. */
  private static List<String> allColumns(List<DescriptorFamily> families) {
    List<String> all = new ArrayList<>();
    for (DescriptorFamily f : families) {
      all.addAll(f.columns());
    }
    return all;
  }

  public Preset preset() {
    return preset;
  }

  public MiedemaVersion miedemaVersion() {
    return miedema;
  }

  /** Output column names in order. */
  public List<String> columns() {
    return columns;
  }

  /** The descriptor families used, for listing columns with their citations. */
  public List<DescriptorFamily> families() {
    return families;
  }

  /** The family that computes an output column. */
  public DescriptorFamily familyOf(String column) {
    for (DescriptorFamily f : families) {
      if (f.columns().contains(column)) {
        return f;
      }
    }
    throw new IllegalArgumentException("not a column of this featurizer: " + column);
  }

  /** One row of descriptors. */
  public double[] featurize(Composition composition) {
    double[] row = new double[columns.size()];
    featurizeInto(composition, row, new double[familyWidth]);
    return row;
  }

  private void featurizeInto(Composition composition, double[] row, double[] scratch) {
    int offset = 0;
    for (DescriptorFamily f : families) {
      f.compute(composition, scratch, offset);
      offset += f.columns().size();
    }
    for (int i = 0; i < row.length; i++) {
      row[i] = scratch[columnSource[i]];
      // NaN is the 'all' preset's mark of a missing figure (as in matminer); the paper's preset
      // has none, and an infinite descriptor is never meaningful: both would reach a model silently.
      if (Double.isInfinite(row[i]) || (Double.isNaN(row[i]) && preset == Preset.GONG2024)) {
        throw new GfaInputException("formula '" + composition.format() + "': descriptor '" + columns.get(i)
            + "' is " + row[i] + "; the composition is outside what the descriptors can describe");
      }
    }
  }

  /**
   * Rows for many compositions, in parallel on all cores; the result is the same whatever the
   * thread count. An input error in row i (0-based) is rethrown prefixed with {@code "row i+1"};
   * when several rows fail, the first row is reported.
   */
  public double[][] featurizeAll(List<Composition> compositions) {
    int n = compositions.size();
    double[][] rows = new double[n][];
    GfaInputException[] errors = new GfaInputException[n];
    // blocks of rows as fork/join tasks, which an idle worker always finds (a parallel stream cut a
    // grid into four pieces on two cores)
    RowBlocks.split(n, BLOCK, (from, to) -> {
      for (int i = from; i < to; i++) {
        try {
          rows[i] = featurize(compositions.get(i));
        } catch (GfaInputException e) {
          errors[i] = e;
        }
      }
    });
    for (int i = 0; i < n; i++) {
      if (errors[i] != null) {
        throw new RowProblem(i, errors[i]);
      }
    }
    return rows;
  }

  /**
   * The first row of {@link #featurizeAll} that failed, so that a caller can name its file and
   * line: {@code problem().at(table.where(row()))}. Its own message says {@code row i+1: ...}.
   */
  public static final class RowProblem extends GfaInputException {
    private final int row;
    private final GfaInputException problem;

    RowProblem(int row, GfaInputException problem) {
      super("row " + (row + 1) + ": " + problem.getMessage(), problem);
      this.row = row;
      this.problem = problem;
    }

    /** The failed row, 0-based in the list given to {@link #featurizeAll}. */
    public int row() {
      return row;
    }

    /** The problem itself, without the row. */
    public GfaInputException problem() {
      return problem;
    }
  }
}

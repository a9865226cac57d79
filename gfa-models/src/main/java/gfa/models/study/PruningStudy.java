package gfa.models.study;

import gfa.core.Composition;
import gfa.core.concurrent.Failures;
import gfa.core.pruning.Pruning;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.PruningResult;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.core.ternary.TopOverlap;
import gfa.features.Featurizer;
import gfa.models.eval.SystemAgreement;
import gfa.models.ternary.DescribedGrid;
import gfa.models.ternary.TernaryMap;
import gfa.models.ternary.TernaryPrediction;
import gfa.models.training.Ensemble;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The paper's pruning study (Fig. 3): for each system and each subdataset level, train on what
 * the level keeps, predict the system's grid, and compare the map with the system's own reported
 * alloys, which every level removes. Nothing is read or written here; the data come featurised,
 * once, and each cell only selects its rows.
 */
public final class PruningStudy {
  private PruningStudy() {}

  /**
   * What to study.
   *
   * @param systems the ternaries, in the order to report them
   * @param levels the subdatasets, in the order to report them
   * @param gridStep the grid step in at.% (1: the paper's 5151 points)
   * @param selection the top share and candidate lattice of each map
   * @param parallelCells how many cells run at the same time (each with its own model)
   */
  public record Settings(List<TernarySystem> systems, List<PruningLevel> levels, int gridStep, TernarySelection.Options selection,
      int parallelCells) {
    public Settings {
      systems = List.copyOf(systems);
      levels = List.copyOf(levels);
      if (systems.isEmpty() || levels.isEmpty()) {
        throw new IllegalArgumentException("at least one system and one level");
      }
      if (parallelCells < 1) {
        throw new IllegalArgumentException("parallelCells must be at least 1, not " + parallelCells);
      }
    }

    /** One cell at a time. */
    public Settings(List<TernarySystem> systems, List<PruningLevel> levels, int gridStep, TernarySelection.Options selection) {
      this(systems, levels, gridStep, selection, 1);
    }

    public int cells() {
      return systems.size() * levels.size();
    }
  }

  /** Told as cells start and finish, e.g. to draw a progress bar. */
  public interface Listener {
    default void cellStarted(TernarySystem system, PruningLevel level) {}

    default void cellFinished(StudyCell cell) {}

    Listener NONE = new Listener() {};
  }

  /**
   * Runs every cell, {@link Settings#parallelCells()} at a time. The cells are independent (each
   * selects its rows, fits its own model, predicts its map), so running them side by side changes
   * no result, only the order in which the listener hears of them; the results come back in
   * system-then-level order. Why side by side at all: SVR fits on one thread, so one cell at a time
   * leaves the second core idle most of the time.
   *
   * @param compositions the data's alloys (duplicates merged)
   * @param x their descriptors, in {@code columns} order
   * @param y their D_max in mm
   * @param featurizer computes the same descriptors for the grid points
   */
  public static List<SystemStudy> run(
      List<Composition> compositions, double[][] x, double[] y, List<String> columns, Featurizer featurizer,
      Settings settings, CellModel model, Listener listener) throws Exception {
    List<TernaryGrid> grids = new ArrayList<>();
    List<ReportedAlloys> reported = new ArrayList<>();
    List<Callable<StudyCell>> tasks = new ArrayList<>();
    for (TernarySystem system : settings.systems()) {
      TernaryGrid grid = TernaryGrid.of(system, settings.gridStep());
      // The grid's descriptors do not depend on the level: computed once per system.
      long featurizing = System.nanoTime();
      DescribedGrid gridX = new DescribedGrid(grid, featurizer.featurizeAll(grid.compositions()),
          (System.nanoTime() - featurizing) / 1e9);
      ReportedAlloys known = ReportedAlloys.of(system, compositions, y);
      double[][] knownX = rows(x, known.rows());
      grids.add(grid);
      reported.add(known);
      for (PruningLevel level : settings.levels()) {
        tasks.add(() -> {
          listener.cellStarted(system, level);
          StudyCell cell = cell(compositions, x, y, columns, system, level, grid, gridX, known, knownX, settings, model);
          listener.cellFinished(cell);
          return cell;
        });
      }
    }
    List<StudyCell> cells = runAll(tasks, settings.parallelCells());
    List<SystemStudy> out = new ArrayList<>();
    int perSystem = settings.levels().size();
    for (int s = 0; s < settings.systems().size(); s++) {
      out.add(new SystemStudy(settings.systems().get(s), grids.get(s), reported.get(s),
          cells.subList(s * perSystem, (s + 1) * perSystem)));
    }
    return out;
  }

  /** The tasks' results in task order, {@code parallel} at a time; the first failure is rethrown as it was. */
  private static List<StudyCell> runAll(List<Callable<StudyCell>> tasks, int parallel) throws Exception {
    List<StudyCell> results = new ArrayList<>();
    if (parallel == 1 || tasks.size() == 1) {
      for (Callable<StudyCell> task : tasks) {
        results.add(task.call());
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, tasks.size()),
        r -> Thread.ofPlatform().daemon().name("gfa-study-cell").unstarted(r));
    try {
      List<Future<StudyCell>> pending = new ArrayList<>();
      for (Callable<StudyCell> task : tasks) {
        pending.add(pool.submit(task));
      }
      for (Future<StudyCell> f : pending) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          throw Failures.checked(e);
        }
      }
    } finally {
      pool.shutdownNow(); // after a failure: no further cells
    }
    return results;
  }

  private static StudyCell cell(
      List<Composition> compositions, double[][] x, double[] y, List<String> columns, TernarySystem system,
      PruningLevel level, TernaryGrid grid, DescribedGrid gridX, ReportedAlloys reported, double[][] reportedX,
      Settings settings, CellModel model) throws Exception {
    long start = System.nanoTime();
    PruningResult pruning = Pruning.prune(compositions, system, level);
    int[] kept = pruning.keptRows();
    if (kept.length == 0) {
      throw new gfa.core.GfaInputException("pruning for " + system.name() + " at level " + level.level() + " leaves no rows");
    }
    double[] keptY = new double[kept.length];
    for (int t = 0; t < kept.length; t++) {
      keptY[t] = y[kept[t]];
    }
    TernaryMap map;
    double[] reportedPredicted;
    try (Ensemble ensemble = model.fit(columns, rows(x, kept), keptY)) {
      map = TernaryPrediction.predict(ensemble, gridX, settings.selection());
      reportedPredicted = reportedX.length == 0 ? new double[0] : ensemble.predictFused(reportedX);
    }
    TernarySelection selection = map.selection();
    SystemAgreement agreement = SystemAgreement.of(reportedPredicted, selection.min(), selection.max(), reported.dmax());
    TopOverlap overlap = TopOverlap.of(selection, reported.highCompositions());
    return new StudyCell(system, level, pruning, selection, reportedPredicted, agreement, overlap,
        (System.nanoTime() - start) / 1e9);
  }

  /** The given rows of {@code x}, shared, not copied (nobody writes them). */
  private static double[][] rows(double[][] x, int[] rows) {
    double[][] out = new double[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      out[t] = x[rows[t]];
    }
    return out;
  }
}

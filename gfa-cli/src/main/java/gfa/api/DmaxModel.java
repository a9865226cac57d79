package gfa.api;

import gfa.cli.workflow.TrainModel;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.concurrent.Workers;
import gfa.core.io.AtomicOutput;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.features.Featurizer;
import gfa.models.ternary.TernaryMap;
import gfa.cli.workflow.AlloyPrediction;
import gfa.models.ternary.Proposing;
import gfa.models.ternary.TernaryPrediction;
import gfa.models.ternary.Trust;
import gfa.models.uncertainty.DomainDistance;
import gfa.models.training.Ensemble;
import gfa.models.uncertainty.CalibrationRecord;
import gfa.models.uncertainty.Uncertainty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * A fitted D_max model: trained by {@link GlassFormingAbility#train} or loaded by
 * {@link GlassFormingAbility#load}. It predicts tables of compositions as {@code gfa predict} does
 * and ternary systems as {@code gfa predict-ternary} does, and saves itself as {@code gfa train}
 * would. It holds native boosters (XGBoost, LightGBM): close it when done.
 */
public final class DmaxModel implements AutoCloseable {
  private final Featurizer featurizer;
  private final Ensemble ensemble;
  private final CalibrationRecord calibration;
  private final String prunedFor;
  private final Workers workers;
  private final TrainModel.Result trained;
  private final Path directory;
  private boolean closed;

  private DmaxModel(Featurizer featurizer, Ensemble ensemble, CalibrationRecord calibration, String prunedFor, Workers workers,
      TrainModel.Result trained, Path directory) {
    this.featurizer = featurizer;
    this.ensemble = ensemble;
    this.calibration = calibration;
    this.prunedFor = prunedFor;
    this.workers = workers;
    this.trained = trained;
    this.directory = directory;
  }

  static DmaxModel trained(TrainModel.Result result, Featurizer featurizer, String prunedFor, Workers workers) {
    return new DmaxModel(featurizer, result.result().ensemble(), result.calibration().record(), prunedFor, workers, result, null);
  }

  static DmaxModel loaded(gfa.models.training.GfaModel model, CalibrationRecord calibration, String prunedFor, Workers workers,
      Path directory) {
    return new DmaxModel(model.featurizer(), model.ensemble(), calibration, prunedFor, workers, null, directory);
  }

  /** The learner ids, in the order of the {@code predicted_D_max_<id>} columns. */
  public List<String> learners() {
    return ensemble.learners();
  }

  /** The ternary the training data were pruned for (e.g. {@code Zr-Al-Cu}), or null when they were not pruned. */
  public String prunedFor() {
    return prunedFor;
  }

  /** Whether the model has a calibration, so that predictions carry an interval and p_bmg. */
  public boolean calibrated() {
    return calibration != null;
  }

  /** The fused model's cross-validated R² of the training run; NaN for a loaded model (see its report.json). */
  public double cvR2() {
    return trained == null ? Double.NaN : trained.result().fusion().r2();
  }

  /** The fused model's cross-validated RMSE in mm; NaN for a loaded model. */
  public double cvRmse() {
    return trained == null ? Double.NaN : trained.result().fusion().rmse();
  }

  /**
   * Predicts every row of a table with a {@code composition} column, as {@code gfa predict}: the
   * table's columns, then {@code predicted_D_max} (the fusion, mm), one {@code predicted_D_max_<id>}
   * per learner and, for a calibrated model, {@code predicted_D_max_lower},
   * {@code predicted_D_max_upper} (the central 90 % interval) and {@code p_bmg} (probability of
   * D_max ≥ 1 mm). Input columns of those names are replaced. The input table is not changed.
   */
  public Table predict(Table compositions) {
    requireOpen();
    List<Composition> alloys = Tables.compositions(compositions);
    AlloyPrediction.Predictions p;
    try {
      p = AlloyPrediction.compute(alloys, featurizer, ensemble, calibration, workers);
    } catch (Featurizer.RowProblem e) {
      throw e.problem().at(Tables.where(compositions, e.row()));
    }
    List<String> names = new ArrayList<>();
    names.add("predicted_D_max");
    learners().forEach(id -> names.add("predicted_D_max_" + id));
    if (p.uncertainty() != null) {
      names.addAll(AlloyPrediction.TRUST_COLUMNS);
    }
    Table out = Tables.without(compositions, names);
    int m = learners().size();
    out.addColumns(Tables.doubles(names.get(0), p.fused()));
    for (int k = 0; k < m; k++) {
      out.addColumns(Tables.doubles(names.get(1 + k), p.byLearner()[k]));
    }
    if (p.uncertainty() != null) {
      Uncertainty[] u = p.uncertainty();
      DomainDistance[] d = p.domain();
      boolean[] inDomain = new boolean[d.length];
      for (int r = 0; r < d.length; r++) {
        inDomain[r] = d[r].inDomain();
      }
      out.addColumns(
          Tables.doubles(names.get(m + 1), Stream.of(u).mapToDouble(Uncertainty::lower).toArray()),
          Tables.doubles(names.get(m + 2), Stream.of(u).mapToDouble(Uncertainty::upper).toArray()),
          Tables.doubles(names.get(m + 3), Stream.of(u).mapToDouble(Uncertainty::pBmg).toArray()),
          Tables.booleans(names.get(m + 4), inDomain),
          Tables.doubles(names.get(m + 5), Stream.of(d).mapToDouble(DomainDistance::compositionDistance).toArray()),
          Tables.doubles(names.get(m + 6), Stream.of(d).mapToDouble(DomainDistance::descriptorDistance).toArray()));
    }
    return out;
  }

  /** {@link #predictSystem(String, int, double, int)} on the 1 at.% grid, top 5 %, candidates on the 5 at.% lattice. */
  public SystemMap predictSystem(String system) {
    return predictSystem(system, 1);
  }

  /**
   * {@link #predictSystem(String, int, double, int)} with the paper's top 5 % and the candidates on
   * the 5 at.% lattice, or on the finest lattice coarser than that the grid has points on (10 at.%
   * for a 2 or 10 at.% grid, 20 for a 4 or 20 at.% one).
   */
  public SystemMap predictSystem(String system, int step) {
    int paper = TernarySelection.Options.PAPER_CANDIDATE_STEP;
    int candidateStep = step > 0 ? leastCommonMultiple(step, paper) : paper; // a bad step is refused with the grid
    return predictSystem(system, step, TernarySelection.Options.PAPER_TOP_PERCENT, candidateStep);
  }

  private static int leastCommonMultiple(int a, int b) {
    return a / java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(b)).intValue() * b;
  }

  /**
   * The ternary map of {@code system} (e.g. {@code "Zr-Al-Cu"}), as {@code gfa predict-ternary}
   * computes it: every point of the grid with step {@code step} at.% featurised and predicted, the
   * predictions normalised within the system, the top {@code topPercent} % and their regions, and
   * the candidates on the {@code candidateStep} at.% lattice (a multiple of {@code step}).
   */
  public SystemMap predictSystem(String system, int step, double topPercent, int candidateStep) {
    requireOpen();
    TernarySystem ternary = TernarySystem.parse(system);
    TernaryGrid grid;
    try {
      grid = TernaryGrid.of(ternary, step);
    } catch (GfaInputException e) {
      throw new GfaInputException("grid " + e.getMessage());
    }
    TernarySelection.Options options = new TernarySelection.Options(topPercent, candidateStep, List.of());
    if (candidateStep % step != 0) {
      throw new GfaInputException("candidate step " + candidateStep + " is not a multiple of the grid step " + step
          + ", so its alloys would have no prediction");
    }
    Trust trust = calibration == null ? null
        : new Trust(calibration, CalibrationRecord.DEFAULT_LEVEL, CalibrationRecord.DEFAULT_THRESHOLD_MM);
    TernaryMap map = TernaryPrediction.predict(featurizer, ensemble, grid, options, Proposing.paper(ternary), trust, workers);
    return SystemMap.of(map, warnings(ternary));
  }

  /** Category (v): a model not pruned for the system may have seen its alloys. */
  private List<String> warnings(TernarySystem system) {
    if (prunedFor == null) {
      return List.of("the model was trained without pruning, so it may have seen alloys of " + system.name()
          + " itself (category (v)): the map is not a prediction for an unexplored system");
    }
    if (!TernarySystem.parse(prunedFor).elementSet().equals(system.elementSet())) {
      return List.of("the model was pruned for " + prunedFor + ", not for " + system.name() + ", so it may have seen alloys of "
          + system.name() + " itself (category (v))");
    }
    return List.of();
  }

  /**
   * Saves the model into the new directory {@code out}, all at once: for a model trained here the
   * very files {@code gfa train --out} writes (manifest.json, report.json, calibration.json, one
   * file per learner), for a loaded one a copy of its directory. Refuses an existing {@code out}.
   */
  public void save(Path out) throws IOException {
    requireOpen();
    if (Files.exists(out)) {
      throw new GfaInputException("model directory already exists: " + out);
    }
    try {
      if (trained != null) {
        trained.publish(out, false);
      } else {
        AtomicOutput.publishDirectory(out, false, dir -> copyFiles(directory, dir));
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static void copyFiles(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
  }

  /** Frees the native boosters; the model cannot predict afterwards. Closing twice does nothing. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      ensemble.close();
    }
  }
}

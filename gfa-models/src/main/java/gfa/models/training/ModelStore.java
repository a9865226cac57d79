package gfa.models.training;

import gfa.models.eval.Scoring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Excerpt;
import gfa.core.GfaInputException;
import gfa.core.io.AtomicOutput;
import gfa.models.eval.ClassificationMetrics;
import gfa.models.eval.RegressionMetrics;
import gfa.models.eval.Standardizer;
import gfa.models.learners.FittedModel;
import gfa.models.learners.Learner;
import gfa.models.learners.Learners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A trained model on disk: a directory with {@code manifest.json} (provenance and everything needed
 * to predict), {@code report.json} (the evaluation) and one file per learner: gfa's own format for
 * SVR and the forest, the library's own for XGBoost and LightGBM (docs/model-format.md). The directory is published atomically: a failed run leaves nothing behind.
 */
public final class ModelStore {
  public static final String MANIFEST = "manifest.json";
  public static final String REPORT = "report.json";
  public static final String FORMAT = "gfa-model/1";

  /** The mapper that builds and writes manifests and reports, made on first use: reading a model needs none (JsonTrees). */
  private static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private ModelStore() {}

  /** A model read back from disk, with its manifest and the provenance read from it. */
  public record Loaded(
      Path directory, JsonNode manifest, Ensemble ensemble, String preset, String miedema, String tablesVersion,
      Provenance provenance) {}

  public static void save(Path directory, boolean replace, TrainingResult result, TrainingOptions options, Provenance provenance)
      throws IOException {
    save(directory, replace, result, manifest(result, options, provenance), report(result));
  }

  /** As above, with a manifest and report already built (e.g. a report with more keys than {@link #report}). */
  public static void save(Path directory, boolean replace, TrainingResult result, ObjectNode manifest, ObjectNode report)
      throws IOException {
    AtomicOutput.publishDirectory(directory, replace, dir -> writeInto(dir, result, manifest, report));
  }

  /** Writes the model files, manifest and report into an (empty) directory. */
  public static void writeInto(Path dir, TrainingResult result, ObjectNode manifest, ObjectNode report) throws IOException {
    Ensemble ensemble = result.ensemble();
    for (int m = 0; m < ensemble.learners().size(); m++) {
      ensemble.models().get(m).save(dir.resolve(fileName(ensemble.learners().get(m))));
    }
    Files.writeString(dir.resolve(MANIFEST), Mapper.JSON.writeValueAsString(manifest) + "\n");
    Files.writeString(dir.resolve(REPORT), Mapper.JSON.writeValueAsString(report) + "\n");
  }

  static String fileName(String learner) {
    return switch (learner) {
      case "xgboost" -> "xgboost.json";
      case "lightgbm" -> "lightgbm.txt";
      default -> learner + ".model";
    };
  }

  /**
   * The manifest of a trained model: its provenance ({@code provenance} with the run's tuning,
   * {@link Provenance#trained}), descriptor columns, standardizer, parameters and fusion weights.
   */
  public static ObjectNode manifest(TrainingResult result, TrainingOptions options, Provenance provenance) {
    Provenance p = provenance.trained(result, options);
    Provenance.Tuning tuning = p.tuning();
    ObjectNode m = Mapper.JSON.createObjectNode();
    m.put("format", FORMAT);
    m.put("gfa_version", p.gfaVersion());
    ObjectNode data = m.putObject("data");
    data.put("file", p.dataFile());
    data.put("sha256", p.dataSha256());
    data.put("rows", p.rows());
    data.put("target", p.target());
    data.put("descriptor_source", p.descriptorSource());
    if (p.pruningSystem() != null) {
      ObjectNode pruning = m.putObject("pruning");
      pruning.put("system", p.pruningSystem());
      pruning.put("level", p.pruningLevel());
    } else {
      m.putNull("pruning");
    }
    ObjectNode descriptors = m.putObject("descriptors");
    descriptors.put("preset", p.preset());
    descriptors.put("miedema", p.miedema());
    descriptors.put("tables_version", p.tablesVersion());
    ArrayNode columns = descriptors.putArray("columns");
    result.ensemble().columns().forEach(columns::add);
    m.put("seed", tuning.seed());
    m.put("folds", tuning.folds());
    m.put("cv", tuning.cv());
    ObjectNode budget = m.putObject("budget");
    ObjectNode learnerBudgets = budget.putObject("learners");
    tuning.budgets().forEach((id, b) -> ManifestProvenance.writeBudget(learnerBudgets.putObject(id), b));
    ManifestProvenance.writeBudget(budget.putObject("fusion"), tuning.fusionBudget());
    ObjectNode scaler = m.putObject("standardizer");
    ArrayNode mean = scaler.putArray("mean");
    ArrayNode scale = scaler.putArray("scale");
    for (double v : result.ensemble().scaler().mean()) {
      mean.add(v);
    }
    for (double v : result.ensemble().scaler().scale()) {
      scale.add(v);
    }
    ObjectNode models = m.putObject("models");
    for (TunedModel t : result.models()) {
      ObjectNode entry = models.putObject(t.learner());
      entry.put("file", fileName(t.learner()));
      t.options().writeTo(entry.putObject("params"));
      Map<String, Object> settings = Learners.byId(t.learner()).settings();
      if (!settings.isEmpty()) {
        ObjectNode fixed = entry.putObject("settings");
        new java.util.TreeMap<>(settings).forEach((name, value) -> fixed.set(name, Mapper.JSON.valueToTree(value)));
      }
    }
    ObjectNode weights = m.putObject("fusion").putObject("weights");
    tuning.fusionWeights().forEach(weights::put);
    ManifestProvenance.writeRuntime(m.putObject("runtime"), p.runtime());
    return m;
  }

  public static ObjectNode report(TrainingResult r) {
    ObjectNode report = Mapper.JSON.createObjectNode();
    report.put("rows", r.rows());
    report.put("folds", r.folds());
    report.put("seed", r.seed());
    report.put("cv", r.foldKind());
    ObjectNode models = report.putObject("models");
    for (TunedModel t : r.models()) {
      ObjectNode m = models.putObject(t.learner());
      metrics(m, t.cv(), true);
      m.put("scoring", Scoring.NEG_RMSE.id());
      m.put("best_score", Scoring.NEG_RMSE.of(t.cv()));
      m.put("trials", t.trials());
      m.put("stop_reason", t.stopReason());
      t.options().writeTo(m.putObject("best_params"));
      m.put("seconds", round(t.seconds()));
      if (!t.history().isEmpty()) {
        m.set("search", search(t.history()));
      }
    }
    ObjectNode fusion = report.putObject("fusion");
    metrics(fusion, r.fusion(), true);
    fusion.put("scoring", Scoring.R2.id());
    fusion.put("best_score", Scoring.R2.of(r.fusion()));
    ObjectNode weights = fusion.putObject("weights");
    r.weights().forEach(weights::put);
    fusion.put("seconds", round(r.fusionSeconds()));
    ObjectNode equal = report.putObject("fusion_equal");
    metrics(equal, r.fusionEqual(), false);
    report.set("classification", classification(r.classification()));
    return report;
  }

  /**
   * Every trial of a search: its parameters, score, fold RMSEs (null where a fold was not fitted),
   * how many folds were scored (fewer than all: stopped early) and whether it repeated an earlier
   * point. From these the early-stopping rule can be replayed on a search that did not use it.
   */
  private static ArrayNode search(List<SearchTrial> history) {
    ArrayNode trials = Mapper.JSON.createArrayNode();
    for (SearchTrial t : history) {
      ObjectNode trial = trials.addObject();
      trial.put("trial", t.number());
      ObjectNode params = trial.putObject("params");
      t.params().forEach((name, value) -> {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
          params.put(name, d.longValue()); // whole numbers as integers, as best_params writes them
        } else if (value instanceof Double d) {
          params.put(name, d);
        } else {
          params.put(name, String.valueOf(value));
        }
      });
      if (Double.isFinite(t.loss())) {
        trial.put("score", Scoring.NEG_RMSE.score(t.loss()));
      } else {
        trial.putNull("score");
      }
      ArrayNode folds = trial.putArray("fold_rmse");
      for (double r : t.foldRmse()) {
        if (Double.isFinite(r)) {
          folds.add(r);
        } else {
          folds.addNull();
        }
      }
      trial.put("folds_scored", t.foldsScored());
      trial.put("repeat", t.repeat()); // no per-trial timings: report.json repeats exactly
    }
    return trials;
  }

  private static void metrics(ObjectNode node, RegressionMetrics m, boolean withMae) {
    node.put("cv_r2", m.r2());
    node.put("cv_rmse", m.rmse());
    if (withMae) {
      node.put("cv_mae", m.mae());
    }
  }

  private static ObjectNode classification(ClassificationMetrics c) {
    ObjectNode node = Mapper.JSON.createObjectNode();
    node.put("threshold_mm", c.threshold());
    node.put("positives", c.truePositives() + c.falseNegatives());
    node.put("precision", c.precision());
    node.put("recall", c.recall());
    node.put("f1", c.f1());
    node.put("mcc", c.mcc());
    node.put("roc_auc", c.rocAuc());
    node.put("average_precision", c.averagePrecision());
    ObjectNode confusion = node.putObject("confusion_matrix");
    confusion.put("true_positive", c.truePositives());
    confusion.put("false_positive", c.falsePositives());
    confusion.put("true_negative", c.trueNegatives());
    confusion.put("false_negative", c.falseNegatives());
    return node;
  }

  /** Seconds to the millisecond: timings are reported, never compared. */
  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }

  /** Reads a model directory; every problem is a one-line input error naming the directory. */
  public static Loaded load(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new GfaInputException("model directory not found: " + directory);
    }
    Path manifestFile = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      throw new GfaInputException(directory + ": no " + MANIFEST + " (not a gfa model directory)");
    }
    JsonNode m;
    try {
      m = JsonTrees.read(manifestFile);
    } catch (IOException e) {
      throw new GfaInputException(manifestFile + ": corrupted manifest (" + firstLine(e.getMessage()) + ")");
    }
    try {
      if (m == null || !FORMAT.equals(m.path("format").asText())) {
        throw new GfaInputException(manifestFile + ": not a " + FORMAT + " manifest");
      }
      List<String> columns = new ArrayList<>();
      m.path("descriptors").path("columns").forEach(c -> columns.add(c.asText()));
      double[] mean = doubles(m.path("standardizer").path("mean"));
      double[] scale = doubles(m.path("standardizer").path("scale"));
      if (columns.isEmpty() || mean.length != columns.size() || scale.length != columns.size()) {
        throw new GfaInputException(manifestFile + ": corrupted manifest (descriptor columns and standardizer disagree)");
      }
      for (int j = 0; j < scale.length; j++) {
        // fit() never writes a scale <= 0 (a constant column keeps 1); dividing by 0 gives NaN
        if (!Double.isFinite(mean[j]) || !Double.isFinite(scale[j]) || !(scale[j] > 0)) {
          throw new GfaInputException(manifestFile + ": corrupted manifest (standardizer of '" + Excerpt.of(columns.get(j))
              + "' has mean " + mean[j] + " and scale " + scale[j] + "; a scale must be a finite number > 0)");
        }
      }
      checkFusionWeights(manifestFile, m);
      Provenance provenance = ManifestProvenance.read(m);
      List<String> learners = new ArrayList<>();
      List<Learner> kinds = new ArrayList<>();
      List<Path> files = new ArrayList<>();
      JsonNode weightsNode = m.path("fusion").path("weights");
      double[] weights = new double[m.path("models").size()];
      Iterator<Map.Entry<String, JsonNode>> entries = m.path("models").fields();
      int i = 0;
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> e = entries.next();
        try {
          kinds.add(Learners.byId(e.getKey()));
        } catch (IllegalArgumentException unknown) {
          throw new GfaInputException(manifestFile + ": unknown learner '" + e.getKey() + "'");
        }
        Path file = directory.resolve(e.getValue().path("file").asText(fileName(e.getKey())));
        if (!Files.isRegularFile(file)) {
          throw new GfaInputException(directory + ": model file missing: " + file.getFileName());
        }
        files.add(file);
        learners.add(e.getKey());
        if (!weightsNode.has(e.getKey())) {
          throw new GfaInputException(manifestFile + ": corrupted manifest (no fusion weight for " + e.getKey() + ")");
        }
        weights[i++] = weightsNode.get(e.getKey()).asDouble();
      }
      if (learners.isEmpty()) {
        throw new GfaInputException(manifestFile + ": corrupted manifest (no models)");
      }
      List<FittedModel> models = loadSideBySide(learners, kinds, files);
      Ensemble ensemble = new Ensemble(columns, new Standardizer(mean, scale), learners, models, weights);
      JsonNode d = m.path("descriptors");
      return new Loaded(directory, m, ensemble, d.path("preset").asText(), d.path("miedema").asText(), d.path("tables_version").asText(),
          provenance);
    } catch (GfaInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new GfaInputException(manifestFile + ": corrupted manifest (" + firstLine(e.getMessage()) + ")");
    }
  }

  /**
   * The model files, read side by side (one thread per file, at most one per core): reading and
   * parsing them, and loading the boosters' native libraries, took about a second one after the
   * other. Each file becomes the same model whichever thread reads it. On failure the first
   * failing learner in manifest order is reported, as when they were read in turn, and every model
   * read is closed.
   */
  private static List<FittedModel> loadSideBySide(List<String> ids, List<Learner> kinds, List<Path> files) {
    int threads = Math.max(1, Math.min(ids.size(), Runtime.getRuntime().availableProcessors()));
    List<java.util.concurrent.Future<FittedModel>> pending = new ArrayList<>();
    java.util.concurrent.ExecutorService pool = threads == 1 ? null
        : java.util.concurrent.Executors.newFixedThreadPool(threads, loaderThreads());
    try {
      for (int k = 0; k < ids.size(); k++) {
        Learner learner = kinds.get(k);
        Path file = files.get(k);
        java.util.concurrent.Callable<FittedModel> read = () -> learner.load(file);
        if (pool == null) {
          java.util.concurrent.FutureTask<FittedModel> now = new java.util.concurrent.FutureTask<>(read);
          now.run();
          pending.add(now);
        } else {
          pending.add(pool.submit(read));
        }
      }
      List<FittedModel> models = new ArrayList<>();
      GfaInputException failure = null;
      for (int k = 0; k < pending.size(); k++) { // every read finishes before we return or throw
        try {
          models.add(pending.get(k).get());
        } catch (java.util.concurrent.ExecutionException ex) {
          Throwable cause = ex.getCause();
          if (cause instanceof Error error) {
            models.forEach(FittedModel::close);
            throw error;
          }
          if (failure == null) {
            failure = new GfaInputException(files.get(k) + ": cannot load the " + ids.get(k) + " model ("
                + firstLine(cause.getMessage()) + ")");
          }
        }
      }
      if (failure != null) {
        models.forEach(FittedModel::close);
        throw failure;
      }
      return models;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the model", ex);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /**
   * Every learner needs a fusion weight that is a finite number >= 0, and they must not all be
   * 0: eq. 1 divides by their sum, so a tampered weight would give NaN or negative predictions.
   * Checked before any model file is loaded.
   */
  private static void checkFusionWeights(Path manifestFile, JsonNode m) {
    JsonNode weights = m.path("fusion").path("weights");
    double sum = 0;
    Iterator<String> ids = m.path("models").fieldNames();
    while (ids.hasNext()) {
      String id = ids.next();
      JsonNode w = weights.get(id);
      if (w == null) {
        throw new GfaInputException(manifestFile + ": corrupted manifest (no fusion weight for " + Excerpt.of(id) + ")");
      }
      if (!w.isNumber() || !Double.isFinite(w.asDouble()) || w.asDouble() < 0) {
        throw new GfaInputException(manifestFile + ": corrupted manifest (fusion weight of " + Excerpt.of(id) + " is "
            + Excerpt.of(w.toString()) + "; weights are numbers >= 0)");
      }
      sum += w.asDouble();
    }
    if (!(sum > 0) && m.path("models").size() > 0) {
      throw new GfaInputException(manifestFile + ": corrupted manifest (the fusion weights sum to 0; at least one must be > 0)");
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new GfaInputException("corrupted manifest: standardizer holds a non-number");
      }
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }

  /**
   * Daemon threads named gfa-load-0, gfa-load-1, ... (a plain factory: Thread.Builder's numbered
   * names generate method-handle classes at run time, outside the start-up cache).
   */
  private static java.util.concurrent.ThreadFactory loaderThreads() {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "gfa-load-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}

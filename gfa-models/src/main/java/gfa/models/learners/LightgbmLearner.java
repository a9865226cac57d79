package gfa.models.learners;

import com.microsoft.ml.lightgbm.PredictionType;
import gfa.core.io.AtomicOutput;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gradient-boosted trees by LightGBM (the library behind the paper's {@code LGBMRegressor}), through
 * LightGBM4J's binding of LightGBM's C API: {@code objective=regression}, {@code n_estimators}
 * boosting iterations, descriptors passed in double precision.
 *
 * <p>A faithful detail: in scikit-learn's {@code LGBMRegressor}, {@code subsample} (LightGBM's
 * {@code bagging_fraction}) has no effect unless {@code subsample_freq} ({@code bagging_freq}) is
 * positive, and the paper leaves it at its default 0. The paper's tuned {@code subsample} was
 * therefore inert, and it is inert here: it is passed as {@code bagging_fraction} with
 * {@code bagging_freq=0}.
 *
 * <p>Threads and determinism: {@code num_threads = threads}, {@code deterministic=true},
 * {@code force_row_wise=true} and {@code seed}: with a fixed number of threads the fit is
 * deterministic. The fitted booster is written to LightGBM's text model format and read back, so
 * the model in memory is exactly the model on disk; {@link #save} writes that text.
 */
public final class LightgbmLearner implements Learner {
  /**
   * Histogram bins per descriptor, half LightGBM's default 255: split finding scans every bin of
   * every descriptor for each leaf, so the paper's many-leaved trees cost in proportion. Chosen
   * with XGBoost's {@link XgboostLearner#MAX_BIN} by the same measurement (docs/benchmarks.md).
   */
  static final int MAX_BIN = 127;
  /** What every fit sets beyond the searched parameters (recorded in a model's manifest). */
  private static final Map<String, Object> SETTINGS = Map.of("max_bin", MAX_BIN);
  private static final ParamSpace SPACE = ParamSpace.of(
      QRange.ofInteger("n_estimators", 100, 800, 5),
      QRange.ofInteger("num_leaves", 10, 400, 5),
      QRange.ofReal("learning_rate", 0.1, 0.5, 0.02),
      QRange.ofInteger("min_child_samples", 1, 40, 1),
      QRange.ofReal("reg_alpha", 0, 10, 0.5),
      QRange.ofReal("reg_lambda", 0, 100, 2),
      QRange.ofReal("subsample", 0.5, 1, 0.1));

  /** LightGBM's defaults, where the space allows (31 leaves is off the grid: 30). */
  private static final Map<String, Object> DEFAULTS = Map.of(
      "n_estimators", 100.0,
      "num_leaves", 30.0,
      "learning_rate", 0.1,
      "min_child_samples", 20.0,
      "reg_alpha", 0.0,
      "reg_lambda", 0.0,
      "subsample", 1.0);

  @Override
  public String id() {
    return "lightgbm";
  }

  @Override
  public ParamSpace space() {
    return SPACE;
  }

  @Override
  public Map<String, Object> defaults() {
    return DEFAULTS;
  }

  @Override
  public Map<String, Object> settings() {
    return SETTINGS;
  }

  /** LightGBM's parameter string for a fit (scikit-learn names mapped to LightGBM's). */
  static String lightgbmParams(LightgbmOptions o, long seed, int threads) {
    StringBuilder settings = new StringBuilder();
    new java.util.TreeMap<>(SETTINGS).forEach((name, value) -> settings.append(' ').append(name).append('=').append(value));
    return String.join(" ",
        "objective=regression",
        "boosting=gbdt",
        "num_leaves=" + o.numLeaves(),
        "learning_rate=" + number(o.learningRate()),
        "min_data_in_leaf=" + o.minChildSamples(),
        "lambda_l1=" + number(o.regAlpha()),
        "lambda_l2=" + number(o.regLambda()),
        "bagging_fraction=" + number(o.subsample()),
        "bagging_freq=0",
        "num_threads=" + threads,
        "seed=" + Seeds.nativeSeed(seed),
        "deterministic=true",
        "force_row_wise=true",
        "feature_pre_filter=false",
        "verbosity=-1") + settings;
  }

  /** The shortest decimal that reads back as {@code v} (locale-independent). */
  private static String number(double v) {
    return Double.toString(v);
  }

  @Override
  public FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
    try (TrainingSet data = new TrainingSet(x, y)) {
      return fit(data, params, seed, threads);
    }
  }

  /**
   * Fits on the set's binned Dataset. LightGBM bins the rows once per Dataset; of the parameters a
   * fit passes, only {@code seed} (its sample for the bin bounds) shapes the Dataset, so the set
   * keeps one Dataset per seed (one per fold in a search), and the trials of a search reuse it.
   * {@code feature_pre_filter=false} keeps {@code min_data_in_leaf} out of the Dataset (with the
   * pre-filter, features it leaves unsplittable are dropped when binning, and a Dataset would be
   * needed per value: a search kept up to 40 per fold, hundreds of megabytes of native memory);
   * a feature the pre-filter would drop can still never be split, so the trees are the same.
   */
  @Override
  public FittedModel fit(TrainingSet data, Map<String, Object> params, long seed, int threads) {
    DesignMatrix.requireThreads(threads);
    LightgbmOptions o = LightgbmOptions.of(params);
    int iterations = o.nEstimators();
    String lightgbmParams = lightgbmParams(o, seed, threads);
    NativeLibraries.lightgbm();
    String datasetKey = "lightgbm:dataset seed=" + Seeds.nativeSeed(seed);
    String model;
    try {
      LGBMDataset dataset = data.cached(datasetKey, () -> dataset(data, lightgbmParams), LightgbmLearner::free);
      try (LGBMBooster booster = LGBMBooster.create(dataset, lightgbmParams)) {
        for (int i = 0; i < iterations; i++) {
          if (booster.updateOneIter()) {
            break; // no leaf can be split any more: further iterations would add nothing
          }
        }
        model = booster.saveModelToString(0, 0, LGBMBooster.FeatureImportanceType.SPLIT);
      }
    } catch (LGBMException e) {
      throw new IllegalArgumentException("lightgbm: " + e.getMessage(), e);
    }
    // a fitted model predicts through LightGBM (its fold's validation rows, then it is closed);
    // a read model, which predicts grids and files, in Java
    return Model.parse(model, data.width(), threads, false);
  }

  private static LGBMDataset dataset(TrainingSet data, String lightgbmParams) {
    try {
      LGBMDataset dataset =
          LGBMDataset.createFromMat(DesignMatrix.flatten(data.x(), data.width()), data.rows(), data.width(), true,
              lightgbmParams, null);
      try {
        dataset.setField("label", DesignMatrix.toFloat(data.y()));
        return dataset;
      } catch (LGBMException | RuntimeException e) {
        free(dataset);
        throw e;
      }
    } catch (LGBMException e) {
      throw new IllegalArgumentException("lightgbm: " + e.getMessage(), e);
    }
  }

  private static void free(LGBMDataset dataset) {
    try {
      dataset.close();
    } catch (LGBMException e) {
      throw new IllegalStateException("lightgbm could not free its dataset: " + e.getMessage(), e);
    }
  }

  @Override
  public FittedModel load(Path file) throws IOException {
    ModelSource.Stamp stamp = TreeTables.stampIfTabled(file);
    LightgbmTrees table = stamp == null ? null : TreeTables.read(file, stamp, LightgbmTrees.TABLE_HEADER, id(), LightgbmTrees::readTable);
    if (table != null) {
      return new Model(null, table, null, ModelSource.stamped(file, stamp), table.width(), 1);
    }
    String model = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    try {
      return Model.parse(model, -1, 1, true);
    } catch (IllegalStateException e) {
      throw new IOException(file + " is not a lightgbm model file: " + e.getMessage(), e);
    }
  }

  /**
   * A model in LightGBM's text format, evaluated by {@link LightgbmTrees} (LightGBM's predictions,
   * bit for bit, without its libraries) or, for a model that class does not read, by a booster
   * LightGBM reads from the text. Calls into one booster are serialised.
   */
  static final class Model implements FittedModel {
    private final LGBMBooster booster; // null when the trees are evaluated in Java
    private final LightgbmTrees trees;
    private final String text; // null for a model read through its table: then read again from source to be saved
    private final ModelSource source;
    private final int width;
    private final String predictParams;
    private boolean closed; // guarded by this

    private Model(LGBMBooster booster, LightgbmTrees trees, String text, ModelSource source, int width, int threads) {
      this.booster = booster;
      this.trees = trees;
      this.text = text;
      this.source = source;
      this.width = width;
      this.predictParams = "num_threads=" + threads;
    }

    /**
     * Reads a model; {@code width} -1 takes the width from the model; {@code inJava}: evaluated by
     * {@link LightgbmTrees} when it reads the model.
     */
    static Model parse(String text, int width, int threads, boolean inJava) {
      LightgbmTrees trees = inJava ? LightgbmTrees.parse(text) : null;
      if (trees != null) {
        if (width != -1 && trees.width() != width) {
          throw new IllegalStateException("model has " + trees.width() + " features, expected " + width);
        }
        return new Model(null, trees, text, null, trees.width(), threads);
      }
      NativeLibraries.lightgbm();
      LGBMBooster booster;
      try {
        booster = LGBMBooster.loadModelFromString(text);
      } catch (LGBMException | RuntimeException e) {
        throw new IllegalStateException("lightgbm cannot read the model: " + e.getMessage(), e);
      }
      try {
        int features = booster.getNumFeature();
        if (width != -1 && features != width) {
          throw new IllegalStateException("model has " + features + " features, expected " + width);
        }
        return new Model(booster, null, text, null, features, threads);
      } catch (LGBMException | RuntimeException e) {
        try {
          booster.close();
        } catch (LGBMException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(e.getMessage(), e);
      }
    }

    boolean evaluatedInJava() {
      return trees != null;
    }

    @Override
    public synchronized double[] predict(double[][] x) {
      if (closed) {
        throw new IllegalStateException("lightgbm model is closed");
      }
      DesignMatrix.requireRows(x, width);
      if (x.length == 0) {
        return new double[0];
      }
      if (trees != null) {
        return trees.predict(x);
      }
      try {
        return booster.predictForMat(DesignMatrix.flatten(x, width), x.length, width, true,
            PredictionType.C_API_PREDICT_NORMAL, predictParams);
      } catch (LGBMException e) {
        throw new IllegalStateException("lightgbm prediction failed: " + e.getMessage(), e);
      }
    }

    /** Writes LightGBM's text and, beside it, gfa's table of the trees ({@link TreeTables}) when Java reads them. */
    @Override
    public void save(Path file) throws IOException {
      byte[] bytes = text != null ? text.getBytes(StandardCharsets.UTF_8) : source.bytes();
      AtomicOutput.write(file, out -> out.write(bytes));
      LightgbmTrees table = trees != null ? trees : LightgbmTrees.parse(text);
      if (table != null) {
        TreeTables.write(file, bytes, LightgbmTrees.TABLE_HEADER, table::writeTable);
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        if (booster == null) {
          return;
        }
        try {
          booster.close();
        } catch (LGBMException e) {
          throw new IllegalStateException("lightgbm could not free its booster: " + e.getMessage(), e);
        }
      }
    }
  }
}

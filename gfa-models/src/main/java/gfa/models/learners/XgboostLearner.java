package gfa.models.learners;

import gfa.core.io.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees by XGBoost (the library behind the paper's {@code XGBRegressor}), through
 * its Java binding XGBoost4J: squared-error objective, histogram tree method (XGBoost's default
 * since 2.0), {@code n_estimators} boosting rounds. XGBoost works in single precision: descriptors
 * and targets are rounded to float32 on the way in, predictions are float32 widened to double.
 *
 * <p>Threads: {@code nthread = threads} for fitting and for predictions of the fitted model; with a
 * fixed number of threads the fit is deterministic. The model is saved in XGBoost's own UBJSON
 * format ({@code Booster.saveModel(out, "ubj")}); {@link #close()} of the model disposes the native
 * booster.
 */
public final class XgboostLearner implements Learner {
  private static final String FORMAT = "ubj";
  /**
   * Histogram bins per descriptor, half XGBoost's default 256. A deep tree builds one histogram of
   * every descriptor's bins per node, so a fit's time follows the bins: over seeds 1-5 of the
   * default training, 128 bins (with LightGBM's 127) cost the fusion's CV R^2 0.002 (0.7964 mean
   * against 0.7984) and the training a quarter of its time (docs/benchmarks.md, session 10).
   */
  static final int MAX_BIN = 128;
  /** What every fit sets beyond the searched parameters (recorded in a model's manifest). */
  private static final Map<String, Object> SETTINGS = Map.of("tree_method", "hist", "max_bin", MAX_BIN);

  private static final ParamSpace SPACE = ParamSpace.of(
      QRange.ofInteger("n_estimators", 150, 450, 3),
      QRange.ofReal("learning_rate", 0.05, 0.3, 0.002),
      QRange.ofReal("colsample_bytree", 0.3, 1, 0.1),
      QRange.ofReal("colsample_bynode", 0.1, 1, 0.1),
      QRange.ofReal("gamma", 0, 15, 0.2),
      QRange.ofReal("reg_lambda", 0, 25, 0.5),
      QRange.ofReal("min_child_weight", 0, 50, 0.5),
      QRange.ofInteger("max_depth", 5, 45, 1),
      QRange.ofReal("subsample", 0.5, 1, 0.1));

  /** XGBoost's defaults, where the space allows (100 rounds is below it: 150). */
  private static final Map<String, Object> DEFAULTS = Map.of(
      "n_estimators", 150.0,
      "learning_rate", 0.3,
      "colsample_bytree", 1.0,
      "colsample_bynode", 1.0,
      "gamma", 0.0,
      "reg_lambda", 1.0,
      "min_child_weight", 1.0,
      "max_depth", 6.0,
      "subsample", 1.0);

  @Override
  public String id() {
    return "xgboost";
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

  /** XGBoost's parameters for a fit (scikit-learn names mapped to XGBoost's). */
  static Map<String, Object> boosterParams(XgboostOptions o, long seed, int threads) {
    Map<String, Object> params = new HashMap<>();
    params.put("objective", "reg:squarederror");
    params.putAll(SETTINGS);
    params.put("eta", o.learningRate());
    params.put("colsample_bytree", o.colsampleBytree());
    params.put("colsample_bynode", o.colsampleBynode());
    params.put("gamma", o.gamma());
    params.put("lambda", o.regLambda());
    params.put("min_child_weight", o.minChildWeight());
    params.put("max_depth", o.maxDepth());
    params.put("subsample", o.subsample());
    params.put("seed", Seeds.nativeSeed(seed));
    params.put("nthread", threads);
    params.put("verbosity", 0);
    // XGBoost keeps up to 65536 node histograms (59 KB each here) for its subtraction trick: the
    // paper's deep trees (max_depth up to 45) made a fit hold hundreds of MB of them. 1024 cut a
    // deep fold fit from 764 to 542 MB resident with the same predictions and time (docs/engine.md).
    params.put("max_cached_hist_node", 1024);
    return params;
  }

  @Override
  public FittedModel fit(double[][] x, double[] y, Map<String, Object> params, long seed, int threads) {
    try (TrainingSet data = new TrainingSet(x, y)) {
      return fit(data, params, seed, threads);
    }
  }

  /**
   * Fits on the set's DMatrix, built by the set's first fit: XGBoost keeps the histogram index (the
   * quantile cuts and binned rows of {@code tree_method=hist}) with the DMatrix, so later fits of
   * the same set skip both the copy and the binning.
   */
  @Override
  public FittedModel fit(TrainingSet data, Map<String, Object> params, long seed, int threads) {
    DesignMatrix.requireThreads(threads);
    XgboostOptions o = XgboostOptions.of(params);
    int rounds = o.nEstimators();
    Map<String, Object> boosterParams = boosterParams(o, seed, threads);
    NativeLibraries.xgboost();
    try {
      DMatrix train = data.cached("xgboost:dmatrix", () -> dmatrix(data), DMatrix::dispose);
      Booster booster = XGBoost.train(train, boosterParams, rounds, Map.of(), null, null);
      try {
        return new Model(booster, data.width(), threads);
      } catch (XGBoostError | RuntimeException e) {
        booster.dispose();
        throw e;
      }
    } catch (XGBoostError e) {
      throw new IllegalArgumentException("xgboost: " + e.getMessage(), e);
    }
  }

  private static DMatrix dmatrix(TrainingSet data) {
    DMatrix train = null;
    try {
      train = new DMatrix(DesignMatrix.flattenToFloat(data.x(), data.width()), data.rows(), data.width(), Float.NaN);
      train.setLabel(DesignMatrix.toFloat(data.y()));
      return train;
    } catch (XGBoostError e) {
      if (train != null) {
        train.dispose();
      }
      throw new IllegalArgumentException("xgboost: " + e.getMessage(), e);
    }
  }

  @Override
  public FittedModel load(Path file) throws IOException {
    ModelSource.Stamp stamp = TreeTables.stampIfTabled(file);
    XgboostTrees table = stamp == null ? null : TreeTables.read(file, stamp, XgboostTrees.TABLE_HEADER, id(), XgboostTrees::readTable);
    if (table != null) {
      return new ReadModel(table, ModelSource.stamped(file, stamp));
    }
    byte[] bytes = Files.readAllBytes(file);
    XgboostTrees trees = XgboostTrees.parse(bytes);
    if (trees != null) {
      return new ReadModel(trees, ModelSource.held(bytes)); // XGBoost's predictions, evaluated in Java
    }
    NativeLibraries.xgboost();
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      Booster booster = XGBoost.loadModel(in);
      try {
        booster.setParam("nthread", 1);
        return new Model(booster, (int) booster.getNumFeature(), 1);
      } catch (XGBoostError | RuntimeException e) {
        booster.dispose();
        throw e;
      }
    } catch (XGBoostError e) {
      throw new IOException(file + " is not an xgboost model file: " + e.getMessage(), e);
    }
  }

  /**
   * A model read from its file and evaluated by {@link XgboostTrees}: XGBoost's predictions bit for
   * bit, without its library. Saving it writes the bytes it was read from.
   */
  static final class ReadModel implements FittedModel {
    private final XgboostTrees trees;
    private final ModelSource source;

    ReadModel(XgboostTrees trees, ModelSource source) {
      this.trees = trees;
      this.source = source;
    }

    @Override
    public double[] predict(double[][] x) {
      DesignMatrix.requireRows(x, trees.width());
      return trees.predict(x);
    }

    @Override
    public void save(Path file) throws IOException {
      byte[] bytes = source.bytes();
      AtomicOutput.write(file, out -> out.write(bytes));
      TreeTables.write(file, bytes, XgboostTrees.TABLE_HEADER, trees::writeTable);
    }

    @Override
    public void close() {}
  }

  /**
   * A booster. XGBoost does not promise that predicting from a DMatrix is thread-safe, so calls are
   * serialised on the booster (each is itself multi-threaded).
   */
  private static final class Model implements FittedModel {
    private final Booster booster;
    private final int width;
    private boolean closed; // guarded by this

    Model(Booster booster, int width, int threads) throws XGBoostError {
      this.booster = booster;
      this.width = width;
      booster.setParam("nthread", threads);
    }

    @Override
    public synchronized double[] predict(double[][] x) {
      if (closed) {
        throw new IllegalStateException("xgboost model is closed");
      }
      DesignMatrix.requireRows(x, width);
      if (x.length == 0) {
        return new double[0];
      }
      DMatrix data = null;
      try {
        data = new DMatrix(DesignMatrix.flattenToFloat(x, width), x.length, width, Float.NaN);
        float[][] out = booster.predict(data);
        double[] predictions = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          predictions[i] = out[i][0];
        }
        return predictions;
      } catch (XGBoostError e) {
        throw new IllegalStateException("xgboost prediction failed: " + e.getMessage(), e);
      } finally {
        if (data != null) {
          data.dispose();
        }
      }
    }

    @Override
    public synchronized void save(Path file) throws IOException {
      if (closed) {
        throw new IllegalStateException("xgboost model is closed");
      }
      java.io.ByteArrayOutputStream model = new java.io.ByteArrayOutputStream(1 << 20);
      try {
        booster.saveModel(model, FORMAT);
      } catch (XGBoostError e) {
        throw new IOException("xgboost could not write its model: " + e.getMessage(), e);
      }
      byte[] bytes = model.toByteArray();
      AtomicOutput.write(file, out -> out.write(bytes));
      XgboostTrees trees = XgboostTrees.parse(bytes); // gfa's table of the trees beside it, when Java reads them
      if (trees != null) {
        TreeTables.write(file, bytes, XgboostTrees.TABLE_HEADER, trees::writeTable);
      }
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        booster.dispose();
      }
    }
  }
}

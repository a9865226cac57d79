package gfa.api;

import gfa.cli.workflow.ModelTraining;
import gfa.cli.workflow.TrainModel;
import gfa.cli.workflow.TrainingSource;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.concurrent.Workers;
import gfa.core.data.MiedemaVersion;
import gfa.core.dataset.DefaultTrainingSet;
import gfa.core.dataset.Labels;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.eval.CvScheme;
import gfa.models.training.GfaModel;
import gfa.models.training.TrainingListener;
import gfa.models.training.TrainingOptions;
import gfa.models.uncertainty.CalibrationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * gfa from Java code or a notebook, with Tablesaw tables in and out (docs/api.md). Five calls:
 * {@link #featurize}, {@link #train}, {@link #load}, then {@link DmaxModel#predict} and
 * {@link DmaxModel#predictSystem} on the model. Each computes what the command of the same name
 * computes, through the same code, so its numbers are the command's.
 *
 * <p>Bad input (a missing column, a formula that does not parse, a model directory that is not
 * one) throws {@link GfaInputException} with a one-line message naming the table and row (rows
 * counted from 0) or the file; a bad setting throws {@link IllegalArgumentException}.
 *
 * <p>This package is the only user of Tablesaw in gfa: the commands never load it.
 */
public final class GlassFormingAbility {
  /** The descriptors the commands compute by default: the paper's 29 (Table S2), the published Miedema values. */
  private static final Featurizer DESCRIPTORS = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);

  private GlassFormingAbility() {}

  /** The names of the 29 descriptor columns, in the published order. */
  public static List<String> descriptorColumns() {
    return DESCRIPTORS.columns();
  }

  /** {@link #featurize(Table, Workers)} on all processors. */
  public static Table featurize(Table compositions) {
    return featurize(compositions, Workers.all());
  }

  /**
   * The 29 descriptors of every row of a table with a {@code composition} column, as
   * {@code gfa featurize}: the table's columns, then one double column per descriptor. Input
   * columns that carry a descriptor's name are replaced. The input table is not changed.
   */
  public static Table featurize(Table compositions, Workers workers) {
    List<Composition> alloys = Tables.compositions(compositions);
    double[][] x;
    try {
      x = workers.call(() -> DESCRIPTORS.featurizeAll(alloys));
    } catch (Featurizer.RowProblem e) {
      throw e.problem().at(Tables.where(compositions, e.row()));
    }
    List<String> names = DESCRIPTORS.columns();
    Table out = Tables.without(compositions, names);
    for (int d = 0; d < names.size(); d++) {
      double[] column = new double[x.length];
      for (int r = 0; r < x.length; r++) {
        column[r] = x[r][d];
      }
      out.addColumns(Tables.doubles(names.get(d), column));
    }
    return out;
  }

  /**
   * gfa's built-in training table (Ward et al. 2018, docs/default-data.md) as a table named
   * {@code ward2018-gfa}: {@code composition}, {@code D_max} (mm) and the columns it comes with.
   */
  public static Table builtInTable() {
    DefaultTrainingSet set = DefaultTrainingSet.load();
    try {
      // every row decides a column's type (a sample could take D_max for whole numbers)
      return Table.read().usingOptions(CsvReadOptions.builderFromString(set.csv()).tableName(set.name()).sample(false)
          .columnTypesPartial(Map.of("composition", ColumnType.STRING, "D_max", ColumnType.DOUBLE)));
    } catch (RuntimeException e) {
      throw new IllegalStateException("the built-in table does not read as a table", e);
    }
  }

  /**
   * Trains on gfa's built-in table, exactly as {@code gfa train} without {@code --data} does (the
   * saved manifest names the built-in table, its version and SHA-256).
   */
  public static DmaxModel train(Training training) {
    return train(TrainingSource.of(null), training, null);
  }

  /**
   * Trains on a table with a {@code composition} column and a {@code D_max} column in mm (or
   * {@code outcome} and {@code dmax_mm}, as {@code gfa train} reads them), exactly as
   * {@code gfa train --data} does on the same rows written as CSV: rows of the same alloy averaged,
   * pruned for {@link Training#system()} if set, each learner tuned, the fusion tuned, all refitted,
   * the intervals calibrated. A saved model records the data as the file {@code NAME.csv} (the
   * table's name) with the SHA-256 of the table as CSV.
   */
  public static DmaxModel train(Table data, Training training) {
    Tables.compositions(data); // a bad composition is named by its row before anything else
    Path directory = null;
    try {
      directory = Files.createTempDirectory("gfa-api-");
      Path file = directory.resolve(Tables.fileName(data));
      Files.writeString(file, Tables.toCsv(data));
      TrainingSource source = TrainingSource.of(file); // read whole, here
      return train(source, training, new Renaming(file.toString(), Tables.label(data)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the table for training: " + e.getMessage(), e);
    } finally {
      deleteQuietly(directory);
    }
  }

  private static DmaxModel train(TrainingSource source, Training training, Renaming renaming) {
    TrainingOptions options = ModelTraining.options(training.folds(), training.trials(), false, training.learners(), training.seed(),
        training.threads());
    TrainModel.Descriptors descriptors = new TrainModel.Descriptors(Preset.GONG2024, MiedemaVersion.PAPER, false);
    TrainModel.Request request = new TrainModel.Request(source, "D_max", descriptors, training.ternary(), training.pruning(),
        options, CvScheme.RANDOM, training.extraCv(), null, training.learners() != null, Labels.DEFAULT_MAX_DMAX_MM);
    TrainModel.Result result;
    try {
      result = TrainModel.run(request, TrainingListener.NONE);
    } catch (GfaInputException e) {
      throw renaming == null ? e : renaming.apply(e);
    }
    return DmaxModel.trained(result, descriptors.featurizer(), training.system(), new Workers(training.threads()));
  }

  /** {@link #load(Path, Workers)} predicting on all processors. */
  public static DmaxModel load(Path directory) {
    return load(directory, Workers.all());
  }

  /**
   * A model directory saved by {@code gfa train} (or {@link DmaxModel#save}). Refuses a directory
   * that is not one, or a model whose descriptors this gfa computes differently.
   */
  public static DmaxModel load(Path directory, Workers workers) {
    if (!Files.isDirectory(directory)) {
      throw new GfaInputException("model directory not found: " + directory);
    }
    GfaModel model = GfaModel.load(directory, null, null);
    try {
      var pruning = model.stored().manifest().path("pruning");
      String prunedFor = pruning.isObject() && !pruning.path("system").asText("").isEmpty() ? pruning.path("system").asText() : null;
      return DmaxModel.loaded(model, CalibrationStore.read(directory).orElse(null), prunedFor, workers, directory);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Names the table, not its staging file, in messages: {@code table 'alloys' row 4} for {@code /tmp/.../alloys.csv line 6}. */
  private record Renaming(String file, String label) {
    GfaInputException apply(GfaInputException e) {
      String message = e.getMessage();
      if (message == null || !message.contains(file)) {
        return e;
      }
      Matcher line = Pattern.compile(Pattern.quote(file) + " line (\\d+)").matcher(message);
      StringBuilder renamed = new StringBuilder();
      while (line.find()) {
        // data line N of the CSV is row N - 2: the header is line 1, rows count from 0
        line.appendReplacement(renamed, Matcher.quoteReplacement(label + " row " + (Integer.parseInt(line.group(1)) - 2)));
      }
      line.appendTail(renamed);
      return new GfaInputException(renamed.toString().replace(file, label), e);
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (var files = Files.list(directory)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // a temporary file left behind is harmless
    }
  }
}

package gfa.cli;

import gfa.cli.workflow.AlloyPrediction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.core.io.CsvTable;
import gfa.features.Featurizer;
import gfa.features.Preset;
import gfa.models.training.GfaModel;
import gfa.models.uncertainty.CalibrationRecord;
import gfa.models.uncertainty.CalibrationStore;
import gfa.models.uncertainty.Uncertainty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa predict}: D_max predictions of a saved model for the compositions of a file. */
@Command(
    name = "predict",
    sortOptions = false,
    description = {
      "Predict D_max (mm) with a model saved by 'gfa train'. The output has the input's columns, "
          + "then predicted_D_max (the fusion) and one predicted_D_max_<model> column per model; a model "
          + "with a calibration (calibration.json, written by 'gfa train') adds predicted_D_max_lower and "
          + "predicted_D_max_upper (the central 90 %% interval) and p_bmg (probability of D_max >= 1 mm), "
          + "calibrated on leave-system-out cross-validation (docs/trust.md). "
          + "Descriptors are computed with the preset, Miedema table and element tables the model "
          + "was trained with; asking for others, or a gfa whose element tables differ, is an error."
    })
public final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR", description = "Model directory from 'gfa train'.")
  Path model;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
      description = "CSV with a 'composition' column, or one formula per line.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "CSV to write; '-' writes standard output.")
  Path output;

  @Option(names = "--preset", paramLabel = "NAME", converter = OptionValues.PresetConverter.class,
      description = "Check that the model uses this descriptor preset.")
  Preset preset;

  @Option(names = "--miedema", paramLabel = "VERSION", converter = OptionValues.MiedemaConverter.class,
      description = "Check that the model uses this Miedema table.")
  MiedemaVersion miedema;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    if (!Files.isRegularFile(input)) {
      throw new GfaInputException("input file not found: " + input);
    }
    OutputFile.check("--output", output, common, input, model);
    CsvTable table = CsvTable.readCompositionList(input);
    int column = table.requireColumn("composition");
    List<Composition> compositions = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      try {
        compositions.add(Composition.parse(table.cell(r, column)));
      } catch (GfaInputException e) {
        throw e.at(table.where(r));
      }
    }
    if (compositions.isEmpty()) {
      throw new GfaInputException(input + ": no compositions");
    }
    try (GfaModel loaded = GfaModel.load(model, preset, miedema)) {
      CalibrationRecord calibration = CalibrationStore.read(model).orElse(null);
      CsvTable predicted;
      try {
        predicted = AlloyPrediction.predict(table, compositions, loaded, calibration, common.workers());
      } catch (Featurizer.RowProblem e) {
        throw e.problem().at(table.where(e.row()));
      }
      predicted.writeAtomically(output);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (common.json()) {
      ObjectNode json = new ObjectMapper().createObjectNode();
      json.put("model", model.toString());
      json.put("input", input.toString());
      json.put("output", output.toString());
      json.put("rows", compositions.size());
      json.put("seconds", Math.round(seconds * 1000) / 1000.0);
      spec.commandLine().getOut().println(json);
      spec.commandLine().getOut().flush();
    } else if (!common.quiet()) {
      spec.commandLine().getErr().printf(Locale.ROOT, "predicted %d compositions in %.1f s -> %s%n", compositions.size(), seconds, output);
      spec.commandLine().getErr().flush();
    }
    return ExitCodes.OK;
  }
}

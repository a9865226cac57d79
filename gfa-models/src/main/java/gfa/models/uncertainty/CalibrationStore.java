package gfa.models.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code calibration.json} in a model directory: a {@link CalibrationRecord} written and read back
 * typed. Models trained before calibration existed have none ({@link #read} is then empty).
 */
public final class CalibrationStore {
  public static final String FILE = "calibration.json";
  public static final String FORMAT = "gfa-calibration/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CalibrationStore() {}

  /** The JSON text of a record (compact: the residuals and alloys make it long). */
  public static String toJson(CalibrationRecord r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("method", "normalised split-conformal on out-of-fold residuals; scale = floor + fusion-weighted learner spread");
    root.put("calibrated_on", r.calibration().calibratedOn());
    root.put("scale_floor", r.calibration().scaleFloor());
    root.put("level", r.level());
    root.put("threshold_mm", r.threshold());
    ArrayNode residuals = root.putArray("residuals");
    for (double v : r.calibration().residuals()) {
      residuals.add(v);
    }
    ObjectNode domain = root.putObject("domain");
    domain.put("quantile", r.domainQuantile());
    domain.put("composition_threshold", r.compositionThreshold());
    domain.put("descriptor_threshold", r.descriptorThreshold());
    ArrayNode alloys = domain.putArray("alloys");
    ArrayNode dmax = domain.putArray("dmax");
    for (int i = 0; i < r.alloys().size(); i++) {
      alloys.add(r.alloys().get(i).format());
      dmax.add(r.dmax()[i]);
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CalibrationRecord fromJson(String text, String where) {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new GfaInputException(where + ": not a " + FORMAT + " file");
      }
      double[] residuals = doubles(root.path("residuals"), where);
      JsonNode domain = root.path("domain");
      List<Composition> alloys = new ArrayList<>();
      for (JsonNode a : domain.path("alloys")) {
        alloys.add(Composition.parse(a.asText()));
      }
      PredictiveCalibration calibration =
          new PredictiveCalibration(root.path("calibrated_on").asText(), root.path("scale_floor").asDouble(), residuals);
      return new CalibrationRecord(calibration, root.path("level").asDouble(), root.path("threshold_mm").asDouble(),
          domain.path("quantile").asDouble(), number(domain.path("composition_threshold")),
          number(domain.path("descriptor_threshold")), alloys, doubles(domain.path("dmax"), where));
    } catch (GfaInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new GfaInputException(where + ": corrupted calibration (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /** Jackson writes infinity as the string "Infinity" (a single-system model has no finite threshold). */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
  }

  private static double[] doubles(JsonNode array, String where) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new GfaInputException(where + ": corrupted calibration (a non-number)");
      }
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  /** Writes the record into a model directory being published. */
  public static void write(Path modelDirectory, CalibrationRecord r) throws IOException {
    Files.writeString(modelDirectory.resolve(FILE), toJson(r));
  }

  /** The record of a model directory; empty when the model has none. */
  public static Optional<CalibrationRecord> read(Path modelDirectory) {
    Path file = modelDirectory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(fromJson(Files.readString(file), file.toString()));
    } catch (IOException e) {
      throw new GfaInputException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }
}

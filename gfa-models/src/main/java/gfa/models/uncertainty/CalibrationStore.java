package gfa.models.uncertainty;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.models.training.JsonTrees;
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
  /** The writer, made on first use (training writes calibration.json; predicting only reads it). */
  private static final class Writer {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private CalibrationStore() {}

  /** The JSON text of a record (compact: the residuals and alloys make it long). */
  public static String toJson(CalibrationRecord r) {
    ObjectNode root = Writer.JSON.createObjectNode();
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
      return Writer.JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The record in {@code text}, read with Jackson's streaming parser straight into arrays: the
   * default model's file holds some 19,000 numbers and 6,398 alloys. No ObjectMapper (its set-up
   * cost predict-ternary 40 ms) and no tree: through {@link JsonTrees#parse} the model's load took
   * 0.03 s longer (docs/benchmarks.md, session 12). A field missing reads as 0 or an empty text; a
   * number field that is not a number is a corrupted file.
   */
  public static CalibrationRecord fromJson(String text, String where) {
    try (JsonParser p = JsonTrees.parser(text)) { // with the fast double parser: see JsonTrees
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new GfaInputException(where + ": not a " + FORMAT + " file");
      }
      Fields root = new Fields();
      Fields domain = new Fields();
      root.read(p, where, domain);
      if (!FORMAT.equals(root.texts.get("format"))) {
        throw new GfaInputException(where + ": not a " + FORMAT + " file");
      }
      List<Composition> alloys = new ArrayList<>();
      for (String a : domain.alloys) {
        alloys.add(Composition.parse(a));
      }
      PredictiveCalibration calibration = new PredictiveCalibration(root.texts.getOrDefault("calibrated_on", ""),
          root.number("scale_floor"), root.array("residuals"));
      return new CalibrationRecord(calibration, root.number("level"), root.number("threshold_mm"), domain.number("quantile"),
          domain.number("composition_threshold"), domain.number("descriptor_threshold"), alloys, domain.array("dmax"));
    } catch (GfaInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new GfaInputException(where + ": corrupted calibration (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
  }

  /** The scalar, array and alloy fields of one JSON object of the file, by name. */
  private static final class Fields {
    final java.util.Map<String, String> texts = new java.util.HashMap<>();
    final java.util.Map<String, double[]> arrays = new java.util.HashMap<>();
    final List<String> alloys = new ArrayList<>();

    /** Reads the object whose START_OBJECT was just read; {@code domain} takes the "domain" object's fields, if any. */
    void read(JsonParser p, String where, Fields domain) throws IOException {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_ARRAY && name.equals("alloys") && domain == null) {
          alloys.clear();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            alloys.add(p.getText());
          }
        } else if (value == JsonToken.START_ARRAY && (name.equals("residuals") || name.equals("dmax"))) {
          arrays.put(name, doubles(p, where));
        } else if (value == JsonToken.START_OBJECT && name.equals("domain") && domain != null) {
          domain.read(p, where, null);
        } else if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
          p.skipChildren(); // a field this version does not read
        } else {
          texts.put(name, p.getText());
        }
      }
    }

    /**
     * A number field; Jackson writes infinity as the string "Infinity" (a single-system model has
     * no finite threshold); a missing one is 0, as the tree's missing node read.
     */
    double number(String name) {
      String text = texts.get(name);
      return text == null ? 0.0 : Double.parseDouble(text);
    }

    double[] array(String name) {
      double[] a = arrays.get(name);
      return a == null ? new double[0] : a;
    }
  }

  /** The numbers of the array whose START_ARRAY was just read. */
  private static double[] doubles(JsonParser p, String where) throws IOException {
    double[] out = new double[64];
    int n = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        throw new GfaInputException(where + ": corrupted calibration (a non-number)");
      }
      if (n == out.length) {
        out = java.util.Arrays.copyOf(out, 2 * n);
      }
      out[n++] = p.getDoubleValue();
    }
    return java.util.Arrays.copyOf(out, n);
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

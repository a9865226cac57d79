package gfa.models.uncertainty;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.features.Featurizer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code calibration-descriptors.bin} in a model directory: the raw descriptor rows of the
 * training alloys that {@code calibration.json} names, in its order and as it gives them back, as
 * the model's own featuriser computes them. A trust report (nearest known alloys, in-domain distance) needs them; without
 * this file every {@code predict-ternary --model} featurised the ~5500 alloys again (a third of a
 * second of CPU). The rows are the exact doubles the featuriser gives, so a report from the file
 * is bit for bit the report from featurising. Models saved before the file existed have none and
 * are featurised as before ({@link #read} is then empty).
 *
 * <p>Layout (docs/model-format.md): the ASCII line {@code gfa-descriptors/1\n}, then big-endian
 * {@code i32} rows, {@code i32} width and rows × width {@code f64}, row after row; nothing after.
 */
public final class KnownDescriptors {
  public static final String FILE = "calibration-descriptors.bin";
  public static final String FORMAT = "gfa-descriptors/1";
  private static final byte[] HEADER = (FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);

  private KnownDescriptors() {}

  /**
   * Featurises the record's alloys with {@code featurizer} and writes them into a model directory
   * being published. An alloy the featuriser refuses (possible only for descriptors read from a
   * file) leaves the file out: a trust report then featurises as it always did, and says so.
   */
  public static void write(Path modelDirectory, CalibrationRecord record, Featurizer featurizer) throws IOException {
    double[][] rows;
    try {
      // As calibration.json gives them back: written with format(), read with parse(), which may
      // round a fraction in its last digits; the rows must be those of the alloys read back.
      rows = featurizer.featurizeAll(record.alloys().stream().map(a -> Composition.parse(a.format())).toList());
    } catch (GfaInputException e) {
      return;
    }
    write(modelDirectory, rows);
  }

  /** Writes descriptor rows (all of one width) into a model directory. */
  public static void write(Path modelDirectory, double[][] rows) throws IOException {
    int width = rows.length == 0 ? 0 : rows[0].length;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER.length + 8 + rows.length * width * 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(HEADER);
      out.writeInt(rows.length);
      out.writeInt(width);
      for (double[] row : rows) {
        if (row.length != width) {
          throw new IllegalArgumentException("descriptor rows of different widths");
        }
        for (double v : row) {
          out.writeDouble(v);
        }
      }
    }
    Files.write(modelDirectory.resolve(FILE), bytes.toByteArray());
  }

  /**
   * The rows of a model directory, checked against what the calibration and the model expect;
   * empty when the model has no such file. A file of another shape, or a damaged one, is an input
   * error naming it (never rows that would give a wrong report).
   *
   * @param rows the number of alloys calibration.json names
   * @param width the model's number of descriptor columns
   */
  public static Optional<double[][]> read(Path modelDirectory, int rows, int width) {
    Path file = modelDirectory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new GfaInputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    ByteBuffer in = ByteBuffer.wrap(data); // big-endian, as DataOutputStream writes
    if (data.length < HEADER.length + 8 || !ByteBuffer.wrap(data, 0, HEADER.length).equals(ByteBuffer.wrap(HEADER))) {
      throw new GfaInputException(file + ": not a " + FORMAT + " file");
    }
    in.position(HEADER.length);
    int n = in.getInt();
    int p = in.getInt();
    if (n != rows || p != width) {
      throw new GfaInputException(file + ": holds " + n + " rows of " + p + " descriptors, but the model has " + width
          + " descriptors and calibration.json " + rows + " alloys (a file from another model?)");
    }
    if ((long) n * p * 8 != in.remaining()) {
      throw new GfaInputException(file + ": corrupted (" + in.remaining() + " bytes of numbers for " + n + " x " + p + ")");
    }
    double[][] out = new double[n][p];
    java.nio.DoubleBuffer numbers = in.asDoubleBuffer(); // one view for all rows: a view per row cost 40 ms at start-up
    for (double[] row : out) {
      numbers.get(row);
    }
    return Optional.of(out);
  }
}

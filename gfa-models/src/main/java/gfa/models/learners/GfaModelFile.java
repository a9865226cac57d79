package gfa.models.learners;

import gfa.core.io.AtomicOutput;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * gfa's own model files (docs/model-format.md): a first line in ASCII naming the format and its
 * version (e.g. {@code gfa-svr/1}), then big-endian 32-bit integers and 64-bit IEEE doubles. The
 * layout depends on gfa only, not on any library's classes, so a model outlives a library upgrade.
 */
final class GfaModelFile {
  /** The first two bytes of every Java serialization stream: files older gfa releases wrote. */
  static final int JAVA_SERIALIZATION_MAGIC = 0xACED;

  private GfaModelFile() {}

  /** What a learner writes after the header line. */
  interface Body {
    void writeTo(DataOutputStream out) throws IOException;
  }

  /** Writes {@code header} as the first line and then the body, atomically. */
  static void write(Path file, String header, Body body) throws IOException {
    AtomicOutput.write(file, out -> {
      DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
      data.write((header + "\n").getBytes(StandardCharsets.US_ASCII));
      body.writeTo(data);
      data.flush();
    });
  }

  static void writeAll(DataOutputStream out, int[] values) throws IOException {
    for (int v : values) {
      out.writeInt(v);
    }
  }

  static void writeAll(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  /** Whether {@code bytes} begin a Java serialization stream (a model file of gfa before its own format). */
  static boolean isJavaSerialization(byte[] bytes) {
    return bytes.length >= 2 && ((bytes[0] & 0xff) << 8 | (bytes[1] & 0xff)) == JAVA_SERIALIZATION_MAGIC;
  }

  /**
   * A reader of one file's body after checking its header line; every count is checked against
   * the bytes left before anything is allocated, so a damaged file is an error, not an
   * OutOfMemoryError.
   */
  static final class Reader {
    private final Path file;
    private final String learner;
    private final ByteBuffer buffer; // big-endian, Java's and the format's byte order

    Reader(Path file, byte[] bytes, String header, String learner) throws IOException {
      this.file = file;
      this.learner = learner;
      byte[] expected = (header + "\n").getBytes(StandardCharsets.US_ASCII);
      if (bytes.length < expected.length || !ByteBuffer.wrap(bytes, 0, expected.length).equals(ByteBuffer.wrap(expected))) {
        throw new IOException(file + " is not an " + learner + " model file (it does not begin with '" + header + "')");
      }
      this.buffer = ByteBuffer.wrap(bytes, expected.length, bytes.length - expected.length).slice();
    }

    int int32() throws IOException {
      try {
        return buffer.getInt();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    double float64() throws IOException {
      try {
        return buffer.getDouble();
      } catch (BufferUnderflowException e) {
        throw truncated();
      }
    }

    int[] int32s(int n) throws IOException {
      require(n, Integer.BYTES);
      int[] values = new int[n];
      buffer.asIntBuffer().get(values);
      buffer.position(buffer.position() + n * Integer.BYTES);
      return values;
    }

    double[] float64s(int n) throws IOException {
      require(n, Double.BYTES);
      double[] values = new double[n];
      buffer.asDoubleBuffer().get(values);
      buffer.position(buffer.position() + n * Double.BYTES);
      return values;
    }

    /** The CRC-32 of the bytes not read yet (the position stays). */
    int crc32OfRest() {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(buffer.duplicate());
      return (int) crc.getValue();
    }

    /** Refuses bytes after the last field: a file of another layout, or two files joined. */
    void end() throws IOException {
      if (buffer.hasRemaining()) {
        throw corrupt(buffer.remaining() + " bytes after the end of the model");
      }
    }

    IOException corrupt(String what) {
      return new IOException(file + " is a damaged " + learner + " model file: " + what);
    }

    private void require(int n, int bytesEach) throws IOException {
      if (n < 0 || (long) n * bytesEach > buffer.remaining()) {
        throw n < 0 ? corrupt("negative count " + n) : truncated();
      }
    }

    private IOException truncated() {
      return corrupt("it ends early (truncated?)");
    }
  }
}

package gfa.models.learners;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The bytes of the file a booster was read from, which saving the model writes again. A model read
 * through its tree table ({@link TreeTables}) predicts from the table alone, so it keeps only the
 * file's {@link Stamp} and reads the file again when it is saved, refusing a file that changed
 * meanwhile: XGBoost's 15 MB of JSON and LightGBM's 8 MB of text were read, kept and (LightGBM's)
 * decoded on every {@code predict-ternary --model} only to be checked against the table.
 */
final class ModelSource {
  /** A file's length and CRC-32: what binds a tree table to the model file it was made from. */
  record Stamp(long length, int crc) {
    static Stamp of(byte[] bytes) {
      return new Stamp(bytes.length, TreeTables.crc32(bytes, 0, bytes.length));
    }

    /**
     * The stamp of a file, read a megabyte at a time through one direct buffer: no copy of its
     * bytes on the heap. (Not a memory map: mapping a file makes the JDK build a reflective
     * constructor out of some twenty method-handle classes generated on the spot, which cost
     * more at start-up than the copy it saves.)
     */
    static Stamp of(Path file) throws IOException {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        CRC32 crc = new CRC32();
        long length = 0;
        for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
          length += n;
          crc.update(buffer.flip());
        }
        return new Stamp(length, (int) crc.getValue());
      }
    }
  }

  private final byte[] held;
  private final Path file;
  private final Stamp stamp;

  private ModelSource(byte[] held, Path file, Stamp stamp) {
    this.held = held;
    this.file = file;
    this.stamp = stamp;
  }

  /** Bytes kept in memory (a model fitted here, or parsed from its file). */
  static ModelSource held(byte[] bytes) {
    return new ModelSource(bytes, null, null);
  }

  /** The file {@code file}, as {@code stamp} describes it, to be read again when needed. */
  static ModelSource stamped(Path file, Stamp stamp) {
    return new ModelSource(null, file, stamp);
  }

  /** The bytes; for a stamped file, read again and refused when they are not the stamped ones. */
  byte[] bytes() throws IOException {
    if (held != null) {
      return held;
    }
    byte[] bytes = Files.readAllBytes(file);
    if (!Stamp.of(bytes).equals(stamp)) {
      throw new IOException(file + " changed after the model was read from it; read the model again");
    }
    return bytes;
  }
}

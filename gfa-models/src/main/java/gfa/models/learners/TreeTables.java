package gfa.models.learners;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A booster's trees in gfa's binary layout (docs/model-format.md, "Tree tables"), in a file beside
 * the booster's own model file: {@code lightgbm.txt} has {@code lightgbm.trees}, {@code
 * xgboost.json} has {@code xgboost.trees}. Reading it takes milliseconds, where parsing LightGBM's
 * 8 MB of text took 0.3 s and XGBoost's UBJSON 0.1 s of every {@code predict-ternary --model}.
 *
 * <p>The library's file stays the model. A table records the length and CRC-32 of the bytes it was
 * made from and the CRC-32 of its own body, and is used only when all three match and its trees
 * are well formed; a table that is missing, stale (the model file was replaced) or damaged is
 * ignored, and the model file is parsed as before.
 */
final class TreeTables {
  /** The file name's ending. */
  static final String SUFFIX = ".trees";

  /** Reads a table's body after its checks; answers null when the trees are not well formed. */
  interface Body<T> {
    T read(GfaModelFile.Reader in) throws IOException;
  }

  private TreeTables() {}

  /** The table beside {@code modelFile}: its name with the extension replaced ({@code lightgbm.trees}). */
  static Path beside(Path modelFile) {
    String name = modelFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
  }

  /** Writes the table of {@code source} (the model file's bytes) beside {@code modelFile}, atomically. */
  static void write(Path modelFile, byte[] source, String header, GfaModelFile.Body body) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 20);
    DataOutputStream out = new DataOutputStream(bytes);
    body.writeTo(out);
    out.flush();
    byte[] tree = bytes.toByteArray();
    GfaModelFile.write(beside(modelFile), header, data -> {
      data.writeInt(source.length);
      data.writeInt(crc32(source, 0, source.length));
      data.writeInt(crc32(tree, 0, tree.length));
      data.write(tree);
    });
  }

  /**
   * The trees of the table beside {@code modelFile}, or null when there is none or it does not
   * belong to the model file ({@code source}: its bytes as read) or is damaged.
   */
  static <T> T read(Path modelFile, byte[] source, String header, String learner, Body<T> body) {
    return read(modelFile, ModelSource.Stamp.of(source), header, learner, body);
  }

  /** As {@link #read(Path, byte[], String, String, Body)}, with the model file known by its stamp. */
  static <T> T read(Path modelFile, ModelSource.Stamp source, String header, String learner, Body<T> body) {
    Path file = beside(modelFile);
    try {
      GfaModelFile.Reader in = new GfaModelFile.Reader(file, Files.readAllBytes(file), header, learner);
      if (in.int32() != (int) source.length() || in.int32() != source.crc()) {
        return null; // made from another model file
      }
      int crc = in.int32();
      if (in.crc32OfRest() != crc) {
        return null;
      }
      T trees = body.read(in);
      in.end();
      return trees;
    } catch (IOException | RuntimeException e) {
      return null; // none, unreadable or damaged: the model file is parsed instead
    }
  }

  /** The stamp of {@code modelFile} when a table lies beside it, else null (nothing to check it against). */
  static ModelSource.Stamp stampIfTabled(Path modelFile) {
    if (!Files.isRegularFile(beside(modelFile))) {
      return null;
    }
    try {
      return ModelSource.Stamp.of(modelFile);
    } catch (IOException | RuntimeException e) {
      return null; // read as before, which reports the problem
    }
  }

  static int crc32(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}

package gfa.models.learners;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the model files of gfa releases before its own format (docs/model-format.md): Java
 * serialization of Smile's model objects. They load as long as Smile's classes stay compatible;
 * gfa no longer writes them. Reading admits only Smile's, the JDK's and this package's classes,
 * so that a foreign file cannot instantiate arbitrary classes.
 */
final class SmileModelFile {
  private static final ObjectInputFilter ONLY_MODEL_CLASSES =
      ObjectInputFilter.Config.createFilter("maxdepth=10000;smile.**;java.**;gfa.models.learners.*;!*");

  private SmileModelFile() {}

  static <T> T read(Path file, Class<T> type, String learner) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ObjectInputStream objects = new ObjectInputStream(in);
      objects.setObjectInputFilter(ONLY_MODEL_CLASSES);
      Object model = objects.readObject();
      if (!type.isInstance(model)) {
        throw new IOException(file + " is not a " + learner + " model file (it holds a "
            + model.getClass().getName() + ")");
      }
      return type.cast(model);
    } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
      throw new IOException(file + " is not a " + learner + " model file: " + e.getMessage(), e);
    } catch (java.io.StreamCorruptedException e) {
      throw new IOException(file + " is not a " + learner + " model file (not a Java serialization stream)", e);
    }
  }
}

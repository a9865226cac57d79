package gfa.core.dataset;

import gfa.core.io.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * gfa's default training table, read from the classpath: {@code data/training/ward2018-gfa.csv}
 * of the repository ships inside the jar as {@code gfa/data/training/}, so a packaged gfa has it
 * without any file beside it. Built from the dataset of Ward et al. (2018) by
 * {@link Ward2018Table}; its MIT notice ships beside it ({@code LICENSE-ward2018}).
 *
 * @param name the table's name, e.g. {@code ward2018-gfa}
 * @param version its version ({@code version} of its VERSION.properties); bumped whenever its rows change
 * @param fileName the file it ships as, e.g. {@code ward2018-gfa.csv}
 * @param csv the table's text
 * @param sha256 SHA-256 of its bytes, the same as of the file in the repository
 */
public record DefaultTrainingSet(String name, String version, String fileName, String csv, String sha256) {
  /** Classpath folder of the table, its version file and its notice. */
  public static final String RESOURCE_DIR = "gfa/data/training/";
  static final String VERSION_FILE = "VERSION.properties";

  private static volatile DefaultTrainingSet loaded;

  /** The table as shipped (read once). A missing or broken resource is a build defect: {@link IllegalStateException}. */
  public static DefaultTrainingSet load() {
    DefaultTrainingSet d = loaded;
    if (d == null) {
      Properties p = new Properties();
      try (InputStream in = open(VERSION_FILE)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = required(p, "name");
      String file = required(p, "file");
      String csv;
      try (InputStream in = open(file)) {
        csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      d = new DefaultTrainingSet(name, required(p, "version"), file, csv, CsvTable.parse(csv, file).sha256());
      loaded = d;
    }
    return d;
  }

  /** The table, named in messages as {@code ward2018-gfa.csv (built in)}. */
  public CsvTable table() {
    return CsvTable.parse(csv, fileName + " (built in)");
  }

  /** A reader over the table, for training. */
  public DatasetReader reader() {
    return DatasetReader.of(table());
  }

  /** {@code ward2018-gfa 2026.11.1}, for titles and messages. */
  public String label() {
    return name + " " + version;
  }

  @Override
  public String toString() {
    return label() + " (" + fileName + ", sha256 " + sha256 + ")";
  }

  private static InputStream open(String fileName) throws IOException {
    InputStream in = DefaultTrainingSet.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName);
    if (in == null) {
      throw new IllegalStateException(RESOURCE_DIR + fileName + " is not on the classpath"
          + " (data/training/ is copied there by 'mvn process-resources')");
    }
    return in;
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(RESOURCE_DIR + VERSION_FILE + ": no " + key);
    }
    return v.strip();
  }
}

package gfa.cli.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.core.dataset.DatasetReader;
import gfa.core.dataset.DefaultTrainingSet;
import gfa.core.io.CsvTable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data a command trains on: the file given with {@code --data}, or, when none is given, gfa's
 * built-in default table ({@link DefaultTrainingSet}, docs/default-data.md). Every output that
 * records its data names it the same way: file name, table name and version, SHA-256.
 */
public final class TrainingSource {
  /** The help text's words for what happens without {@code --data}. */
  public static final String DEFAULT_HELP = "default: gfa's built-in table of 5803 alloys from Ward et al. (2018), "
      + "see docs/default-data.md";

  private final Path file;
  private final DefaultTrainingSet builtIn;
  private final CsvTable table;

  private TrainingSource(Path file, DefaultTrainingSet builtIn, CsvTable table) {
    this.file = file;
    this.builtIn = builtIn;
    this.table = table;
  }

  /** {@code --data FILE}, or the built-in table when {@code file} is null. Refuses a missing file. */
  public static TrainingSource of(Path file) {
    if (file == null) {
      DefaultTrainingSet d = DefaultTrainingSet.load();
      return new TrainingSource(null, d, d.table());
    }
    if (!Files.isRegularFile(file)) {
      throw new GfaInputException("data file not found: " + file);
    }
    return new TrainingSource(file, null, CsvTable.read(file));
  }

  public boolean builtIn() {
    return builtIn != null;
  }

  /** The file name recorded as provenance: {@code features_trainset_all.csv} or {@code ward2018-gfa.csv}. */
  public String fileName() {
    return builtIn != null ? builtIn.fileName() : file.getFileName().toString();
  }

  /** The table's name: the built-in table's ({@code ward2018-gfa}) or the file name. */
  public String name() {
    return builtIn != null ? builtIn.name() : file.getFileName().toString();
  }

  /** The built-in table's version; null for a user's file (its SHA-256 identifies it). */
  public String version() {
    return builtIn != null ? builtIn.version() : null;
  }

  public String sha256() {
    return table.sha256();
  }

  /** A reader over the rows (read once, here). */
  public DatasetReader reader() {
    return DatasetReader.of(table);
  }

  /** The bytes the SHA-256 is of, e.g. for a campaign's copy of its base data. */
  public byte[] bytes() throws java.io.IOException {
    return builtIn != null ? builtIn.csv().getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(file);
  }

  /** Adds {@code name}, {@code version} and {@code built_in} to a provenance object that has {@code file} and {@code sha256}. */
  public ObjectNode describe(ObjectNode data) {
    data.put("name", name());
    data.put("version", version());
    data.put("built_in", builtIn());
    return data;
  }

  /** A full provenance object: file, name, version, built_in, sha256. */
  public ObjectNode describeFully(ObjectNode data) {
    data.put("file", fileName());
    describe(data);
    data.put("sha256", sha256());
    return data;
  }

  /** On stderr (unless quiet), that the built-in table is used, so nobody mistakes it for their own data. */
  public void announce(PrintWriter err, boolean quiet) {
    if (builtIn != null && !quiet) {
      err.println("gfa: no --data given: training on the built-in table " + builtIn.label() + " ("
          + table.rowCount() + " alloys, Ward et al. 2018; docs/default-data.md)");
      err.flush();
    }
  }

  /** As messages name it: the path given, or {@code ward2018-gfa.csv (built in)}. */
  @Override
  public String toString() {
    return builtIn != null ? table.source() : file.toString();
  }
}

package gfa.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.GfaInputException;
import gfa.core.campaign.LabResults;
import gfa.core.campaign.Ledger;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A campaign on disk, and the rules that keep it whole.
 *
 * <pre>
 * CAMPAIGN/
 *   campaign.json        what the campaign is: system, base data (SHA-256), level, budget, seed, ...
 *   base-data.csv        a byte copy of the base data, so the campaign does not depend on the original
 *   ledger.csv           every lab result given, append-only
 *   iterations/00/       iteration 0: model/, grid.csv, candidates.csv, ternary.png/svg, summary.json
 *   iterations/01/       iteration 1: the same, plus results.csv (the lab results it recorded)
 * </pre>
 *
 * <p>How a kill can never leave a campaign between two iterations: an iteration is written in full
 * into a hidden temporary directory beside the others and then renamed to {@code iterations/NN}
 * in one atomic step; that rename is the commit. Its {@code results.csv} is the log record of
 * the lab results it took. Only after the rename is {@code ledger.csv} rewritten (atomically,
 * appending). A process killed before the rename leaves the previous iteration (and a hidden
 * directory that the next command removes); one killed after it leaves the new iteration, whose
 * results the next command appends to the ledger if they are not there yet. Commands that change
 * the campaign hold a lock on {@code .lock}, so two of them never interleave.
 */
public final class CampaignStore implements AutoCloseable {
  public static final String SETTINGS = "campaign.json";
  public static final String BASE_DATA = "base-data.csv";
  public static final String LEDGER = "ledger.csv";
  public static final String ITERATIONS = "iterations";
  public static final String RESULTS = "results.csv";
  public static final String SUMMARY = "summary.json";
  public static final String MODEL = "model";
  public static final String FORMAT = "gfa-campaign/1";
  private static final Pattern ITERATION_NAME = Pattern.compile("\\d{2,}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final JsonNode settings;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private CampaignVerifier.Verified verified;

  private CampaignStore(Path root, JsonNode settings, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.settings = settings;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens a campaign and verifies it ({@link CampaignVerifier}): a campaign that is not what gfa
   * wrote is refused before anything is read for use or written. With {@code forWriting}, first
   * takes the campaign's lock (refusing if another command holds it), then repairs what a killed
   * command may have left: hidden temporary directories and files are removed and the ledger is
   * brought up to date with the last committed iteration.
   */
  public static CampaignStore open(Path root, boolean forWriting) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new GfaInputException("campaign directory not found: " + root);
    }
    Path settingsFile = root.resolve(SETTINGS);
    if (!Files.isRegularFile(settingsFile)) {
      throw new GfaInputException(root + ": no " + SETTINGS + " (not a gfa campaign; create one with 'gfa campaign init')");
    }
    JsonNode settings;
    try {
      settings = JSON.readTree(settingsFile.toFile());
    } catch (IOException e) {
      throw new GfaInputException(settingsFile + ": corrupted (" + firstLine(e.getMessage()) + ")");
    }
    if (settings == null || !FORMAT.equals(settings.path("format").asText())) {
      throw new GfaInputException(settingsFile + ": not a " + FORMAT + " file");
    }
    FileChannel channel = null;
    FileLock lock = null;
    if (forWriting) {
      channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new GfaInputException("campaign " + root + " is busy: another gfa command is changing it; try again when it has finished");
      }
    }
    CampaignStore campaign = new CampaignStore(root, settings, channel, lock);
    try {
      campaign.checkIterations();
      campaign.verified = CampaignVerifier.verify(campaign);
      if (forWriting) {
        campaign.repair();
      }
    } catch (IOException | RuntimeException e) {
      campaign.close();
      throw e;
    }
    return campaign;
  }

  public Path root() {
    return root;
  }

  public JsonNode settings() {
    return settings;
  }

  public TernarySystem system() {
    return TernarySystem.parse(settings.path("system").asText());
  }

  public Path iterationsDir() {
    return root.resolve(ITERATIONS);
  }

  public static String iterationName(int iteration) {
    return String.format(Locale.ROOT, "%02d", iteration);
  }

  public Path iteration(int iteration) {
    return iterationsDir().resolve(iterationName(iteration));
  }

  /** The committed iterations, 0..last, in order. */
  public List<Integer> iterations() throws IOException {
    List<Integer> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(iterationsDir())) {
      entries.map(p -> p.getFileName().toString()).filter(n -> ITERATION_NAME.matcher(n).matches())
          .map(Integer::parseInt).sorted().forEach(found::add);
    }
    return found;
  }

  public int lastIteration() throws IOException {
    List<Integer> all = iterations();
    return all.get(all.size() - 1);
  }

  /** Iterations must run 0, 1, 2, ... without gaps; anything else was not written by gfa. */
  private void checkIterations() throws IOException {
    if (!Files.isDirectory(iterationsDir())) {
      throw new GfaInputException(root + ": no " + ITERATIONS + "/ directory (not a complete gfa campaign)");
    }
    List<Integer> all = iterations();
    for (int k = 0; k < all.size(); k++) {
      if (all.get(k) != k) {
        throw new GfaInputException(root + ": iteration " + iterationName(k) + " is missing from " + ITERATIONS + "/");
      }
    }
    if (all.isEmpty()) {
      throw new GfaInputException(root + ": no iteration 00 (not a complete gfa campaign)");
    }
  }

  /** Removes what a killed command left and completes the ledger from the committed iterations. */
  private void repair() throws IOException {
    for (Path dir : List.of(root, iterationsDir())) {
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path p : entries.toList()) {
          String name = p.getFileName().toString();
          if (name.startsWith(".") && (name.endsWith(".tmp") || name.endsWith(".old"))) {
            deleteTree(p);
          }
        }
      }
    }
    if (verified.pending()) {
      verified.ledger().write(root.resolve(LEDGER));
    }
  }

  /** What the verification found: the campaign's own hash, the ledger, the iterations. */
  public CampaignVerifier.Verified verified() {
    return verified;
  }

  /**
   * Every result the committed iterations took, as verified when the campaign was opened: the
   * ledger file, plus the results of an iteration committed by a command killed before it could
   * append them (read-only commands see the campaign as the next writing command will leave it).
   */
  public Ledger ledger() {
    return verified.ledger();
  }

  /** The lab results iteration {@code k} recorded, with the SHA-256 of the file they came from. */
  public LabResults results(int k) throws IOException {
    JsonNode summary = summary(k);
    String sha = summary.path("results").path("sha256").asText();
    LabResults parsed = LabResults.parse(CsvTable.read(iteration(k).resolve(RESULTS)), system());
    return parsed.withSha256(sha);
  }

  public JsonNode summary(int k) throws IOException {
    Path file = iteration(k).resolve(SUMMARY);
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new GfaInputException(file + ": corrupted (" + firstLine(e.getMessage()) + ")");
    }
  }

  public static ObjectNode newSettings() {
    return JSON.createObjectNode().put("format", FORMAT);
  }

  public static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java platform has SHA-256
    }
  }

  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.strip().lines().findFirst().orElse("");
  }

  @Override
  public void close() throws IOException {
    if (lock != null) {
      lock.release();
    }
    if (lockChannel != null) {
      lockChannel.close();
    }
  }
}

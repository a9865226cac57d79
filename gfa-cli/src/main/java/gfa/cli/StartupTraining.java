package gfa.cli;

import gfa.cli.plot.TernaryFigure;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind the launcher's start-up cache (JDK 25's AOT cache, or a CDS archive on
 * 21-24): the JVM records which classes these short commands load and link, and how their
 * methods behave, and later runs start with all of it ready. Runs in the current directory, which
 * the launcher makes empty and deletes after; prints nothing. Not a gfa command: the launcher runs
 * it as {@code java -XX:AOTCacheOutput=... -cp gfa.jar gfa.cli.StartupTraining}.
 *
 * <p>What it runs is what short commands share: picocli's parsing and help of the command tree,
 * the descriptor tables and the featurizer, Jackson, CSV writing, and the Java2D/ImageIO/JFreeSVG
 * path of the ternary maps. A model is not trained here (that would take longer than the runs it
 * shortens), so the learners' classes load as they always did.
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path input = Path.of("training-input.csv");
    Files.writeString(input, "composition\nCu46Zr46Al8\nZr65Cu17.5Ni10Al7.5\nPd40Cu30Ni10P20\nFe48Cr15Mo14C15B6Er2\n");
    String[][] commands = {
        {"--version"},
        {"--help"},
        {"descriptors"},
        {"descriptors", "--json"},
        {"featurize", "--input", input.toString(), "--output", "training-output.csv", "--quiet"},
        {"featurize", "--input", input.toString(), "--output", "training-output.json.csv", "--json", "--quiet"},
        {"predict-ternary", "--help"},
        {"train", "--help"},
        {"completion", "bash"},
    };
    for (String[] command : commands) {
      PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true);
      // A command that fails still trained what it ran: its exit code does not matter here.
      Gfa.commandLine(command).setOut(discard).setErr(discard).execute(command);
    }
    TernaryFigure.warmUp();
  }
}

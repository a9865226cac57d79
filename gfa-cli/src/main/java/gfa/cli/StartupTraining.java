package gfa.cli;

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
 * the descriptor tables and the featurizer, Jackson, CSV writing, the four learners' libraries
 * (saving, loading and predicting a model) and the Java2D/ImageIO/JFreeSVG path of the ternary
 * maps. The model is a throw-away one: one trial per learner on the few well-known glasses below,
 * whose D_max are round figures of the right order, not data; it is deleted with the directory.
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path input = Path.of("training-input.csv");
    Files.writeString(input, "composition\nCu46Zr46Al8\nZr65Cu17.5Ni10Al7.5\nPd40Cu30Ni10P20\nFe48Cr15Mo14C15B6Er2\n");
    Path data = Path.of("training-data.csv");
    Files.writeString(data, String.join("\n", "composition,D_max", "Cu50Zr50,2", "Cu46Zr46Al8,8", "Cu64Zr36,2",
        "Cu60Zr30Ti10,4", "Zr65Cu17.5Ni10Al7.5,16", "Pd40Ni40P20,25", "Pd40Cu30Ni10P20,70", "Mg65Cu25Y10,7",
        "La55Al25Ni20,3", "La55Al25Cu10Ni10,9", "Fe80B20,0", "Fe75Si10B15,0.2", "Fe48Cr15Mo14C15B6Er2,12",
        "Ni60Nb40,0.2", "Ti50Cu50,0", "Al85Ni5Y10,0.2", "Ce70Al10Cu20,2", "Ca65Mg15Zn20,10",
        "Zr41.2Ti13.8Cu12.5Ni10Be22.5,50", "Pt42.5Cu27Ni9.5P21,20", "Y56Al24Co20,5", "Cu55Hf25Ti20,4") + "\n");
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
        {"train", "--data", data.toString(), "--out", "training-model", "--budget", "1", "--folds", "2", "--no-extra-cv", "--threads", "1", "--quiet"},
        {"predict", "--model", "training-model", "--input", input.toString(), "--output", "training-predicted.csv", "--quiet"},
        {"predict-ternary", "Zr-Al-Cu", "--model", "training-model", "--out", "training-ternary", "--quiet"},
    };
    for (String[] command : commands) {
      PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true);
      // A command that fails still trained what it ran: its exit code does not matter here.
      Gfa.commandLine(command).setOut(discard).setErr(discard).execute(command);
    }
    System.exit(0); // as gfa itself ends: pools the commands started do not keep the JVM waiting
  }
}

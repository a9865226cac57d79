package gfa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code gfa} command: predicts the glass-forming ability of bulk metallic glasses with the
 * method of Gong et al., Phys. Rev. Materials 8, 055602 (2024). Each subcommand is one class; the
 * options every subcommand shares live in {@link CommonOptions}; exit codes are decided in
 * {@link ExitCodes} alone.
 */
@Command(
    name = "gfa",
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
    description = {
        "Glass-forming ability of bulk metallic glasses: composition descriptors, models and "
            + "ternary predictions after Gong et al., Phys. Rev. Materials 8, 055602 (2024).",
    },
    subcommands = {FeaturizeCommand.class, DescriptorsCommand.class, TrainCommand.class, PredictCommand.class, PruneCommand.class, PredictTernaryCommand.class, CampaignCommand.class, IterateCommand.class, StudyCommand.class, BenchmarkCommand.class, HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  2  bad input or usage (one line on stderr names the problem)",
        "  1  internal failure (set GFA_DEBUG=1 to see the stack trace)",
        "",
        "Run 'gfa <command> --help' for a command's options.",
    })
public final class Gfa implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** {@code gfa} alone names no command: a usage error. */
  @Override
  public Integer call() {
    java.util.List<String> names = new java.util.ArrayList<>(spec.subcommands().keySet());
    names.remove("help");
    throw new ParameterException(spec.commandLine(), "missing command (" + String.join(", ", names) + ")");
  }

  /** The command tree with gfa's exit-code and error handling installed; used by main and tests. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new Gfa());
    ExitCodes.install(cmd);
    return cmd;
  }

  public static void main(String[] args) {
    int exit;
    CommandLine cmd = commandLine();
    try {
      exit = cmd.execute(args);
    } catch (Throwable e) { // an Error escapes picocli's handlers; still one line and exit 1
      exit = ExitCodes.failure(e, new java.io.PrintWriter(System.err, true));
    }
    exit = ExitCodes.checkStandardOutput(exit, cmd.getOut(), System.out, cmd.getErr());
    System.exit(exit);
  }
}

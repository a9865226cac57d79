package gfa.cli;

import java.util.List;
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
 *
 * <p>The subcommands are listed in {@link #COMMANDS}, not in the annotation: picocli reflects on
 * every listed command when the tree is built (a quarter of a second before any work starts), so
 * {@link #commandLine(String...)} adds only the one a command line names.
 */
@Command(
    name = "gfa",
    // -h/--help, -V/--version and the exit codes below reach every subcommand from here
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = GfaVersion.class,
    description = {
        "Glass-forming ability of bulk metallic glasses: composition descriptors, models and "
            + "ternary predictions after Gong et al., Phys. Rev. Materials 8, 055602 (2024).",
    },
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  2  bad input or usage (one line on stderr names the problem)",
        "  1  internal failure (set GFA_DEBUG=1 to see the stack trace)",
        "",
        "Run 'gfa <command> --help' for a command's options.",
    })
public final class Gfa implements Callable<Integer> {
  /** The subcommands, in the order 'gfa --help' lists them. */
  static final List<Class<?>> COMMANDS = List.of(FeaturizeCommand.class, DescriptorsCommand.class, TrainCommand.class, PredictCommand.class, PruneCommand.class, PredictTernaryCommand.class, CampaignCommand.class, IterateCommand.class, StudyCommand.class, SimulateCommand.class, BenchmarkCommand.class, CompletionCommand.class, HelpCommand.class);

  @Spec CommandSpec spec;

  /** {@code gfa} alone names no command: a usage error. */
  @Override
  public Integer call() {
    java.util.List<String> names = new java.util.ArrayList<>(spec.subcommands().keySet());
    names.remove("help");
    throw new ParameterException(spec.commandLine(), "missing command (" + String.join(", ", names) + ")");
  }

  /** The whole command tree with gfa's exit-code and error handling installed; used by tests. */
  public static CommandLine commandLine() {
    return withCommands(COMMANDS);
  }

  /**
   * The command tree {@code args} needs, which behaves as the whole tree does for them: only the
   * subcommand that {@code args[0]} names, nothing for a lone {@code --version}, and the whole
   * tree for anything else (help, no command, a misspelt one, an @-file).
   */
  public static CommandLine commandLine(String... args) {
    if (isVersionRequest(args)) {
      return withCommands(List.of());
    }
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        if (command != HelpCommand.class && command.getAnnotation(Command.class).name().equals(args[0])) {
          return withCommands(List.of(command));
        }
      }
    }
    return commandLine();
  }

  /** A lone {@code --version} or {@code -V}: picocli's answer needs no subcommand. */
  static boolean isVersionRequest(String... args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  private static CommandLine withCommands(List<Class<?>> commands) {
    CommandLine cmd = new CommandLine(new Gfa());
    commands.forEach(cmd::addSubcommand);
    ExitCodes.install(cmd);
    return cmd;
  }

  public static void main(String[] args) {
    if (isVersionRequest(args)) {
      // Answered before picocli loads: building even the top command costs a quarter of a second
      // of class loading and reflection (its Java 5 classes stay out of the JVM's AOT cache), ten
      // times the JVM's own start. The line is the one picocli prints (GfaVersion).
      System.out.println(String.join(System.lineSeparator(), new GfaVersion().getVersion()));
      System.exit(ExitCodes.OK);
    }
    int exit;
    CommandLine cmd = commandLine(args);
    try {
      exit = cmd.execute(args);
    } catch (Throwable e) { // an Error escapes picocli's handlers; still one line and exit 1
      exit = ExitCodes.failure(e, new java.io.PrintWriter(System.err, true));
    }
    exit = ExitCodes.checkStandardOutput(exit, cmd.getOut(), System.out, cmd.getErr());
    System.exit(exit);
  }
}

package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  /** Every command the tree has, read from the tree itself, so a new command is checked too. */
  private static List<String> commandNames() {
    return Gfa.commandLine().getSubcommands().keySet().stream().toList();
  }

  @Test
  void bashScriptCompletesEveryCommandAndItsOptions() {
    GfaRun run = GfaRun.of("completion", "bash");
    assertEquals(0, run.exit(), run::toString);
    assertEquals("", run.err());
    String script = run.out();
    assertTrue(script.contains("complete -F _complete_gfa"), "registers the function for 'gfa'");
    // The top-level word list names every command; each command has its own function.
    for (String command : commandNames()) {
      assertTrue(script.contains(command), () -> "no " + command + " in the script");
    }
    assertTrue(script.contains("_picocli_gfa_predictternary"), "predict-ternary has its own function");
    assertTrue(script.contains("--candidate-step"), "options of subcommands are completed");
    assertTrue(script.contains("svr,rf,xgboost,lightgbm") || script.contains("--learners"), "option names listed");
  }

  @Test
  void zshScriptLoadsCompinitThenTheSameScript() {
    String bash = GfaRun.of("completion", "bash").out();
    GfaRun zsh = GfaRun.of("completion", "zsh");
    assertEquals(0, zsh.exit(), zsh::toString);
    assertTrue(zsh.out().startsWith("autoload -U +X compinit && compinit\n"), zsh::toString);
    assertTrue(zsh.out().endsWith(bash), "the rest is the bash script, which runs under bashcompinit");
  }

  @Test
  void otherShellsAreUsageErrors() {
    GfaRun run = GfaRun.of("completion", "fish");
    assertEquals(2, run.exit(), run::toString);
    assertEquals("Try 'gfa completion --help'.", run.errLines().get(1));
    assertEquals("", run.out());
  }

  @Test
  void aCommandLineGetsOnlyTheCommandItNamesAndBehavesTheSame() {
    assertEquals(List.of("train"), Gfa.commandLine("train", "--help").getSubcommands().keySet().stream().toList());
    assertEquals(List.of(), Gfa.commandLine("--version").getSubcommands().keySet().stream().toList());
    // Help, no command, or a misspelt one: the whole tree, so they list and suggest as before.
    for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "train"},
        new String[] {"trian"}, new String[] {"--version", "train"})) {
      assertEquals(commandNames(), Gfa.commandLine(args).getSubcommands().keySet().stream().toList());
    }
  }
}

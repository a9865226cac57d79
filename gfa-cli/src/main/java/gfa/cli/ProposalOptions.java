package gfa.cli;

import gfa.cli.campaign.CampaignIteration;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.Acquisition;
import gfa.models.ternary.Proposing;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What to cast and how sure the model is: {@code --acquisition}, {@code --candidates},
 * {@code --bounds}, {@code --ingot-grams}, {@code --interval}, {@code --bmg-threshold}
 * (docs/acquisition.md, docs/trust.md).
 */
public final class ProposalOptions {
  @Option(names = "--acquisition", defaultValue = "top", paramLabel = "RULE",
      description = "How to choose the alloys to cast: top (the paper's: highest prediction), ucb (mean + sigma), "
          + "ei (expected improvement over the best D_max measured), pbmg (highest p_bmg), explore (largest sigma) "
          + "(default: ${DEFAULT-VALUE}). All but top need a model with calibration.json.")
  String acquisition;

  @Option(names = "--candidates", defaultValue = "2", paramLabel = "N",
      description = "How many alloys to propose: a batch spread over the --candidate-step lattice (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--bounds", paramLabel = "LIMITS",
      description = "Limits every proposal respects, in at.%%, e.g. \"Zr=30..70,Al<=20\".")
  String bounds;

  @Option(names = "--ingot-grams", paramLabel = "G",
      description = "Add a weigh-out sheet: the grams of each element for an ingot of G grams, per candidate.")
  Double ingotGrams;

  @Option(names = "--interval", defaultValue = "90", paramLabel = "PERCENT",
      description = "Nominal coverage of predicted_D_max_lower..upper, in %% (default: ${DEFAULT-VALUE}).")
  double interval;

  @Option(names = "--bmg-threshold", defaultValue = "1", paramLabel = "MM",
      description = "p_bmg is the probability that D_max reaches this many mm: the mould size (default: ${DEFAULT-VALUE}).")
  double bmgThreshold;

  /** The acquisition rule; refuses an unknown name. */
  Acquisition acquisition() {
    return Acquisition.parse(acquisition);
  }

  /** How to choose for {@code system}, never proposing {@code pending}, with EI's best measured D_max. */
  Proposing proposing(TernarySystem system, List<Composition> pending, double bestMeasured) {
    if (candidates < 1) {
      throw new GfaInputException("--candidates " + candidates + " is below 1; propose at least one alloy");
    }
    return choice().proposing(system, pending, bestMeasured); // one reading of the rule, as a campaign records it
  }

  /** The campaign's record of these options. */
  CampaignIteration.Choice choice() {
    return new CampaignIteration.Choice(acquisition().id(), candidates, bounds, interval, bmgThreshold, ingotGrams);
  }

  /** Whether any of these options was given on the command line. */
  static boolean anyGiven(picocli.CommandLine.ParseResult parsed) {
    for (String name : List.of("--acquisition", "--candidates", "--bounds", "--ingot-grams", "--interval", "--bmg-threshold")) {
      if (parsed.hasMatchedOption(name)) {
        return true;
      }
    }
    return false;
  }

  Double ingotGrams() {
    return ingotGrams;
  }

  double interval() {
    return interval;
  }

  double bmgThreshold() {
    return bmgThreshold;
  }
}

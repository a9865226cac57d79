package gfa.models.training;

import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import gfa.models.search.Budget;
import gfa.models.search.EarlyStopping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a model came from (Tribuo-style provenance): the data file (name and SHA-256), the rows
 * and target used, how descriptors were obtained, the pruning applied, the versions of gfa and of
 * its element tables, how the learners were tuned and fused, and the machine that trained it.
 * Written to every model's {@code manifest.json} and read back into an equal record by
 * {@link ModelStore#load} (docs/model-format.md).
 *
 * @param pruningSystem the ternary system the data was pruned for, or null when not pruned
 * @param pruningLevel the subdataset level of that pruning, or null when not pruned
 * @param tuning the learners, folds, seed, budgets and fusion weights; null until the model is
 *     trained ({@link #trained})
 * @param runtime the machine; {@link RuntimeInfo#UNKNOWN} for a manifest that does not record it
 */
public record Provenance(
    String gfaVersion,
    String dataFile,
    String dataSha256,
    int rows,
    String target,
    String descriptorSource,
    String preset,
    String miedema,
    String tablesVersion,
    String pruningSystem,
    Integer pruningLevel,
    Tuning tuning,
    RuntimeInfo runtime) {

  public Provenance {
    if (runtime == null) {
      runtime = RuntimeInfo.UNKNOWN;
    }
  }

  /** Before training, on this machine: {@link ModelStore#manifest} adds the tuning. */
  public Provenance(String gfaVersion, String dataFile, String dataSha256, int rows, String target, String descriptorSource,
      String preset, String miedema, String tablesVersion, String pruningSystem, Integer pruningLevel) {
    this(gfaVersion, dataFile, dataSha256, rows, target, descriptorSource, preset, miedema, tablesVersion, pruningSystem,
        pruningLevel, null, RuntimeInfo.current());
  }

  /** This provenance with the tuning of a finished run: what {@link ModelStore#manifest} writes. */
  public Provenance trained(TrainingResult result, TrainingOptions options) {
    return new Provenance(gfaVersion, dataFile, dataSha256, rows, target, descriptorSource, preset, miedema, tablesVersion,
        pruningSystem, pruningLevel, Tuning.of(result, options), runtime);
  }

  /** Whether the training data was pruned for {@code system} (the same three elements, in any order). */
  public boolean prunedFor(TernarySystem system) {
    if (pruningSystem == null) {
      return false;
    }
    try {
      return TernarySystem.parse(pruningSystem).elementSet().equals(system.elementSet());
    } catch (GfaInputException e) {
      return false;
    }
  }

  /**
   * How the models were tuned and fused, as the manifest stores it.
   *
   * @param learners the learners of the model, in the manifest's order
   * @param folds the number of cross-validation folds of the search
   * @param seed the seed of folds, searches and fits
   * @param cv the folds' kind, e.g. {@code shuffled 5-fold}; null if the manifest does not say
   * @param budgets each searched learner's budget
   * @param fusionBudget the fusion weights' budget; null if the manifest does not say
   * @param fusionWeights each learner's fusion weight (eq. 1)
   */
  public record Tuning(
      List<String> learners, int folds, long seed, String cv, Map<String, StoredBudget> budgets, StoredBudget fusionBudget,
      Map<String, Double> fusionWeights) {

    public Tuning {
      learners = List.copyOf(learners);
      budgets = ordered(budgets);
      fusionWeights = ordered(fusionWeights);
    }

    static Tuning of(TrainingResult result, TrainingOptions options) {
      Map<String, StoredBudget> budgets = new LinkedHashMap<>();
      for (String id : options.learners()) {
        budgets.put(id, StoredBudget.of(options.budgetFor(id)));
      }
      List<String> learners = result.models().stream().map(TunedModel::learner).toList();
      return new Tuning(learners, result.folds(), result.seed(), result.foldKind(), budgets,
          StoredBudget.of(options.fusionBudget()), result.weights());
    }

    /** An unmodifiable copy that keeps the order (the manifest's keys come out in it). */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
  }

  /**
   * A search budget as the manifest stores it: the wall time in whole seconds.
   *
   * @param wallSeconds the wall-time limit in seconds, or null for none
   * @param earlyStopping when a trial was stopped after some folds; {@link EarlyStopping#NEVER} for
   *     none, and for manifests written before gfa could stop trials early
   */
  public record StoredBudget(int maxTrials, int patience, Long wallSeconds, EarlyStopping earlyStopping) {
    public StoredBudget {
      java.util.Objects.requireNonNull(earlyStopping, "earlyStopping");
    }

    static StoredBudget of(Budget b) {
      return new StoredBudget(
          b.maxTrials(), b.patience(), b.wallTime() == null ? null : b.wallTime().toSeconds(), b.earlyStopping());
    }
  }
}

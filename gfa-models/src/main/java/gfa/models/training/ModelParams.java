package gfa.models.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gfa.core.GfaInputException;
import gfa.models.learners.Learner;
import gfa.models.learners.LearnerOptions;
import gfa.models.learners.Learners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a search found, apart from the fitted models: each learner's hyperparameters and the
 * fusion weights. Reused to train again on other rows without searching again (a campaign round
 * without {@code --retune}, the cells of a pruning study), so that only the data change.
 *
 * @param options per learner id (in fusion order), its hyperparameters, typed and checked; a
 *     reused point fits exactly as the tuned one did (the search's doubles are the records' values)
 * @param weights per learner id, its fusion weight
 */
public record ModelParams(Map<String, LearnerOptions> options, Map<String, Double> weights) {

  public ModelParams {
    Map<String, LearnerOptions> copy = new LinkedHashMap<>();
    options.forEach((id, o) -> {
      if (!o.learner().equals(id)) {
        throw new IllegalArgumentException("the options of " + o.learner() + " given for " + id);
      }
      copy.put(id, o);
    });
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no learners");
    }
    for (String id : copy.keySet()) {
      if (!weights.containsKey(id)) {
        throw new IllegalArgumentException("no fusion weight for " + id);
      }
    }
    options = Collections.unmodifiableMap(copy);
    weights = Map.copyOf(weights);
  }

  /**
   * From values by name as the search gives them, per learner id (a missing name takes the
   * learner's default): {@link LearnerOptions#of(String, Map)}.
   *
   * @throws IllegalArgumentException for an unknown learner or name, or a value the learner refuses
   */
  public static ModelParams of(Map<String, ? extends Map<String, ?>> params, Map<String, Double> weights) {
    Map<String, LearnerOptions> options = new LinkedHashMap<>();
    params.forEach((id, values) -> options.put(id, LearnerOptions.of(id, values)));
    return new ModelParams(options, weights);
  }

  /**
   * Each learner's values by name, as a fit takes them ({@link Learner#fit}): an Integer for a
   * whole-numbered parameter, a Double otherwise.
   */
  public Map<String, Map<String, Object>> params() {
    Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    options.forEach((id, o) -> params.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(o.values()))));
    return Collections.unmodifiableMap(params);
  }

  /** The learners, in fusion order. */
  public List<String> learners() {
    return List.copyOf(options.keySet());
  }

  /** The fusion weights in {@link #learners()} order. */
  public double[] weightsInOrder() {
    return FusionWeights.weightsInOrder(learners(), weights);
  }

  /**
   * Every learner of {@code learners} at its defaults ({@link Learner#defaults()}), fused with
   * equal weights: a sound model without any search.
   */
  public static ModelParams defaults(List<String> learners) {
    Map<String, LearnerOptions> options = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String id : learners) {
      options.put(id, LearnerOptions.defaults(id));
      weights.put(id, 1.0);
    }
    return new ModelParams(options, weights);
  }

  /**
   * The learners of {@code learners} only, in that order, with their parameters and weights.
   * Refuses (one-line input error) a learner these parameters do not have, and a choice whose
   * weights are all zero (their fusion would be undefined).
   */
  public ModelParams restrictTo(List<String> learners) {
    double sum = 0;
    for (String id : learners) {
      sum += weights.getOrDefault(id, 1.0); // an unknown learner is refused by choose
    }
    if (sum <= 0) {
      throw new GfaInputException("the fusion weights of " + learners + " are all zero: their fusion is undefined");
    }
    return choose(learners);
  }

  /**
   * As {@link #restrictTo}, but weights that are all zero are kept: for a training that tunes the
   * fusion weights again and uses only the learners' parameters (e.g. a forest that had weight 0
   * beside three other learners, cross-validated alone).
   */
  public ModelParams choose(List<String> learners) {
    Map<String, LearnerOptions> kept = new LinkedHashMap<>();
    Map<String, Double> keptWeights = new LinkedHashMap<>();
    for (String id : learners) {
      if (!options.containsKey(id)) {
        throw new GfaInputException("learner '" + id + "' is not among the reused parameters' learners " + learners());
      }
      kept.put(id, options.get(id));
      keptWeights.put(id, weights.get(id));
    }
    return new ModelParams(kept, keptWeights);
  }

  /**
   * Without the learners whose fusion weight is zero: they do not change a fused prediction, so
   * fitting them is wasted time. Refuses parameters whose weights are all zero.
   */
  public ModelParams withoutZeroWeights() {
    return restrictTo(learners().stream().filter(id -> weights.get(id) > 0).toList());
  }

  /**
   * Several searches' parameters as one set, e.g. a long search of the boosters alone combined with
   * another run's SVR and forest: each learner takes its parameters and weight from the first set
   * that has it, and the learners keep the fusion order of {@link Learners#all()}, whatever the
   * order of the sets.
   */
  public static ModelParams combine(List<ModelParams> sets) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("no parameter sets");
    }
    Map<String, LearnerOptions> options = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (Learner learner : Learners.all()) {
      for (ModelParams set : sets) {
        if (set.options.containsKey(learner.id())) {
          options.put(learner.id(), set.options.get(learner.id()));
          weights.put(learner.id(), set.weights.get(learner.id()));
          break;
        }
      }
    }
    return new ModelParams(options, weights);
  }

  /** The parameters a training run found. */
  public static ModelParams of(TrainingResult result) {
    Map<String, LearnerOptions> options = new LinkedHashMap<>();
    for (TunedModel t : result.models()) {
      options.put(t.learner(), t.options());
    }
    return new ModelParams(options, result.weights());
  }

  /**
   * The parameters recorded in a model directory's manifest. Only the manifest is read, not the
   * model files. Problems are one-line input errors naming the file.
   */
  public static ModelParams read(Path modelDirectory) {
    Path manifest = modelDirectory.resolve(ModelStore.MANIFEST);
    if (!Files.isDirectory(modelDirectory)) {
      throw new GfaInputException("model directory not found: " + modelDirectory);
    }
    if (!Files.isRegularFile(manifest)) {
      throw new GfaInputException(modelDirectory + ": no " + ModelStore.MANIFEST + " (not a gfa model directory)");
    }
    JsonNode m;
    try {
      m = new ObjectMapper().readTree(manifest.toFile());
    } catch (IOException e) {
      throw new GfaInputException(manifest + ": corrupted manifest (" + e.getMessage().strip().lines().findFirst().orElse("") + ")");
    }
    if (m == null || !ModelStore.FORMAT.equals(m.path("format").asText())) {
      throw new GfaInputException(manifest + ": not a " + ModelStore.FORMAT + " manifest");
    }
    Map<String, LearnerOptions> options = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> models = m.path("models").fields();
    while (models.hasNext()) {
      Map.Entry<String, JsonNode> e = models.next();
      Learner learner;
      try {
        learner = Learners.byId(e.getKey());
      } catch (IllegalArgumentException unknown) {
        throw new GfaInputException(manifest + ": unknown learner '" + e.getKey() + "'");
      }
      Map<String, Object> values = new LinkedHashMap<>();
      JsonNode p = e.getValue().path("params");
      for (String name : learner.space().names()) {
        JsonNode v = p.get(name);
        if (v == null || !v.isNumber()) {
          throw new GfaInputException(manifest + ": corrupted manifest (" + e.getKey() + " has no number for '" + name + "')");
        }
        values.put(name, v.numberValue()); // whole numbers are JSON integers; earlier files may hold 150.0
      }
      try {
        options.put(e.getKey(), LearnerOptions.of(e.getKey(), values));
      } catch (IllegalArgumentException refused) {
        throw new GfaInputException(manifest + ": corrupted manifest (" + refused.getMessage() + ")");
      }
      JsonNode w = m.path("fusion").path("weights").get(e.getKey());
      if (w == null || !w.isNumber()) {
        throw new GfaInputException(manifest + ": corrupted manifest (no fusion weight for " + e.getKey() + ")");
      }
      weights.put(e.getKey(), w.asDouble());
    }
    if (options.isEmpty()) {
      throw new GfaInputException(manifest + ": corrupted manifest (no models)");
    }
    return new ModelParams(options, weights);
  }

  /** The learners' ids as a list, for messages. */
  @Override
  public String toString() {
    return "ModelParams" + new ArrayList<>(options.keySet());
  }
}

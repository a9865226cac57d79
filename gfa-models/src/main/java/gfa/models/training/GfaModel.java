package gfa.models.training;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.data.ElementData;
import gfa.core.data.MiedemaVersion;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A saved model ready to predict compositions: it featurises them with the very descriptor preset,
 * Miedema table and element-table version it was trained with, and refuses to run when any of
 * them differ (a model fed other descriptors would predict garbage without a warning).
 */
public final class GfaModel implements AutoCloseable {
  private final ModelStore.Loaded loaded;
  private final Featurizer featurizer;

  private GfaModel(ModelStore.Loaded loaded, Featurizer featurizer) {
    this.loaded = loaded;
    this.featurizer = featurizer;
  }

  /**
   * Loads a model directory.
   *
   * @param requestedPreset the preset the caller asked for, or null to use the model's own
   * @param requestedMiedema the Miedema table the caller asked for, or null
   */
  public static GfaModel load(Path directory, Preset requestedPreset, MiedemaVersion requestedMiedema) {
    ModelStore.Loaded loaded = ModelStore.load(directory);
    Preset preset;
    MiedemaVersion miedema;
    try {
      preset = Preset.valueOf(loaded.preset().toUpperCase(Locale.ROOT));
      miedema = MiedemaVersion.parse(loaded.miedema());
    } catch (IllegalArgumentException | GfaInputException e) {
      loaded.ensemble().close();
      throw new GfaInputException(directory + ": corrupted manifest (unknown descriptor preset or Miedema table)");
    }
    String problem = null;
    if (requestedPreset != null && requestedPreset != preset) {
      problem = "the model was trained with descriptor preset '" + loaded.preset() + "', not '" + requestedPreset.name().toLowerCase(Locale.ROOT) + "'";
    } else if (requestedMiedema != null && requestedMiedema != miedema) {
      problem = "the model was trained with the '" + loaded.miedema() + "' Miedema table, not '" + requestedMiedema.id() + "'";
    } else if (!ElementData.standard().version().equals(loaded.tablesVersion())) {
      problem = "the model was trained with element tables " + loaded.tablesVersion() + ", this gfa has "
          + ElementData.standard().version() + " (retrain it)";
    }
    Featurizer featurizer = Featurizer.of(preset, miedema);
    if (problem == null && !featurizer.columns().equals(loaded.ensemble().columns())) {
      problem = "the model's descriptor columns differ from this gfa's '" + loaded.preset() + "' preset (retrain it)";
    }
    if (problem != null) {
      loaded.ensemble().close();
      throw new GfaInputException(directory + ": " + problem);
    }
    return new GfaModel(loaded, featurizer);
  }

  /**
   * The featuriser a manifest names (its {@code descriptors.preset} and {@code descriptors.miedema}),
   * as {@link #load} builds it.
   *
   * @throws IllegalArgumentException for an unknown preset or Miedema table
   */
  public static Featurizer featurizerOf(com.fasterxml.jackson.databind.JsonNode manifest) {
    com.fasterxml.jackson.databind.JsonNode d = manifest.path("descriptors");
    try {
      return Featurizer.of(Preset.valueOf(d.path("preset").asText().toUpperCase(Locale.ROOT)),
          MiedemaVersion.parse(d.path("miedema").asText()));
    } catch (GfaInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public Featurizer featurizer() {
    return featurizer;
  }

  public Ensemble ensemble() {
    return loaded.ensemble();
  }

  public ModelStore.Loaded stored() {
    return loaded;
  }

  /** Where the model came from: data, pruning, descriptors, tuning and the machine that trained it. */
  public Provenance provenance() {
    return loaded.provenance();
  }

  public List<String> learners() {
    return loaded.ensemble().learners();
  }

  /** One row per learner, then the fused prediction, for each composition. */
  public double[][] predict(List<Composition> compositions) {
    return loaded.ensemble().predict(featurizer.featurizeAll(compositions));
  }

  @Override
  public void close() {
    loaded.ensemble().close();
  }
}

package gfa.cli;

import gfa.core.data.MiedemaVersion;
import gfa.features.Featurizer;
import gfa.features.Preset;
import picocli.CommandLine.Option;

/** {@code --preset} and {@code --miedema}: the descriptor set a command computes (a picocli mixin). */
public final class DescriptorOptions {
  @Option(
      names = "--preset",
      paramLabel = "NAME",
      defaultValue = "gong2024",
      converter = OptionValues.PresetConverter.class,
      completionCandidates = OptionValues.PresetNames.class,
      description =
          "Descriptor set: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). gong2024 is the "
              + "29 descriptors of the paper's Table S2; all is the full set it started from.")
  Preset preset;

  @Option(
      names = "--miedema",
      paramLabel = "VERSION",
      defaultValue = "paper",
      converter = OptionValues.MiedemaConverter.class,
      completionCandidates = OptionValues.MiedemaNames.class,
      description =
          "Which matminer Miedema featurizer to reproduce: ${COMPLETION-CANDIDATES} (default: "
              + "${DEFAULT-VALUE}). paper reproduces the published values (matminer before 2024); "
              + "2024 reproduces current matminer (corrected valence column, absolute alloyed "
              + "volume in the elastic term).")
  MiedemaVersion miedema;

  public Preset preset() {
    return preset;
  }

  public MiedemaVersion miedema() {
    return miedema;
  }

  /** The featurizer these options name; an element without a needed figure is an input error. */
  public Featurizer featurizer() {
    return Featurizer.of(preset, miedema);
  }
}

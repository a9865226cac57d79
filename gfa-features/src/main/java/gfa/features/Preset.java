package gfa.features;

/** Named descriptor sets. */
public enum Preset {
  /** The 29 descriptors of Gong et al. (2024), Table S2, with the published names and order. */
  GONG2024,
  /** The 86-descriptor set the paper started from, before pruning. */
  ALL;
}

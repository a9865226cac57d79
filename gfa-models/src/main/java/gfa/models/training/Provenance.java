package gfa.models.training;

/**
 * Where a model came from, beyond its own parameters: the data file (name and SHA-256), the rows
 * and target used, how descriptors were obtained, the pruning applied, and the versions of gfa and
 * of its element tables. Saved in every model's manifest (Tribuo-style provenance).
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
    Integer pruningLevel) {}

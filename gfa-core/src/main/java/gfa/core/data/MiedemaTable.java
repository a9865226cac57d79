package gfa.core.data;

import gfa.core.Element;

/** The Miedema model parameters per element, in one of the two {@link MiedemaVersion versions}. */
public final class MiedemaTable {
  /**
   * One element's parameters, named as in matminer's Miedema.csv; units as in {@code docs/element-data.md}
   * ({@code compressibility} holds the bulk modulus in GPa, despite its name).
   */
  public record Params(
      double molarVolume,
      double electronDensity,
      double electronegativity,
      double valenceElectrons,
      double aConst,
      double rConst,
      double hTrans,
      double compressibility,
      double shearModulus,
      double meltingPoint,
      double structuralStability) {}

  /** The property name used in {@link MissingElementDataException}. */
  static final String PROPERTY = "Miedema parameters";

  private final MiedemaVersion version;
  private final Params[] byZ; // index = atomic number; null = not covered by the model

  MiedemaTable(MiedemaVersion version, Params[] byZ) {
    this.version = version;
    this.byZ = byZ.clone();
  }

  public MiedemaVersion version() {
    return version;
  }

  public boolean has(Element e) {
    return byZ[e.z()] != null;
  }

  /** The parameters of {@code e}; throws {@link MissingElementDataException} for elements the model does not cover. */
  public Params of(Element e) {
    Params p = byZ[e.z()];
    if (p == null) {
      throw new MissingElementDataException(e, PROPERTY);
    }
    return p;
  }
}

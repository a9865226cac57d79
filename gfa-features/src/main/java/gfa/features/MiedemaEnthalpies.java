package gfa.features;

import gfa.core.Composition;
import gfa.core.data.ElementData;
import gfa.core.data.MiedemaTable;
import gfa.core.data.MiedemaVersion;
import java.util.Arrays;
import java.util.List;

/**
 * Formation enthalpies of the intermetallic, amorphous and solid-solution states from Miedema's
 * semi-empirical model, extended to multicomponent alloys as a sum over the binary pairs (as
 * matminer's {@code Miedema} featurizer does), plus the differences the paper derives from them.
 *
 * <p>Columns (eV/atom): inter, amor, ss_min (the lowest of the fcc, bcc, hcp and lattice-free
 * solid solutions), ami = amor - inter, ams = amor - ss_min, and am_min = min(ami, ams). Where the
 * model's volume correction breaks down (an alloyed volume turns negative, e.g. Ca with Ni or Co)
 * the paper's matminer left the elastic term and so ss_min and ams undefined (NaN) and am_min is
 * then ami; current matminer ({@link MiedemaVersion#V2024}) takes the volume's absolute value.
 *
 * <p>Details that decide exact agreement with matminer: elements are ordered by Pauling
 * electronegativity (stable for ties) before forming pairs; each pair uses the alloy's own
 * fractions, not re-normalised ones; the transformation enthalpy sum c_i H_trans,i is added once
 * per pair; kJ/mol are converted to eV/atom by dividing by 96.4853.
 */
public final class MiedemaEnthalpies implements DescriptorFamily {
  private static final double KJ_PER_MOL_PER_EV = 96.4853;
  private static final List<String> COLUMNS =
      List.of(
          "Miedema_deltaH_inter",
          "Miedema_deltaH_amor",
          "Miedema_deltaH_ss_min",
          "Miedema_deltaH_ami",
          "Miedema_deltaH_ams",
          "Miedema_deltaH_am_min");

  /** Surface-concentration factor gamma of the chemical term per state. */
  private static final double GAMMA_INTER = 8;
  private static final double GAMMA_AMOR = 5;
  private static final double GAMMA_SS = 0;

  /** Lattice stabilities (kJ/mol) against the mean valence, per lattice; piecewise linear. */
  private static final double[] STABILITY_VALENCE = {
    0, 1, 2, 3, 4, 5, 5.5, 6, 7, 8, 8.5, 9, 10, 11, 12, 13, 14, 15
  };
  private static final double[][] STABILITY = {
    {0, 0, 0, -2, -1.5, 9, 14, 11, -3, -9.5, -11, -9, -2, 1.5, 0, 0, 0, 0}, // fcc
    {0, 0, 0, 2.2, 2, -9.5, -14.5, -12, 4, 10, 11, 8.5, 1.5, 1.5, 0, 0, 0, 0}, // bcc
    {0, 0, 0, -2.5, -2.5, 10, 15, 13, -5, -10.5, -11, -8, -1, 2.5, 0, 0, 0, 0}, // hcp
  };

  private final MiedemaTable table;
  private final MiedemaVersion version;
  private final ElementValues electronegativity;

  public MiedemaEnthalpies(ElementData data, MiedemaVersion version) {
    this.version = version;
    this.table = data.miedema(version);
    this.electronegativity = new ElementValues(data.property("X"));
  }

  @Override
  public String name() {
    return "Miedema";
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public String citation() {
    return "A.R. Miedema, P.F. de Chatel, F.R. de Boer, Physica B+C 100, 1 (1980); "
        + "F.R. de Boer et al., Cohesion in Metals (North-Holland, 1988); multicomponent sum: "
        + "L.J. Gallego, J.A. Somoza, J.A. Alonso, J. Phys.: Condens. Matter 2, 6245 (1990); "
        + "reproduces " + version.reproduces();
  }

  @Override
  public void compute(Composition composition, double[] out, int offset) {
    int n = composition.size();
    MiedemaTable.Params[] p = new MiedemaTable.Params[n];
    double[] c = new double[n];
    orderByElectronegativity(composition, p, c);

    double inter = 0;
    double amor = 0;
    double chemSs = 0;
    double elastic = 0;
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        inter += chemical(p[i], p[j], c[i], c[j], GAMMA_INTER);
        amor += chemical(p[i], p[j], c[i], c[j], GAMMA_AMOR);
        chemSs += chemical(p[i], p[j], c[i], c[j], GAMMA_SS);
        elastic += elastic(p[i], p[j], c[i], c[j], version.absoluteAlloyedVolume());
      }
    }
    double meanMelting = 0;
    for (int i = 0; i < n; i++) {
      meanMelting += c[i] * p[i].meltingPoint();
    }
    amor += 3.5 * meanMelting / 1000; // topological term of the amorphous state

    double ssMin = Double.POSITIVE_INFINITY;
    for (double[] lattice : STABILITY) {
      ssMin = Math.min(ssMin, chemSs + elastic + structural(p, c, lattice));
    }
    ssMin = Math.min(ssMin, chemSs + elastic); // the lattice-free solid solution

    inter /= KJ_PER_MOL_PER_EV;
    amor /= KJ_PER_MOL_PER_EV;
    ssMin /= KJ_PER_MOL_PER_EV;
    out[offset] = inter;
    out[offset + 1] = amor;
    out[offset + 2] = ssMin;
    out[offset + 3] = amor - inter;
    out[offset + 4] = amor - ssMin;
    // Miedema's volume correction can turn an alloyed molar volume negative (Ca with Ni or Co),
    // leaving the elastic term, and so ss_min, undefined: am_min is then ami, as in the paper's
    // data (Python's min(ami, nan) returns ami)
    out[offset + 5] = Double.isNaN(ssMin) ? amor - inter : Math.min(amor - inter, amor - ssMin);
  }

  /** Fills parameters and fractions ordered by electronegativity, ties kept in written order. */
  private void orderByElectronegativity(Composition composition, MiedemaTable.Params[] p, double[] c) {
    int n = composition.size();
    Integer[] order = new Integer[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      x[i] = electronegativity.of(composition.element(i));
    }
    Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b])); // a stable sort, as Python's sorted
    for (int i = 0; i < n; i++) {
      p[i] = table.of(composition.element(order[i])); // names the element when it has no parameters
      c[i] = composition.fraction(order[i]);
    }
  }

  /** Chemical term of a pair A-B (kJ/mol), with the volume contraction on alloying. */
  private static double chemical(MiedemaTable.Params a, MiedemaTable.Params b, double ca, double cb, double gamma) {
    double va = Math.pow(a.molarVolume(), 2.0 / 3);
    double vb = Math.pow(b.molarVolume(), 2.0 / 3);
    double dPhi = a.electronegativity() - b.electronegativity();

    // surface concentrations; note matminer pairs each element with the *other's* factor
    double sa = ca * va / (ca * va + cb * vb);
    double sb = cb * vb / (ca * va + cb * vb);
    double fa = sb * (1 + gamma * Math.pow(sa * sb, 2));
    double fb = sa * (1 + gamma * Math.pow(sa * sb, 2));
    double vaAlloy = va * (1 + a.aConst() * fa * dPhi);
    double vbAlloy = vb * (1 + b.aConst() * fb * -dPhi);

    double saAlloy = ca * vaAlloy / (ca * vaAlloy + cb * vbAlloy);
    double sbAlloy = cb * vbAlloy / (ca * vaAlloy + cb * vbAlloy);
    double faAlloy = sbAlloy * (1 + gamma * Math.pow(saAlloy * sbAlloy, 2));

    double p;
    double r;
    boolean aTransition = isTransitionValence(a.valenceElectrons());
    boolean bTransition = isTransitionValence(b.valenceElectrons());
    if (aTransition && bTransition) {
      p = 14.1;
      r = 0;
    } else if (!aTransition && !bTransition) {
      p = 10.7;
      r = 0;
    } else {
      p = 12.35;
      r = a.rConst() * b.rConst() * p;
    }
    double q = p * 9.4;
    double na = Math.cbrt(a.electronDensity());
    double nb = Math.cbrt(b.electronDensity());
    double eta = 2 * (-p * dPhi * dPhi - r + q * (na - nb) * (na - nb)) / (1 / na + 1 / nb);
    return faAlloy * ca * vaAlloy * eta + (ca * a.hTrans() + cb * b.hTrans());
  }

  /** Valences 3..11 mark transition metals in Miedema's choice of P and R. */
  private static boolean isTransitionValence(double valence) {
    return valence == Math.rint(valence) && valence >= 3 && valence <= 11;
  }

  /**
   * Elastic size-mismatch term of a pair in the solid solution (kJ/mol). With {@code absoluteVolume}
   * the corrected volumes enter the 2/3 power by their absolute value, as current matminer does;
   * without it a negative one (Ca, Sr, Ba, La... with late transition metals) makes the term NaN,
   * as in the code that produced the paper's values.
   */
  private static double elastic(
      MiedemaTable.Params a, MiedemaTable.Params b, double ca, double cb, boolean absoluteVolume) {
    double na = Math.cbrt(a.electronDensity());
    double nb = Math.cbrt(b.electronDensity());
    double density = 1 / na + 1 / nb;
    double dPhi = a.electronegativity() - b.electronegativity();
    double alphaA = 1.5 * Math.pow(a.molarVolume(), 2.0 / 3) / density;
    double alphaB = 1.5 * Math.pow(b.molarVolume(), 2.0 / 3) / density;
    double vA = a.molarVolume() + alphaA * dPhi / a.electronDensity();
    double vB = b.molarVolume() + alphaB * -dPhi / b.electronDensity();
    if (absoluteVolume) {
      vA = Math.abs(vA);
      vB = Math.abs(vB);
    }
    double alphaAlloyA = 1.5 * Math.pow(vA, 2.0 / 3) / density;
    double alphaAlloyB = 1.5 * Math.pow(vB, 2.0 / 3) / density;

    double vabA = a.molarVolume() + alphaAlloyA * dPhi / a.electronDensity();
    double vabB = a.molarVolume() + alphaAlloyB * -dPhi / a.electronDensity();
    double vbaA = b.molarVolume() + alphaAlloyA * dPhi / b.electronDensity();
    double vbaB = b.molarVolume() + alphaAlloyB * -dPhi / b.electronDensity();

    double kA = a.compressibility();
    double kB = b.compressibility();
    double gA = a.shearModulus();
    double gB = b.shearModulus();
    double aInB = 2 * kA * gB * Math.pow(vabA - vbaA, 2) / (4 * gB * vabA + 3 * kA * vbaA);
    double bInA = 2 * kB * gA * Math.pow(vbaB - vabB, 2) / (4 * gA * vbaB + 3 * kB * vabB);
    return ca * cb * (cb * aInB + ca * bInA);
  }

  /** Structural (lattice-stability) term of the solid solution for one lattice (kJ/mol). */
  private static double structural(MiedemaTable.Params[] p, double[] c, double[] stability) {
    double valence = 0;
    double ownStability = 0;
    for (int i = 0; i < p.length; i++) {
      valence += c[i] * p[i].valenceElectrons();
      ownStability += c[i] * p[i].structuralStability();
    }
    // bracket the mean valence between two tabulated points, as matminer does
    // (a mean valence above the table leaves the upper bracket at 0, again as matminer does)
    double lower = 0;
    double upper = 0;
    double lowerValue = stability[0];
    double upperValue = stability[0];
    for (int k = 0; k < STABILITY_VALENCE.length; k++) {
      if (valence - STABILITY_VALENCE[k] <= 0) {
        upper = STABILITY_VALENCE[k];
        upperValue = stability[k];
        break;
      }
      lower = STABILITY_VALENCE[k];
      lowerValue = stability[k];
    }
    double lattice =
        (valence - lower) * upperValue / (upper - lower) + (upper - valence) * lowerValue / (upper - lower);
    return lattice - ownStability;
  }
}

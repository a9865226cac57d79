package gfa.features;

import gfa.core.Composition;
import gfa.core.data.ElementData;
import gfa.core.data.MixingEnthalpyTable;
import java.util.List;

/**
 * Yang and Zhang's solid-solution criteria (matminer's {@code YangSolidSolution}).
 *
 * <p>Omega = |T_m dS_mix / dH_mix| with T_m the fraction-weighted melting temperature (magpie
 * MeltingT), dS_mix = R sum c ln c (kJ/mol/K; the sign is absorbed by the absolute value) and
 * dH_mix = 4 sum_{i<j} c_i c_j dH_ij from the liquid mixing enthalpies of Takeuchi and Inoue;
 * |dH_mix| is floored at 1e-6 so Omega stays finite, and a pure element has Omega 0.
 * Delta = sqrt(sum c (1 - r/r_mean)^2) with Miracle's radii.
 */
public final class YangSolidSolution implements DescriptorFamily {
  private static final double GAS_CONSTANT_KJ = 8.314 / 1000;
  private static final List<String> COLUMNS = List.of("Yang omega", "Yang delta");

  private final ElementValues meltingT;
  private final ElementValues radius;
  private final MixingEnthalpyTable mixing;

  public YangSolidSolution(ElementData data) {
    this.meltingT = new ElementValues(data.property("MeltingT"));
    this.radius = new ElementValues(data.property("MiracleRadius"));
    this.mixing = data.mixingEnthalpy();
  }

  @Override
  public String name() {
    return "YangSolidSolution";
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public String citation() {
    return "X. Yang, Y. Zhang, Mater. Chem. Phys. 132, 233 (2012); mixing enthalpies: "
        + "A. Takeuchi, A. Inoue, Mater. Trans. 46, 2817 (2005)";
  }

  @Override
  public void compute(Composition composition, double[] out, int offset) {
    out[offset] = omega(composition);
    out[offset + 1] = delta(composition);
  }

  private double omega(Composition c) {
    int n = c.size();
    if (n == 1) {
      return 0;
    }
    double meanTm = 0;
    double entropy = 0;
    double enthalpy = 0;
    for (int i = 0; i < n; i++) {
      double ci = c.fraction(i);
      meanTm += ci * meltingT.of(c.element(i));
      entropy += ci * Math.log(ci);
      for (int j = 0; j < i; j++) {
        enthalpy += ci * c.fraction(j) * mixing.kjPerMol(c.element(i), c.element(j));
      }
    }
    entropy *= GAS_CONSTANT_KJ;
    enthalpy = Math.max(1e-6, Math.abs(4 * enthalpy));
    return Math.abs(meanTm * entropy / enthalpy);
  }

  private double delta(Composition c) {
    int n = c.size();
    double meanR = 0;
    for (int i = 0; i < n; i++) {
      meanR += c.fraction(i) * radius.of(c.element(i));
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = 1.0 - radius.of(c.element(i)) / meanR;
      sum += c.fraction(i) * d * d;
    }
    return Math.sqrt(sum);
  }
}

package gfa.features;

import gfa.core.Composition;
import gfa.core.data.ElementData;
import java.util.List;

/**
 * Mean number of valence electrons in the s, p, d and f shells and each shell's fraction of the
 * total (matminer's {@code ValenceOrbital}; magpie's NsValence..NfValence). The fraction of shell
 * x is mean(N_x) / (mean(Ns) + mean(Np) + mean(Nd) + mean(Nf)).
 */
public final class ValenceOrbitals implements DescriptorFamily {
  private static final String[] SHELLS = {"s", "p", "d", "f"};
  private static final List<String> COLUMNS =
      List.of(
          "avg s valence electrons",
          "avg p valence electrons",
          "avg d valence electrons",
          "avg f valence electrons",
          "frac s valence electrons",
          "frac p valence electrons",
          "frac d valence electrons",
          "frac f valence electrons");

  private final ElementValues[] shells = new ElementValues[SHELLS.length];

  public ValenceOrbitals(ElementData data) {
    for (int s = 0; s < SHELLS.length; s++) {
      shells[s] = new ElementValues(data.property("N" + SHELLS[s] + "Valence"));
    }
  }

  @Override
  public String name() {
    return "ValenceOrbital";
  }

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public String citation() {
    return "L. Ward, A. Agrawal, A. Choudhary, C. Wolverton, npj Comput. Mater. 2, 16028 (2016); "
        + "A.M. Deml, R. O'Hayre, C. Wolverton, V. Stevanovic, Phys. Rev. B 93, 085142 (2016)";
  }

  @Override
  public void compute(Composition composition, double[] out, int offset) {
    int n = composition.size();
    double total = 0;
    for (int s = 0; s < SHELLS.length; s++) {
      double sum = 0;
      double weight = 0;
      for (int i = 0; i < n; i++) {
        double c = composition.fraction(i);
        sum += c * shells[s].of(composition.element(i));
        weight += c;
      }
      out[offset + s] = sum / weight;
      total += out[offset + s];
    }
    for (int s = 0; s < SHELLS.length; s++) {
      out[offset + SHELLS.length + s] = out[offset + s] / total;
    }
  }
}

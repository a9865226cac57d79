package gfa.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.data.ElementData;
import gfa.core.data.MiedemaVersion;
import gfa.core.data.MissingElementDataException;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checkable values of each descriptor family, independent of the published files. */
class DescriptorFamiliesTest {
  private final ElementData data = ElementData.standard();

  private double[] compute(DescriptorFamily family, String formula) {
    double[] out = new double[family.columns().size()];
    family.compute(Composition.parse(formula), out, 0);
    return out;
  }

  @Test
  void weightedStdDevUsesReliabilityWeights() {
    // docs/method.md §3: Mg66 Zn30 Ca4, groups (2, 12, 2): mean 5, std_dev sqrt(21 / 0.4728)
    var stats =
        new ElementPropertyStatistics(
            data, List.of("group"), List.of(ElementPropertyStatistics.Stat.MEAN, ElementPropertyStatistics.Stat.STD_DEV), false);
    double[] v = compute(stats, "Mg66 Zn30 Ca4");
    assertEquals(5.0, v[0], 1e-12);
    assertEquals(Math.sqrt(21 / 0.4728), v[1], 1e-12);
    assertEquals(6.6646, v[1], 1e-4);
  }

  @Test
  void pureElementHasNoSpread() {
    var stats = new ElementPropertyStatistics(data, List.of("X"), List.of(ElementPropertyStatistics.Stat.values()), false);
    double[] v = compute(stats, "Cu100");
    assertEquals(List.of("PymatgenData minimum X", "PymatgenData maximum X", "PymatgenData range X", "PymatgenData mean X", "PymatgenData std_dev X"), stats.columns());
    assertEquals(1.90, v[0], 1e-12);
    assertEquals(0.0, v[2]);
    assertEquals(0.0, v[4]);
  }

  @Test
  void valenceFractionsSumToOne() {
    double[] v = compute(new ValenceOrbitals(data), "Zr41.2 Ti13.8 Cu12.5 Ni10 Be22.5");
    assertEquals(1.0, v[4] + v[5] + v[6] + v[7], 1e-12);
    // Cu: 1 s + 10 d valence electrons (magpie)
    double[] cu = compute(new ValenceOrbitals(data), "Cu");
    assertEquals(1.0, cu[0], 1e-12);
    assertEquals(10.0, cu[2], 1e-12);
    assertEquals(1.0 / 11, cu[4], 1e-12);
  }

  @Test
  void yangOmegaIsZeroForAnElementAndDeltaMeasuresSizeMismatch() {
    var yang = new YangSolidSolution(data);
    double[] pure = compute(yang, "Zr");
    assertEquals(0.0, pure[0]);
    assertEquals(0.0, pure[1]);
    double[] zrCu = compute(yang, "Zr50Cu50");
    double rZr = data.property("MiracleRadius").value(gfa.core.Element.of("Zr"));
    double rCu = data.property("MiracleRadius").value(gfa.core.Element.of("Cu"));
    double mean = (rZr + rCu) / 2;
    double delta = Math.sqrt(0.5 * Math.pow(1 - rZr / mean, 2) + 0.5 * Math.pow(1 - rCu / mean, 2));
    assertEquals(delta, zrCu[1], 1e-12);
    // |Tm * R ln2 / (4 * 0.25 * dH)| with dH(Cu-Zr) from Takeuchi & Inoue
    double dH = data.mixingEnthalpy().kjPerMol(gfa.core.Element.of("Cu"), gfa.core.Element.of("Zr"));
    double tm = (data.property("MeltingT").value(gfa.core.Element.of("Zr")) + data.property("MeltingT").value(gfa.core.Element.of("Cu"))) / 2;
    assertEquals(Math.abs(tm * 8.314e-3 * Math.log(0.5) / dH), zrCu[0], 1e-9);
  }

  @Test
  void miedemaDerivedColumnsFollowTheRule() {
    var miedema = new MiedemaEnthalpies(data, MiedemaVersion.PAPER);
    double[] v = compute(miedema, "Zr50 Al10 Cu40");
    double inter = v[0], amor = v[1], ssMin = v[2];
    assertEquals(amor - inter, v[3], 1e-15);
    assertEquals(amor - ssMin, v[4], 1e-15);
    assertEquals(Math.min(amor - inter, amor - ssMin), v[5], 1e-15);
    assertTrue(amor < 0, "Zr-Al-Cu mixes exothermically");
    // a pure element: no chemical or elastic term; amorphous = topological term 3.5 Tm / 1000 (kJ/mol -> eV)
    double[] zr = compute(miedema, "Zr");
    assertEquals(0.0, zr[0]);
    double tm = data.miedema(MiedemaVersion.PAPER).of(gfa.core.Element.of("Zr")).meltingPoint();
    assertEquals(3.5 * tm / 1000 / 96.4853, zr[1], 1e-15);
  }

  @Test
  void miedemaVersionsDifferOnlyWhereTheValenceColumnChanged() {
    var paper = new MiedemaEnthalpies(data, MiedemaVersion.PAPER);
    var revised = new MiedemaEnthalpies(data, MiedemaVersion.V2024);
    double[] a = compute(paper, "Zr50Cu50");
    double[] b = compute(revised, "Zr50Cu50");
    assertEquals(a[1], b[1], 1e-15, "no p-block element: same values");
    double[] c = compute(paper, "Fe80B20");
    double[] d = compute(revised, "Fe80B20");
    assertTrue(Math.abs(c[1] - d[1]) > 1e-6, "B's valence changed from 13 to 3");
  }

  @Test
  void currentMatminerDefinesSsMinWhereTheAlloyedVolumeTurnsNegative() {
    // Ca with Ni: Ca's alloyed molar volume is negative (26.2 + 7.91 x (2.55 - 5.2) / 0.75 < 0 cm3)
    double[] paper = compute(new MiedemaEnthalpies(data, MiedemaVersion.PAPER), "Al85 Ca10 Ni5");
    double[] current = compute(new MiedemaEnthalpies(data, MiedemaVersion.V2024), "Al85 Ca10 Ni5");
    assertTrue(Double.isNaN(paper[2]), "paper: ss_min undefined");
    assertEquals(paper[3], paper[5], 0.0, "paper: am_min falls back to ami");
    assertTrue(Double.isFinite(current[2]), "2024: ss_min defined");
    assertEquals(current[1] - current[2], current[4], 1e-15);
    assertEquals(Math.min(current[3], current[4]), current[5], 0.0);
  }

  @Test
  void packingEfficiencyOfAnElementIsItsBestCluster() {
    var ape = new AtomicPackingEfficiency(data, 1, 3, 5);
    double[] v = compute(ape, "Cu");
    // radius ratio 1: 13 neighbours (ideal 0.976006) beats 14 (1.04733)
    assertEquals(1 - 0.976006, v[0], 1e-12);
    assertEquals(v[0], v[1], 0.0);
    assertEquals(List.of("mean simul. packing efficiency", "mean abs simul. packing efficiency",
        "dist from 1 clusters |APE| < 0.010", "dist from 3 clusters |APE| < 0.010", "dist from 5 clusters |APE| < 0.010"), ape.columns());
    // no cluster of a single element is within 1% of ideal: all distances are 1
    assertEquals(1.0, v[2]);
    assertEquals(1.0, v[4]);
  }

  @Test
  void anAlloyThatIsAnEfficientClusterIsAtDistanceZero() {
    var ape = new AtomicPackingEfficiency(data, 1);
    assertEquals(0.0, compute(ape, "B20 Co60 Mn20")[2], 0.0);
  }

  @Test
  void gong2024PresetHasThePublishedColumns() {
    Featurizer f = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    assertEquals(29, f.columns().size());
    assertEquals(Gong2024Columns.NAMES, f.columns());
    assertEquals(29, new HashSet<>(f.columns()).size());
  }

  @Test
  void allPresetHas86Columns() {
    Featurizer f = Featurizer.of(Preset.ALL, MiedemaVersion.PAPER, true);
    assertEquals(86, f.columns().size());
    assertEquals(86, new HashSet<>(f.columns()).size());
    assertTrue(f.columns().containsAll(Gong2024Columns.NAMES));
    // P has no velocity of sound in pymatgen: NaN where allowed, an error otherwise
    double[] row = f.featurize(Composition.parse("Pd40 Ni40 P20"));
    assertTrue(Double.isNaN(row[f.columns().indexOf("PymatgenData mean velocity_of_sound")]));
    assertEquals(row[f.columns().indexOf("Miedema_deltaH_amor")],
        Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER).featurize(Composition.parse("Pd40 Ni40 P20"))[20], 0.0);
    var strict = Featurizer.of(Preset.ALL, MiedemaVersion.PAPER, false);
    var e = assertThrows(MissingElementDataException.class, () -> strict.featurize(Composition.parse("Pd40 Ni40 P20")));
    assertTrue(e.getMessage().contains("P") && e.getMessage().contains("velocity_of_sound"), e.getMessage());
  }

  @Test
  void elementWithoutDataIsANamedError() {
    Featurizer f = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    var e = assertThrows(GfaInputException.class,
        () -> f.featurizeAll(List.of(Composition.parse("Cu50Zr50"), Composition.parse("Xe10Cu90"))));
    assertTrue(e.getMessage().startsWith("row 2: "), e.getMessage());
    assertTrue(e.getMessage().contains("Xe"), e.getMessage());
  }

  @Test
  void parallelAndSequentialResultsAreIdentical() {
    Featurizer f = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    List<Composition> list = List.of(
        Composition.parse("Zr41.2 Ti13.8 Cu12.5 Ni10 Be22.5"), Composition.parse("Pd40Ni40P20"),
        Composition.parse("Mg65Cu25Y10"), Composition.parse("La55Al25Ni20"), Composition.parse("Cu50Zr45Al5"));
    double[][] all = f.featurizeAll(list);
    for (int i = 0; i < list.size(); i++) {
      double[] one = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER).featurize(list.get(i));
      for (int c = 0; c < one.length; c++) {
        assertEquals(Double.doubleToLongBits(one[c]), Double.doubleToLongBits(all[i][c]), f.columns().get(c));
      }
    }
  }
}

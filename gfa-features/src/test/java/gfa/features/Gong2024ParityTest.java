package gfa.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.data.MiedemaVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every one of the 29 descriptors agrees with the values the paper's authors computed with
 * matminer, for all 6398 published alloys and both published 5151-point ternary grids: to 1e-6
 * relative or 1e-9 absolute, and at the printed precision where the file prints only 3
 * significant digits in E-notation (e.g. {@code 8.60E-08}).
 */
class Gong2024ParityTest {

  /**
   * docs/method.md §3 lists 11 Al-Ca-Ni / Al-Ca-Co rows whose published am_min is amor - inter. The
   * reason: in the Ca-Ni and Ca-Co pairs Miedema's volume correction gives a negative alloyed
   * volume, so ss_min is undefined (NaN) and am_min falls back to amor - inter. gfa computes that,
   * so these rows agree like all others; the test pins that they are exactly the rows whose ss_min
   * is undefined.
   */
  static final Set<String> UNDEFINED_SS_SYSTEMS = Set.of("Al-Ca-Ni", "Al-Ca-Co");

  /**
   * B20 Co60 Mn20 is itself an efficiently packed cluster (B1 Mn1 Co3), so its distance to the nearest cluster is exactly 0; the published 1.05E-08 is
   * floating-point cancellation in the reference run's distance computation.
   */
  static final Set<String> ZERO_DISTANCE_EXCEPTIONS = Set.of("B20 Co60 Mn20");

  static final double RELATIVE = 1e-6;
  static final double ABSOLUTE = 1e-9;

  @ParameterizedTest
  @ValueSource(strings = {"features_trainset_all.csv", "features_LaAlC.csv", "features_IrNiTa.csv"})
  void everyPublishedDescriptorIsReproduced(String file) throws IOException {
    ReferenceData.Table table = ReferenceData.read(ReferenceData.gong2024(file));
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    List<String> columns = featurizer.columns();
    int compositionColumn = table.column("composition");
    List<Composition> compositions = new ArrayList<>();
    for (String[] row : table.rows()) {
      compositions.add(Composition.parse(row[compositionColumn]));
    }
    double[][] computed = featurizer.featurizeAll(compositions);
    Featurizer all = Featurizer.of(Preset.ALL, MiedemaVersion.PAPER, true);
    int ssColumn = all.columns().indexOf("Miedema_deltaH_ss_min");
    double[] ssMin = new double[compositions.size()];
    for (int r = 0; r < ssMin.length; r++) {
      ssMin[r] = all.featurize(compositions.get(r))[ssColumn];
    }

    int amMin = columns.indexOf("Miedema_deltaH_am_min");
    int ami = columns.indexOf("Miedema_deltaH_ami");
    int distance = columns.indexOf("dist from 1 clusters |APE| < 0.010");
    double[] maxAbs = new double[columns.size()];
    double[] maxRel = new double[columns.size()];
    List<String> failures = new ArrayList<>();
    List<String> amMinExceptions = new ArrayList<>();
    for (int r = 0; r < compositions.size(); r++) {
      String[] row = table.rows().get(r);
      for (int c = 0; c < columns.size(); c++) {
        String text = row[table.column(columns.get(c))];
        double published = Double.parseDouble(text);
        double ours = computed[r][c];
        double abs = Math.abs(ours - published);
        if (c == amMin && Double.isNaN(ssMin[r])) {
          assertTrue(isUndefinedSsSystem(compositions.get(r)), "undefined ss_min outside Al-Ca-Ni/Co: " + row[compositionColumn]);
          assertEquals(computed[r][ami], ours, 0.0, "am_min falls back to ami");
          amMinExceptions.add(row[compositionColumn]);
        }
        if (c == distance && ZERO_DISTANCE_EXCEPTIONS.contains(row[compositionColumn])) {
          assertEquals(0.0, ours, "an alloy that is an efficient cluster is at distance 0");
          assertTrue(published < 1e-7, "published cancellation noise");
          continue;
        }
        maxAbs[c] = Math.max(maxAbs[c], abs);
        if (published != 0) {
          maxRel[c] = Math.max(maxRel[c], abs / Math.abs(published));
        }
        if (!agrees(ours, published, text) && failures.size() < 20) {
          failures.add(String.format(Locale.ROOT, "%s | %s: ours %.10g, published %s", row[compositionColumn], columns.get(c), ours, text));
        }
      }
    }
    StringBuilder report = new StringBuilder("\nParity against " + file + " (" + compositions.size() + " rows)\n");
    report.append("| column | max abs error | max rel error |\n|---|---|---|\n");
    for (int c = 0; c < columns.size(); c++) {
      report.append(String.format(Locale.ROOT, "| %s | %.2e | %.2e |%n", columns.get(c), maxAbs[c], maxRel[c]));
    }
    report.append("rows with undefined ss_min (am_min = ami): ").append(amMinExceptions.size()).append(' ').append(amMinExceptions).append('\n');
    System.out.println(report);
    assertEquals(List.of(), failures, "descriptors that differ from the published values");
    if (file.equals("features_trainset_all.csv")) {
      assertEquals(11, amMinExceptions.size(), "the 11 Al-Ca-Ni/Al-Ca-Co rows of docs/method.md §3");
      assertTrue(amMinExceptions.contains("Al85 Ca10 Ni5") && amMinExceptions.contains("Al85 Ca10 Co5"));
    } else {
      assertEquals(0, amMinExceptions.size());
    }
  }

  /** Within 1e-6 relative or 1e-9 absolute, or at the printed precision of 3-digit E-notation. */
  static boolean agrees(double ours, double published, String text) {
    double abs = Math.abs(ours - published);
    if (abs <= ABSOLUTE || abs <= RELATIVE * Math.abs(published)) {
      return true;
    }
    if (text.contains("E") || text.contains("e")) {
      String mantissa = text.substring(0, text.indexOf(text.contains("E") ? 'E' : 'e'));
      int decimals = mantissa.contains(".") ? mantissa.length() - mantissa.indexOf('.') - 1 : 0;
      int exponent = (int) Math.floor(Math.log10(Math.abs(published)));
      double halfUnit = 0.5 * Math.pow(10, exponent - decimals);
      return abs <= halfUnit * (1 + 1e-9);
    }
    return false;
  }

  private static boolean isUndefinedSsSystem(Composition c) {
    StringBuilder system = new StringBuilder();
    List<String> symbols = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      symbols.add(c.element(i).symbol());
    }
    symbols.sort(null);
    for (String s : symbols) {
      system.append(system.length() == 0 ? "" : "-").append(s);
    }
    return UNDEFINED_SS_SYSTEMS.contains(system.toString());
  }
}

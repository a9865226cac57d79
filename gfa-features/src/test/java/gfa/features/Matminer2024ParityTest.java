package gfa.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.data.ElementData;
import gfa.core.data.MiedemaVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --miedema 2024} reproduces current matminer's Miedema featurizer: 300 alloys, each with an
 * alkaline-earth or rare-earth element and a late transition metal, where current matminer's
 * alloyed-volume correction (absolute value before the 2/3 power) differs from the paper's code.
 * Reference values: {@code matminer-2024/miedema_check.csv} (see its README).
 */
class Matminer2024ParityTest {
  static final double TOLERANCE = 1e-6;
  static final List<String> CHECKED =
      List.of(
          "Miedema_deltaH_inter",
          "Miedema_deltaH_amor",
          "Miedema_deltaH_ss_min",
          "Miedema_deltaH_ami",
          "Miedema_deltaH_am_min");

  @Test
  void everyAlloyAgreesWithCurrentMatminer() throws IOException {
    ReferenceData.Table table = ReferenceData.read(ReferenceData.matminer2024("miedema_check.csv"));
    MiedemaEnthalpies miedema = new MiedemaEnthalpies(ElementData.standard(), MiedemaVersion.V2024);
    int compositionColumn = table.column("composition");
    List<String> failures = new ArrayList<>();
    double[] out = new double[miedema.columns().size()];
    for (String[] row : table.rows()) {
      miedema.compute(Composition.parse(row[compositionColumn]), out, 0);
      for (String column : CHECKED) {
        double expected = Double.parseDouble(row[table.column(column)]);
        double ours = out[miedema.columns().indexOf(column)];
        if (!(Math.abs(ours - expected) <= TOLERANCE)) {
          failures.add(row[compositionColumn] + " " + column + ": matminer " + expected + ", gfa " + ours);
        }
      }
    }
    assertEquals(300, table.rows().size(), "the reference file holds 300 alloys");
    assertTrue(failures.isEmpty(), failures.size() + " values differ, e.g. " + failures.subList(0, Math.min(5, failures.size())));
  }
}

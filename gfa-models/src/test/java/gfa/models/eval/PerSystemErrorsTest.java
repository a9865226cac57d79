package gfa.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gfa.core.Composition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Systems by element set, and the errors on the largest ones, by hand. */
class PerSystemErrorsTest {
  @Test
  void aSystemIsItsElementSetWhateverTheAmountsOrOrder() {
    String[] g = SystemGroups.of(List.of(Composition.parse("Zr41 Al9 Cu50"), Composition.parse("Cu46 Zr46 Al8"),
        Composition.parse("Cu50 Zr50"), Composition.parse("Pd40 Ni40 P20")));
    assertArrayEquals(new String[] {"Al-Cu-Zr", "Al-Cu-Zr", "Cu-Zr", "P-Ni-Pd"}, g);
    assertEquals(3, SystemGroups.count(g));
  }

  @Test
  void errorsOfTheLargestSystemsByHand() {
    String[] groups = {"A", "A", "A", "B", "B", "C"};
    double[] y = {1, 2, 3, 0, 0, 5};
    Map<String, double[]> predictions = new LinkedHashMap<>();
    predictions.put("random_kfold", new double[] {1, 2, 4, 0, 1, 5});
    predictions.put("leave_system_out", new double[] {2, 3, 4, 1, 1, 0});
    List<PerSystemErrors.Row> rows = PerSystemErrors.largest(groups, y, predictions, 2);
    assertEquals(2, rows.size());
    assertEquals("A", rows.get(0).system());
    assertEquals(3, rows.get(0).rows());
    assertEquals(Math.sqrt(1 / 3.0), rows.get(0).errors().get("random_kfold").rmse(), 1e-12);
    assertEquals(1 / 3.0, rows.get(0).errors().get("random_kfold").mae(), 1e-12);
    assertEquals(1, rows.get(0).errors().get("leave_system_out").rmse(), 1e-12);
    assertEquals("B", rows.get(1).system());
    assertEquals(Math.sqrt(0.5), rows.get(1).errors().get("random_kfold").rmse(), 1e-12);
    assertEquals(1, rows.get(1).errors().get("leave_system_out").mae(), 1e-12);
    assertEquals(List.of("random_kfold", "leave_system_out"), List.copyOf(rows.get(0).errors().keySet()));
  }

  @Test
  void equalSizesAreListedAlphabetically() {
    String[] groups = {"Mg-Zn", "Mg-Zn", "Cu-Zr", "Cu-Zr", "Fe-B"};
    double[] y = new double[5];
    List<PerSystemErrors.Row> rows = PerSystemErrors.largest(groups, y, Map.of("p", new double[5]), 10);
    assertEquals(List.of("Cu-Zr", "Mg-Zn", "Fe-B"), rows.stream().map(PerSystemErrors.Row::system).toList());
  }
}

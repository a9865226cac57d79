package gfa.core.ternary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gfa.core.io.CsvTable;
import gfa.core.pruning.PublishedReference;
import gfa.core.pruning.TernarySystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our grid is the published one (features_LaAlC.csv, features_IrNiTa.csv), point for point. */
class PublishedGridTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({"La-Al-C, features_LaAlC.csv", "Ir-Ni-Ta, features_IrNiTa.csv"})
  void matchesThePublishedGridRowForRow(String name, String file) {
    TernarySystem system = TernarySystem.parse(name);
    TernaryGrid grid = TernaryGrid.of(system);
    CsvTable table = CsvTable.read(PublishedReference.gong2024(file));
    int composition = table.requireColumn("composition");
    int pretty = table.requireColumn("pretty_formula");
    assertEquals(5151, table.rowCount());
    assertEquals(table.rowCount(), grid.size());
    for (int i = 0; i < grid.size(); i++) {
      assertEquals(table.cell(i, composition), grid.composition(i).format(), "row " + i);
      int[] p = grid.atPercent(i);
      String written = system.a().symbol() + p[0] + system.b().symbol() + p[1] + system.c().symbol() + p[2];
      assertEquals(table.cell(i, pretty), written, "row " + i);
    }
  }
}

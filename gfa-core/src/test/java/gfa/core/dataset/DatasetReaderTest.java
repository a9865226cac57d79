package gfa.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {
  @TempDir
  Path dir;

  @Test
  void readsCompositionAndDmax() throws IOException {
    Dataset d = DatasetReader.open(write("data.csv", "composition,D_max,note\nPd25 Ni57 P18,10,x\nCu50Zr50,0.2,y\n")).read();
    assertEquals(2, d.size());
    assertEquals(Composition.parse("Pd25Ni57P18"), d.composition(0));
    assertArrayEquals(new double[] {10, 0.2}, d.target());
    assertEquals("D_max", d.targetName());
    assertEquals("column 'D_max'", d.targetOrigin());
    assertEquals(List.of(), d.merged());
    assertEquals(2, d.rowsRead());
    assertEquals(dir.resolve("data.csv").toString(), d.source());
    assertEquals(64, d.sourceSha256().length());
    assertArrayEquals(new int[] {0, 1}, d.sourceRows());
  }

  @Test
  void duplicatesAreAveragedAndReported() throws IOException {
    Path f = write("dup.csv", "composition,D_max\nCu50Zr50,1\nPd40Ni40P20,10\nZr50 Cu50,2\nCu0.5Zr0.5,3\nCu64Zr36,0.2\n");
    Dataset d = DatasetReader.open(f).read();
    assertEquals(3, d.size());
    assertEquals(5, d.rowsRead());
    assertArrayEquals(new double[] {2, 10, 0.2}, d.target());
    assertArrayEquals(new int[] {0, 1, 4}, d.sourceRows());
    assertEquals(1, d.merged().size());
    DuplicateGroup g = d.merged().get(0);
    assertEquals(Composition.parse("Cu50Zr50"), g.composition());
    assertArrayEquals(new int[] {0, 2, 3}, g.rows());
    assertArrayEquals(new double[] {1, 2, 3}, g.values());
    assertEquals(List.of("Cu50Zr50", "Zr50 Cu50", "Cu0.5Zr0.5"), g.written());
    assertEquals(2.0, g.mean());
    assertEquals(f + " line 2", g.locations().get(0));
    assertTrue(g.describe().startsWith("Cu50 Zr50: 3 rows (" + f + " line 2 'Cu50Zr50', "), g.describe());
    assertTrue(g.describe().endsWith("values 1 | 2 | 3 -> 2"), g.describe());
  }

  @Test
  void anotherTargetColumn() throws IOException {
    Dataset d = DatasetReader.open(write("t.csv", "composition,Tg\nCu50Zr50,700\n")).read("Tg");
    assertEquals("Tg", d.targetName());
    assertEquals(700, d.target(0));
  }

  @Test
  void labRecordsGetDmaxByTheLabelRule() throws IOException {
    Path f = write("lab.csv", "composition,outcome,dmax_mm\nZr20Al20Cu60,crystalline,\nZr40Al20Cu40,ribbon,\n"
        + "Zr50Al5Cu45,bmg,2.5\nZr55Al5Cu40,BMG,1.5\n");
    Dataset d = DatasetReader.open(f).read();
    assertArrayEquals(new double[] {0, 0.2, 2.5, 1.5}, d.target());
    assertTrue(d.targetOrigin().contains("outcome"), d.targetOrigin());
  }

  @Test
  void labRecordsWithoutDiameterColumn() throws IOException {
    Dataset d = DatasetReader.open(write("lab.csv", "composition,outcome\nZr20Al20Cu60,crystalline\nZr40Al20Cu40,ribbon\n")).read();
    assertArrayEquals(new double[] {0, 0.2}, d.target());
    assertMessage(() -> DatasetReader.open(write("lab2.csv", "composition,outcome\nZr50Al5Cu45,bmg\n")).read(),
        "lab2.csv line 2", "bmg needs");
  }

  @Test
  void badLabRecordsAreLocated() throws IOException {
    assertMessage(() -> DatasetReader.open(write("l1.csv", "composition,outcome,dmax_mm\nCuZr,glassy,\n")).read(),
        "l1.csv line 2", "outcome 'glassy'");
    assertMessage(() -> DatasetReader.open(write("l2.csv", "composition,outcome,dmax_mm\nCuZr,bmg,abc\n")).read(),
        "l2.csv line 2", "dmax_mm 'abc' is not a number");
    assertMessage(() -> DatasetReader.open(write("l3.csv", "composition,outcome,dmax_mm\nCuZr,crystalline,3\n")).read(),
        "l3.csv line 2", "dmax_mm is 3");
  }

  // --- refusals ---

  @Test
  void fileNotFound() {
    assertMessage(() -> DatasetReader.open(dir.resolve("missing.csv")), "missing.csv", "not found");
  }

  @Test
  void emptyFile() throws IOException {
    assertMessage(() -> DatasetReader.open(write("empty.csv", "")), "empty.csv", "empty");
  }

  @Test
  void headerButNoRows() throws IOException {
    assertMessage(() -> DatasetReader.open(write("h.csv", "composition,D_max\n")), "h.csv", "no data rows");
  }

  @Test
  void missingCompositionColumn() throws IOException {
    assertMessage(() -> DatasetReader.open(write("c.csv", "formula,D_max\nCuZr,1\n")).read(),
        "c.csv", "no 'composition' column", "'formula', 'D_max'");
  }

  @Test
  void missingTargetColumnSaysWhichColumnsExist() throws IOException {
    assertMessage(() -> DatasetReader.open(write("t.csv", "composition,Dmax\nCuZr,1\n")).read(),
        "t.csv", "no 'D_max' column", "no 'outcome' column", "'composition', 'Dmax'");
    assertMessage(() -> DatasetReader.open(write("u.csv", "composition,D_max\nCuZr,1\n")).read("Tg"),
        "u.csv", "no 'Tg' column", "'composition', 'D_max'");
  }

  @Test
  void badTargetValues() throws IOException {
    assertMessage(() -> read("composition,D_max\nCuZr,1\nCu50Zr50,abc\n"), "data.csv line 3: D_max 'abc' is not a number");
    assertMessage(() -> read("composition,D_max\nCuZr,NaN\n"), "data.csv line 2: D_max 'NaN' is not a number");
    assertMessage(() -> read("composition,D_max\nCuZr,-1\n"), "data.csv line 2: D_max '-1' is negative");
    assertMessage(() -> read("composition,D_max\nCuZr,\n"), "data.csv line 2: D_max is empty");
  }

  @Test
  void malformedFormulaIsLocated() throws IOException {
    assertMessage(() -> read("composition,D_max\nCuZr,1\n\nZr50Cu,2\n"),
        "data.csv line 4: formula 'Zr50Cu'", "Cu has no amount");
    assertMessage(() -> read("composition,D_max\n,1\n"), "data.csv line 2: formula is empty");
  }

  // --- raw table and numeric columns ---

  @Test
  void rawTableAndNumericColumns() throws IOException {
    DatasetReader r = DatasetReader.open(write("f.csv", ",composition,D_max,Yang delta,Miedema_deltaH_amor\n"
        + "0,Cu50Zr50,1,0.1,-0.5\n1,Pd25 Ni57 P18,10,8.60E-08,-0.2\n"));
    assertEquals("", r.table().header().get(0));
    assertEquals("8.60E-08", r.table().cell(1, 3));
    double[][] x = r.numericColumns(List.of("Yang delta", "Miedema_deltaH_amor"));
    assertArrayEquals(new double[] {0.1, -0.5}, x[0]);
    assertArrayEquals(new double[] {8.6e-8, -0.2}, x[1]);
    assertArrayEquals(new double[] {1, 10}, r.numericColumn("D_max"));
    assertEquals(2, r.compositions().size());
    assertMessage(() -> r.numericColumns(List.of("Yang omega")), "no 'Yang omega' column");
    DatasetReader bad = DatasetReader.open(write("g.csv", "composition,Yang delta\nCuZr,x\n"));
    assertMessage(() -> bad.numericColumns(List.of("Yang delta")), "g.csv line 2: Yang delta 'x' is not a number");
  }

  @Test
  void readsAPlainFormulaList() throws IOException {
    DatasetReader r = DatasetReader.of(CsvTable.readCompositionList(write("c.txt", "# grid\nZr20Al20Cu60\nZr20Al25Cu55\n")));
    assertEquals(List.of(Composition.parse("Zr20 Al20 Cu60"), Composition.parse("Zr20 Al25 Cu55")), r.compositions());
    DatasetReader broken = DatasetReader.of(CsvTable.readCompositionList(write("d.txt", "Zr20Al20Cu60\n\nZr20 Al Cu55\n")));
    assertMessage(broken::compositions, "d.txt line 3: formula 'Zr20 Al Cu55'");
  }

  @Test
  void datasetIsAnImmutableValue() throws IOException {
    Dataset d = read("composition,D_max\nCuZr,1\n");
    d.target()[0] = 99;
    d.sourceRows()[0] = 99;
    assertEquals(1.0, d.target(0));
    assertEquals(0, d.sourceRows()[0]);
    assertEquals(d, read("composition,D_max\nCuZr,1\n"));
    assertThrows(UnsupportedOperationException.class, () -> d.compositions().clear());
  }

  private Dataset read(String csv) throws IOException {
    Path f = write("data.csv", csv);
    Dataset d = DatasetReader.open(f).read();
    return d;
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertMessage(Executable call, String... parts) {
    GfaInputException e = assertThrows(GfaInputException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}

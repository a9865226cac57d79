package gfa.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import gfa.core.io.CsvTable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The build step of the default training table, and the proof that the shipped table is what it produces. */
class Ward2018TableTest {
  private static final String HEADER = "material_id,composition,gfa_type,D_max,dTx,Unnamed: 4,comment\n";

  private static Ward2018Table.Build build(String rows) {
    return Ward2018Table.build(CsvTable.parse(HEADER + rows, "ward.csv"));
  }

  @Test
  void shippedTableIsWhatTheStepBuildsFromTheReferenceFile() throws Exception {
    Path reference = Path.of(System.getProperty("gfa.reference.dir", "/work/shared/reference"))
        .resolve("ward2018/ward-metallic-glasses.csv");
    Assumptions.assumeTrue(Files.isRegularFile(reference),
        "Ward et al. (2018) reference file not found at " + reference + " (set -Dgfa.reference.dir); skipping the "
            + "check that data/training/ward2018-gfa.csv is what Ward2018Table builds from it");
    CsvTable table = CsvTable.read(reference);
    Properties version = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("../data/training/VERSION.properties"))) {
      version.load(in);
    }
    assertEquals(version.getProperty("reference.sha256"), table.sha256(),
        reference + " is not the file the table was built from (VERSION.properties reference.sha256)");

    Ward2018Table.Build build = Ward2018Table.build(table);
    String shipped = Files.readString(Path.of("../data/training/ward2018-gfa.csv"), StandardCharsets.UTF_8);
    assertEquals(shipped, build.table().toCsv(),
        "data/training/ward2018-gfa.csv differs from what Ward2018Table builds: rebuild it (see data/training/README.md)"
            + " and bump its version");
    // the counts docs/default-data.md quotes
    assertEquals(8415, build.rowsRead());
    assertEquals(29, build.invalidFormulas().size());
    assertEquals(949, build.bulkWithoutDiameter());
    assertEquals(480, build.alloysWithoutDiameter());
    assertEquals(7250, build.rowsKept());
    assertEquals(5803, build.table().rowCount());
  }

  @Test
  void labelsEveryRowByTheRuleAndAveragesRepeatedAlloysInDecimal() {
    Ward2018Table.Build b = build("""
        w-1,Cu50Zr50,Ribbon,0.2,,,
        w-2,Al10Ni90,,0.0,,,
        w-3,Zr50Cu50,Ribbon,0.2,,,
        w-4,Cu0.5Zr0.5,Ribbon,0.2,,,
        w-5,Al10Ni90,Ribbon,0.2,,,
        w-6,Pd40Ni40P20,BMG,25,,,
        """);
    assertEquals("""
        composition,D_max,label,reports,source_ids
        Cu50 Zr50,0.2,ribbon,3,w-1 w-3 w-4
        Al10 Ni90,0.1,crystalline+ribbon,2,w-2 w-5
        Pd40 Ni40 P20,25,bmg,1,w-6
        """, b.table().toCsv(), "0.2 three times averages to 0.2 exactly, not 0.20000000000000004");
    assertEquals(2, b.mergedAlloys());
    assertEquals(6, b.rowsKept());
  }

  @Test
  void dropsEveryReportOfABulkGlassWithoutDiameter() {
    Ward2018Table.Build b = build("""
        w-1,Al84Ce6Ni10,Ribbon,0.2,,,
        w-2,Al84Ce6Ni10,BMG,,,,
        w-3,Cu50Zr50,BMG,2,,,
        w-4,Ce6Ni10Al84,Ribbon,0.2,,,
        """);
    assertEquals(List.of("Cu50 Zr50"), List.of(b.table().cell(0, 0)));
    assertEquals(1, b.table().rowCount(), "the ribbon reports alone would bias the alloy low");
    assertEquals(1, b.bulkWithoutDiameter());
    assertEquals(1, b.alloysWithoutDiameter());
    assertEquals(2, b.rowsDroppedWithThem());
  }

  @Test
  void dropsUnreadableAndFlaggedFormulasNamingThem() {
    Ward2018Table.Build b = build("""
        w-1,Cu50Zr50,Ribbon,0.2,,,
        w-2,Mo52Cr14Fel4P12B8,BMG,3,,,
        w-3,Cu60Zr40,BMG,,,,invalid formula
        w-4,Cu0.5NiAl,Ribbon,0.2,,,
        """);
    assertEquals(1, b.table().rowCount());
    assertEquals(3, b.invalidFormulas().size());
    assertTrue(b.invalidFormulas().get(0).startsWith("w-2: "), b.invalidFormulas().get(0));
    assertTrue(b.invalidFormulas().get(1).contains("flagged 'invalid formula'"), b.invalidFormulas().get(1));
    assertEquals(0, b.bulkWithoutDiameter(), "a flagged row is counted once, as an invalid formula");
  }

  @Test
  void refusesAValueThatContradictsTheLabelNamingTheLine() {
    GfaInputException e = assertThrows(GfaInputException.class, () -> build("""
        w-1,Cu50Zr50,Ribbon,0.2,,,
        w-2,Cu40Zr60,Ribbon,1.5,,,
        """));
    assertTrue(e.getMessage().contains("ward.csv line 3"), e.getMessage());
  }
}

package gfa.core.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger only grows, reads back what it wrote, and refuses contradictions. */
class LedgerTest {
  @TempDir Path tmp;

  static LabResults round(String csv) {
    return LabResultsTest.parse("composition,outcome,dmax_mm,note\n" + csv);
  }

  @Test
  void appendsRoundTripsAndAverages() throws Exception {
    Ledger ledger = Ledger.empty()
        .append(1, round("Zr20Al20Cu60,crystalline,,\nZr20Al25Cu55,crystalline,,\n"), "r1.csv")
        .append(2, round("Zr50Al5Cu45,bmg,2,\"first rod, 2 mm\"\n"), "r2.csv")
        .append(3, round("Zr50Al5Cu45,bmg,3,\nZr55Al5Cu40,bmg,1.5,\n"), "r3.csv");
    Path file = tmp.resolve("ledger.csv");
    ledger.write(file);
    Ledger read = Ledger.read(file);
    assertEquals(ledger.toCsv(), read.toCsv());
    assertEquals(3, read.lastIteration());
    assertEquals("first rod, 2 mm", read.entries().get(2).result().note());
    assertEquals(4, read.measured().size());
    Map<Composition, Double> labels = read.labels();
    assertEquals(2.5, labels.get(Composition.parse("Zr50Al5Cu45")), 1e-12, "two reports averaged");
    assertEquals(Composition.parse("Zr50Al5Cu45"), read.best().orElseThrow().result().composition());
    assertEquals(3, read.best().orElseThrow().iteration(), "the 3 mm report");
    assertEquals(2, read.upTo(1).size());
    assertEquals(0, read.upTo(1).best().orElseThrow().result().label());
  }

  @Test
  void writingNeverRewritesRecordedRows() throws Exception {
    Path file = tmp.resolve("ledger.csv");
    Ledger one = Ledger.empty().append(1, round("Zr20Al20Cu60,crystalline,,\n"), "r1.csv");
    one.write(file);
    byte[] before = Files.readAllBytes(file);
    Ledger two = one.append(2, round("Zr40Al20Cu40,ribbon,,\n"), "r2.csv");
    two.write(file);
    byte[] after = Files.readAllBytes(file);
    assertArrayEquals(before, java.util.Arrays.copyOf(after, before.length), "the old bytes are a prefix of the new");
    // A ledger that does not extend the file (here: another history) is refused and nothing changes.
    Ledger other = Ledger.empty().append(1, round("Zr30Al20Cu50,crystalline,,\n"), "x.csv");
    assertThrows(IllegalStateException.class, () -> other.write(file));
    assertArrayEquals(after, Files.readAllBytes(file));
    assertThrows(IllegalArgumentException.class, () -> two.append(2, round("Zr30Al20Cu50,crystalline,,\n"), "x.csv"),
        "iterations only go forward");
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void contradictionsWithEarlierMeasurementsAreRefused() {
    Ledger ledger = Ledger.empty().append(1, round("Zr20Al20Cu60,crystalline,,\n"), "r1.csv");
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> ledger.checkConsistent(round("Zr30Al20Cu50,ribbon,,\nCu60Zr20Al20,bmg,1,\n")));
    assertEquals("lab.csv line 3: outcome: Cu60 Zr20 Al20 is bmg here but was recorded as crystalline in iteration 1 "
        + "(from r1.csv); the ledger keeps every result, so correct this file", e.getMessage());
    ledger.checkConsistent(round("Zr20Al20Cu60,crystalline,,\n")); // a repeat with the same outcome is fine
  }

  @Test
  void aForeignFileIsNotALedger() throws Exception {
    Path file = tmp.resolve("ledger.csv");
    Files.writeString(file, "composition,D_max\nZr50Cu50,1\n", StandardCharsets.UTF_8);
    assertTrue(assertThrows(GfaInputException.class, () -> Ledger.read(file)).getMessage().contains("not a gfa ledger"));
    assertEquals(0, Ledger.read(tmp.resolve("absent.csv")).size());
  }
}

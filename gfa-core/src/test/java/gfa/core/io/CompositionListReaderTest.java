package gfa.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader must read every file exactly as {@link CsvTable#readCompositionList} does
 * (same header, cells and line of each row), and refuse hostile files naming the line.
 */
class CompositionListReaderTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.write(dir.resolve("in.csv"), text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "composition,D_max\nZr50Cu50,1\nCu60Zr40,2\n",
      "\uFEFFcomposition\r\nZr50Cu50\r\n\r\n  \r\nCu60Zr40\r\n",
      "note,composition\n\"two\nlines\",Zr50Cu50\n\"a \"\"q\"\"\",Cu50Zr50\n,\"\"\nx,CuZr",
      "note,composition\r\"lone\rcr\",Zr50Cu50\rx,Cu50Zr50\r",
      "# a comment\nZr50Cu50  # trailing\n\n\nCu0.5Zr0.5\r\nPd40Ni40P20",
      "Zr50Cu50\rCu50Zr50\r\rAl10Zr90",
      "formula\nZr50Cu50\n",
      "composition\n",
  })
  void readsRowsAndLinesAsTheWholeFileReader(String text) throws IOException {
    Path file = write(text);
    CsvTable whole = CsvTable.readCompositionList(file);
    List<String[]> rows = new ArrayList<>();
    List<String> where = new ArrayList<>();
    try (CompositionListReader reader = CompositionListReader.open(file)) {
      assertEquals(whole.header(), reader.header());
      String[] row;
      while ((row = reader.next()) != null) {
        rows.add(row);
        where.add(reader.where());
      }
    }
    assertEquals(whole.rowCount(), rows.size());
    for (int r = 0; r < rows.size(); r++) {
      assertArrayEquals(whole.row(r), rows.get(r), "row " + r);
      assertEquals(whole.where(r), where.get(r), "row " + r);
    }
  }

  @Test
  void manyRowsBeyondTheParsersBuffer() throws IOException {
    StringBuilder text = new StringBuilder("composition,n\n");
    for (int i = 0; i < 50_000; i++) {
      text.append(i % 7 == 0 ? "\"Zr50\nCu50\"" : "Zr50Cu50").append(',').append(i).append('\n');
    }
    Path file = write(text.toString());
    CsvTable whole = CsvTable.readCompositionList(file);
    try (CompositionListReader reader = CompositionListReader.open(file)) {
      for (int r = 0; r < whole.rowCount(); r++) {
        assertArrayEquals(whole.row(r), reader.next());
        assertEquals(whole.where(r), reader.where());
      }
      assertNull(reader.next());
    }
  }

  private String refusal(String text) throws IOException {
    Path file = write(text);
    GfaInputException e = assertThrows(GfaInputException.class, () -> {
      try (CompositionListReader reader = CompositionListReader.open(file)) {
        while (reader.next() != null) {
          // read to the end
        }
      }
    });
    return e.getMessage();
  }

  @Test
  void nulCharactersAreRefusedNotDropped() throws IOException {
    assertEquals(dir.resolve("in.csv") + " line 2: contains a NUL character (a binary file, or a text file in UTF-16?)",
        refusal("Zr50Cu50\n\0\0\0\0\nCu50Zr50\n"));
    assertTrue(refusal("composition,x\nZr50Cu50,1\n\0\0\0\n").contains("in.csv line 3: contains a NUL"));
    // the whole-file reader says the same
    GfaInputException e = assertThrows(GfaInputException.class, () -> CsvTable.read(dir.resolve("in.csv")));
    assertTrue(e.getMessage().contains("in.csv line 3: contains a NUL"), e.getMessage());
  }

  @Test
  void aCellOverTheLimitNamesItsFileAndLine() throws IOException {
    String message = refusal("composition,x\nZr50Cu50,1\nZr50Cu50," + "x".repeat(70_000) + "\n");
    assertEquals(dir.resolve("in.csv") + " line 3: a cell longer than 65536 characters (is this a table of alloys?)", message);
    GfaInputException e = assertThrows(GfaInputException.class, () -> CsvTable.read(dir.resolve("in.csv")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aFormulaLineOverTheLimitIsRefusedWithoutReadingItWhole() throws IOException {
    String message = refusal("Zr50Cu50\nZr" + "5".repeat(200_000) + "\n");
    assertEquals(dir.resolve("in.csv") + " line 2: longer than 65536 characters (is this a list of formulas?)", message);
    GfaInputException e = assertThrows(GfaInputException.class, () -> CsvTable.readCompositionList(dir.resolve("in.csv")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aFirstLineWithSubscriptDigitsIsAFormulaNotAHeader() throws IOException {
    Path file = write("Zr₅₀Cu₅₀\n");
    try (CompositionListReader reader = CompositionListReader.open(file)) {
      assertEquals(List.of("composition"), reader.header());
      assertArrayEquals(new String[] {"Zr₅₀Cu₅₀"}, reader.next());
    }
    assertEquals(List.of("composition"), CsvTable.readCompositionList(file).header());
  }

  @Test
  void textThatIsNotUtf8() throws IOException {
    Path file = Files.write(dir.resolve("in.csv"), new byte[] {'Z', 'r', '5', '0', '\n', (byte) 0xC3, '(', '\n'});
    GfaInputException e = assertThrows(GfaInputException.class, () -> {
      try (CompositionListReader reader = CompositionListReader.open(file)) {
        while (reader.next() != null) {
          // read to the end
        }
      }
    });
    assertEquals(file + ": not UTF-8 text; save the file as UTF-8", e.getMessage());
  }

  @Test
  void unclosedQuoteAndWidths() throws IOException {
    assertTrue(refusal("composition\nZr50Cu50\n\"Cu50Zr50\n").endsWith("in.csv line 3: a quoted field starting here is never closed"));
    assertTrue(refusal("composition,x\nZr50Cu50,1,2\n").endsWith("in.csv line 2: 3 cells, more than the 2 of the first line"));
    assertTrue(refusal("composition,x\nZr50Cu50,1\nCu50\n").endsWith("in.csv line 3: fewer cells than the 2 of the first line"));
  }
}

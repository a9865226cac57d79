package gfa.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table format is strict: a damaged table fails loudly with file and line, it is never half-read. */
class TableFileTest {
  private static final String HEAD = """
      # a table
      # @column z | - | atomic number | -
      # @column v | K | some source | checked against: something
      """;

  private static TableFile parse(String text) throws IOException {
    return TableFile.parse("t.csv", new StringReader(text));
  }

  @Test
  void readsDescriptionsHeaderAndCells() throws IOException {
    TableFile t = parse(HEAD + "z,v\n1,14.01\n2,\n");
    assertEquals(2, t.rowCount());
    assertEquals("K", t.columns().get(1).unit());
    assertEquals("some source", t.columns().get(1).source());
    assertEquals("checked against: something", t.columns().get(1).checkedAgainst());
    assertEquals(14.01, t.number(0, 1));
    assertTrue(Double.isNaN(t.number(1, 1)));
    assertEquals(1, t.requiredInt(0, 0));
  }

  @Test
  void rejectsUndescribedColumns() {
    IllegalStateException ex = assertThrows(IllegalStateException.class, () -> parse(HEAD + "z,v,w\n1,2,3\n"));
    assertTrue(ex.getMessage().startsWith("t.csv line 4: header"), ex.getMessage());
  }

  @Test
  void rejectsRaggedRowsAndNonNumbers() throws IOException {
    assertThrows(IllegalStateException.class, () -> parse(HEAD + "z,v\n1\n"));
    TableFile t = parse(HEAD + "z,v\n1,NaN\n2,1e5d\n3,0x10\n");
    for (int r = 0; r < 3; r++) {
      int row = r;
      IllegalStateException ex = assertThrows(IllegalStateException.class, () -> t.number(row, 1));
      assertTrue(ex.getMessage().startsWith("t.csv line " + (5 + r) + ": "), ex.getMessage());
    }
  }

  @Test
  void aDamagedStandardTableFailsTheWholeLoad() throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    for (String name : new String[] {"properties.csv", "miedema-paper.csv", "miedema-2024.csv",
        "mixing-enthalpy-liquid.csv", "ideal-radius-ratios.csv", "VERSION.properties"}) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(ElementData.RESOURCE_DIR + name)) {
        files.put(name, in.readAllBytes());
      }
    }
    // loads as shipped
    ElementData ok = ElementData.load(name -> new ByteArrayInputStream(files.get(name)));
    assertEquals(ElementData.standard().version(), ok.version());

    // a pair written twice
    String mixing = new String(files.get("mixing-enthalpy-liquid.csv"), StandardCharsets.UTF_8) + "H,Li,-25\n";
    files.put("mixing-enthalpy-liquid.csv", mixing.getBytes(StandardCharsets.UTF_8));
    IllegalStateException ex = assertThrows(IllegalStateException.class,
        () -> ElementData.load(name -> new ByteArrayInputStream(files.get(name))));
    assertTrue(ex.getMessage().contains("H-Li is listed twice"), ex.getMessage());

    // a missing file
    files.remove("mixing-enthalpy-liquid.csv");
    IllegalStateException gone = assertThrows(IllegalStateException.class, () -> ElementData.load(name -> {
      byte[] b = files.get(name);
      if (b == null) {
        throw new IOException(name + " is not on the classpath");
      }
      return new ByteArrayInputStream(b);
    }));
    assertTrue(gone.getMessage().contains("mixing-enthalpy-liquid.csv"), gone.getMessage());
  }

  /** The hand-written check of a plain decimal accepts exactly what its regular expression does. */
  @org.junit.jupiter.api.Test
  void plainDecimalsAreExactlyThoseOfTheGrammar() {
    java.util.regex.Pattern grammar = java.util.regex.Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    String alphabet = "0129.-+eE xd";
    java.util.Random random = new java.util.Random(11);
    int accepted = 0;
    for (int t = 0; t < 200_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(7); k > 0; k--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      boolean expected = grammar.matcher(text).matches();
      assertEquals(expected, TableFile.isPlainDecimal(text), "'" + text + "'");
      accepted += expected ? 1 : 0;
    }
    assertTrue(accepted > 1000, "the random strings hold numbers: " + accepted);
    for (String text : new String[] {"1.", ".5", "-.5", "1e5", "1E-5", "12.5e+3", "0"}) {
      assertTrue(TableFile.isPlainDecimal(text), text);
    }
    for (String text : new String[] {"", "-", ".", "e5", "1e", "NaN", "Infinity", "1d", "0x1p3", "١"}) {
      assertTrue(!TableFile.isPlainDecimal(text), text);
    }
  }
}

package gfa.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Element;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ElementDataApiTest {
  private final ElementData data = ElementData.standard();

  @Test
  void loadsOnceAndIsShared() {
    Set<ElementData> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 64).parallel().forEach(i -> seen.add(ElementData.standard()));
    assertEquals(1, seen.size());
    assertSame(data, ElementData.standard());
  }

  @Test
  void propertyNamesAreTheTableColumnsInOrder() {
    assertEquals(List.of("X", "row", "group", "block", "atomic_mass", "atomic_radius", "mendeleev_no",
        "electrical_resistivity", "velocity_of_sound", "thermal_conductivity", "melting_point", "bulk_modulus",
        "coefficient_of_linear_thermal_expansion", "MiracleRadius", "MeltingT", "NsValence", "NpValence",
        "NdValence", "NfValence"), data.propertyNames());
    assertThrows(UnsupportedOperationException.class, () -> data.propertyNames().add("x"));
  }

  @Test
  void everyPropertyHasUnitAndSourceFromTheHeader() {
    for (String name : data.propertyNames()) {
      PropertyTable t = data.property(name);
      assertEquals(name, t.name());
      assertFalse(t.unit().isBlank(), name);
      assertFalse(t.source().isBlank(), name);
      assertTrue(t.checkedAgainst().contains("pymatgen") || t.checkedAgainst().contains("magpie"), name);
    }
    assertEquals("K", data.property("melting_point").unit());
    assertEquals("ohm m", data.property("electrical_resistivity").unit());
    assertEquals("pm", data.property("MiracleRadius").unit());
    assertTrue(data.property("MiracleRadius").source().contains("Miracle"));
  }

  @Test
  void unknownPropertyIsAProgrammingError() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> data.property("density"));
    assertTrue(ex.getMessage().startsWith("unknown element property 'density' (known: X, row, "), ex.getMessage());
    assertThrows(IllegalArgumentException.class, () -> data.property("X").valueOrNaN(0));
    assertThrows(IllegalArgumentException.class, () -> data.property("X").valueOrNaN(119));
  }

  @Test
  void valuesReadBack() {
    Element fe = Element.of("Fe");
    assertEquals(1.83, data.property("X").value(fe));
    assertEquals(4.0, data.property("row").value(fe));
    assertEquals(8.0, data.property("group").value(fe));
    assertEquals(3.0, data.property("block").value(fe));
    assertEquals(1811.0, data.property("melting_point").value(fe));
    assertEquals(125.0, data.property("MiracleRadius").value(fe));
    assertEquals(data.property("X").valueOrNaN(26), data.property("X").value(fe));
  }

  @Test
  void mixingEnthalpyIsSymmetricAndZeroOnTheDiagonal() {
    Element cu = Element.of("Cu");
    Element zr = Element.of("Zr");
    MixingEnthalpyTable t = data.mixingEnthalpy();
    assertEquals(-23.0, t.kjPerMol(cu, zr));
    assertEquals(t.kjPerMol(cu, zr), t.kjPerMol(zr, cu));
    assertEquals(0.0, t.kjPerMol(cu, cu));
    assertTrue(t.has(cu, cu));
    assertTrue(t.has(zr, cu));
  }

  @Test
  void idealRatiosClampLikeMatminer() {
    IdealRadiusRatios r = data.idealRadiusRatios();
    assertEquals(r.forCoordination(3), r.forCoordination(1));
    assertEquals(r.forCoordination(3), r.forCoordination(-5));
    assertEquals(r.forCoordination(24), r.forCoordination(30));
    assertEquals(0.902113, r.forCoordination(12));
  }

  @Test
  void versionComesFromTheVersionFile() throws IOException {
    Properties p = new Properties();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("gfa/data/elements/VERSION.properties")) {
      p.load(in);
    }
    assertEquals(p.getProperty("tables.version"), data.version());
    assertTrue(data.version().matches("\\d{4}\\.\\d+\\.\\d+"), data.version());
  }
}

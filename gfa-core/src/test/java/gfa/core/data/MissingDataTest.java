package gfa.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Element;
import gfa.core.GfaInputException;
import org.junit.jupiter.api.Test;

/** Missing stays missing: no zero, no imputation, and a clear one-line error when a value is needed. */
class MissingDataTest {
  private final ElementData data = ElementData.standard();

  @Test
  void nobleGasesHaveNoPaulingElectronegativity() {
    PropertyTable x = data.property("X");
    for (String s : new String[] {"He", "Ne", "Ar"}) {
      Element e = Element.of(s);
      assertFalse(x.has(e), s);
      assertTrue(Double.isNaN(x.valueOrNaN(e.z())), s);
    }
    assertTrue(x.has(Element.of("Xe")), "Xe has X = 2.6 in pymatgen");
  }

  @Test
  void noDataInTheSourceIsMissing() {
    // pymatgen: Xe "no data 10<sup>-8</sup> &Omega; m", P "no data x10<sup>-6</sup>K<sup>-1</sup>", H bulk modulus "no data GPa"
    assertFalse(data.property("electrical_resistivity").has(Element.of("Xe")));
    assertFalse(data.property("coefficient_of_linear_thermal_expansion").has(Element.of("P")));
    assertFalse(data.property("bulk_modulus").has(Element.of("H")));
    // magpie: "NA" / "Missing" lines, and no line at all beyond Z = 112
    assertFalse(data.property("MiracleRadius").has(Element.of("He")));
    assertFalse(data.property("MeltingT").has(Element.of("Fr")));
    assertFalse(data.property("NsValence").has(Element.of("Og")));
    // superheavy elements have nothing in pymatgen but a mass
    assertFalse(data.property("melting_point").has(Element.of("Og")));
    assertTrue(data.property("atomic_mass").has(Element.of("Og")));
  }

  @Test
  void valueOfMissingThrowsANamedOneLineError() {
    MissingElementDataException ex = assertThrows(MissingElementDataException.class,
        () -> data.property("electrical_resistivity").value(Element.of("Xe")));
    assertEquals("no data for Xe: electrical_resistivity", ex.getMessage());
    assertEquals(Element.of("Xe"), ex.element());
    assertEquals("electrical_resistivity", ex.property());
    assertTrue(ex.partner().isEmpty());
    assertFalse(ex.getMessage().contains("\n"));
    assertTrue(ex instanceof GfaInputException, "bad input, exit code 2");

    MissingElementDataException x = assertThrows(MissingElementDataException.class,
        () -> data.property("X").value(Element.of("He")));
    assertEquals("no data for He: X", x.getMessage());
  }

  @Test
  void missingMiedemaParametersAndPairsAreNamed() {
    MissingElementDataException m = assertThrows(MissingElementDataException.class,
        () -> data.miedema(MiedemaVersion.PAPER).of(Element.of("Xe")));
    assertEquals("no data for Xe: Miedema parameters", m.getMessage());
    assertEquals("Miedema parameters", m.property());
    assertFalse(data.miedema(MiedemaVersion.V2024).has(Element.of("He")));

    Element fe = Element.of("Fe");
    Element xe = Element.of("Xe");
    MissingElementDataException p = assertThrows(MissingElementDataException.class,
        () -> data.mixingEnthalpy().kjPerMol(fe, xe));
    assertEquals("no data for Fe-Xe: liquid mixing enthalpy", p.getMessage());
    assertEquals(fe, p.element());
    assertEquals(xe, p.partner().orElseThrow());
    assertFalse(data.mixingEnthalpy().has(xe, fe));
  }
}

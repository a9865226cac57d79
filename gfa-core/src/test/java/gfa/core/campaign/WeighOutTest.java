package gfa.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.Element;
import gfa.core.GfaInputException;
import org.junit.jupiter.api.Test;

class WeighOutTest {
  private static final Element ZR = Element.of("Zr");
  private static final Element AL = Element.of("Al");
  private static final Element CU = Element.of("Cu");

  @Test
  void equiatomicZrCuWeighsByAtomicMass() {
    // Zr 91.224, Cu 63.546 g/mol (IUPAC 2006): 10 g of Zr50Cu50 is 10 * 91.224 / 154.77 g of Zr.
    WeighOut sheet = WeighOut.of(Composition.parse("Zr50Cu50"), 10);
    assertEquals(5.8942, sheet.grams(ZR), 0);
    assertEquals(4.1058, sheet.grams(CU), 0);
    assertEquals(91.224, sheet.lines().get(0).atomicMass(), 0);
    assertEquals(10 * 91.224 / 154.77, 10 * sheet.lines().get(0).massFraction(), 1e-12);
  }

  @Test
  void ternaryAlloyOfThePaperForATwentyGramIngot() {
    // Σ c M = 0.2*91.224 + 0.25*26.9815386 + 0.55*63.546 = 59.94048465 g/mol.
    WeighOut sheet = WeighOut.of(Composition.parse("Zr20Al25Cu55"), 20);
    assertEquals(6.0876, sheet.grams(ZR), 0);
    assertEquals(2.2507, sheet.grams(AL), 0);
    assertEquals(11.6617, sheet.grams(CU), 0);
    assertEquals(20, sheet.lines().stream().mapToDouble(WeighOut.Line::grams).sum(), 3e-4);
    assertEquals("Zr 6.0876 g, Al 2.2507 g, Cu 11.6617 g", sheet.format());
    assertEquals(0, sheet.grams(Element.of("Ni")));
  }

  @Test
  void linesFollowTheWrittenOrderAndSumOfMassFractionsIsOne() {
    WeighOut sheet = WeighOut.of(Composition.parse("Cu55 Zr20 Al25"), 7.5);
    assertEquals(CU, sheet.lines().get(0).element());
    assertEquals(55, sheet.lines().get(0).atPercent(), 1e-9);
    assertEquals(1, sheet.lines().stream().mapToDouble(WeighOut.Line::massFraction).sum(), 1e-12);
    assertEquals("element,at_percent,atomic_mass,mass_fraction,grams", sheet.table().toCsv().lines().findFirst().orElseThrow());
  }

  @Test
  void refusesAMassThatIsNotPositiveAndFinite() {
    for (double g : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      GfaInputException e = assertThrows(GfaInputException.class, () -> WeighOut.of(Composition.parse("Zr50Cu50"), g));
      assertTrue(e.getMessage().startsWith("ingot mass"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }
}

package gfa.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void outcomesReadInAnyCase() {
    assertEquals(Outcome.CRYSTALLINE, Outcome.parse("crystalline"));
    assertEquals(Outcome.RIBBON, Outcome.parse(" Ribbon "));
    assertEquals(Outcome.BMG, Outcome.parse("BMG"));
    assertEquals("bmg", Outcome.BMG.toString());
  }

  @Test
  void unknownOutcomeIsNamed() {
    GfaInputException e = assertThrows(GfaInputException.class, () -> Outcome.parse("glassy"));
    assertTrue(e.getMessage().contains("'glassy'") && e.getMessage().contains("crystalline, ribbon, bmg"), e.getMessage());
  }

  @Test
  void theLabelRuleOfThePaper() {
    // docs/method.md §7: the Zr-Al-Cu lab results and the labels the paper used.
    assertEquals(0.0, Labels.dmax(Outcome.CRYSTALLINE, Double.NaN));
    assertEquals(0.2, Labels.dmax(Outcome.RIBBON, Double.NaN));
    assertEquals(2.5, Labels.dmax(Outcome.BMG, 2.5));
    assertEquals(1.5, Labels.dmax(Outcome.BMG, 1.5));
  }

  @Test
  void diametersThatAgreeWithTheRuleAreAccepted() {
    assertEquals(0.0, Labels.dmax(Outcome.CRYSTALLINE, 0));
    assertEquals(0.2, Labels.dmax(Outcome.RIBBON, 0.2));
  }

  @Test
  void bmgNeedsAPositiveDiameter() {
    assertThrows(GfaInputException.class, () -> Labels.dmax(Outcome.BMG, Double.NaN));
    GfaInputException zero = assertThrows(GfaInputException.class, () -> Labels.dmax(Outcome.BMG, 0));
    assertTrue(zero.getMessage().contains("> 0"), zero.getMessage());
    assertThrows(GfaInputException.class, () -> Labels.dmax(Outcome.BMG, -1));
    assertThrows(GfaInputException.class, () -> Labels.dmax(Outcome.BMG, Double.POSITIVE_INFINITY));
  }

  @Test
  void contradictingDiameterIsRefused() {
    GfaInputException e = assertThrows(GfaInputException.class, () -> Labels.dmax(Outcome.CRYSTALLINE, 2));
    assertTrue(e.getMessage().contains("crystalline") && e.getMessage().contains("dmax_mm is 2"), e.getMessage());
    assertThrows(GfaInputException.class, () -> Labels.dmax(Outcome.RIBBON, 0.05));
  }
}

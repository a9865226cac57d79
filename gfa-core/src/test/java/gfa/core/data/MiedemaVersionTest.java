package gfa.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Element;
import gfa.core.GfaInputException;
import org.junit.jupiter.api.Test;

class MiedemaVersionTest {
  @Test
  void parsesBothNames() {
    assertEquals(MiedemaVersion.PAPER, MiedemaVersion.parse("paper"));
    assertEquals(MiedemaVersion.V2024, MiedemaVersion.parse("2024"));
    assertEquals(MiedemaVersion.PAPER, MiedemaVersion.parse(" Paper "));
    assertEquals("paper", MiedemaVersion.PAPER.id());
    assertEquals("2024", MiedemaVersion.V2024.toString());
  }

  @Test
  void unknownNameListsTheChoices() {
    GfaInputException ex = assertThrows(GfaInputException.class, () -> MiedemaVersion.parse("2023"));
    assertEquals("unknown Miedema table version '2023' (choices: paper, 2024)", ex.getMessage());
    assertThrows(GfaInputException.class, () -> MiedemaVersion.parse(""));
    assertThrows(GfaInputException.class, () -> MiedemaVersion.parse(null));
  }

  @Test
  void theVersionsDifferInTheValenceOfBoron() {
    ElementData data = ElementData.standard();
    Element b = Element.of("B");
    MiedemaTable.Params paper = data.miedema(MiedemaVersion.PAPER).of(b);
    MiedemaTable.Params v2024 = data.miedema(MiedemaVersion.V2024).of(b);
    assertEquals(13.0, paper.valenceElectrons());
    assertEquals(3.0, v2024.valenceElectrons());
    // ... and only there
    assertEquals(paper.molarVolume(), v2024.molarVolume());
    assertEquals(paper.hTrans(), v2024.hTrans());
  }

  @Test
  void onlyTheValenceColumnChanged() {
    ElementData data = ElementData.standard();
    int changed = 0;
    for (int z = 1; z <= Element.COUNT; z++) {
      Element e = Element.ofZ(z);
      MiedemaTable paper = data.miedema(MiedemaVersion.PAPER);
      MiedemaTable v2024 = data.miedema(MiedemaVersion.V2024);
      assertEquals(paper.has(e), v2024.has(e), e.symbol());
      if (!paper.has(e)) {
        continue;
      }
      MiedemaTable.Params a = paper.of(e);
      MiedemaTable.Params b = v2024.of(e);
      if (a.valenceElectrons() != b.valenceElectrons()) {
        changed++;
      }
      assertEquals(new MiedemaTable.Params(a.molarVolume(), a.electronDensity(), a.electronegativity(),
          b.valenceElectrons(), a.aConst(), a.rConst(), a.hTrans(), a.compressibility(), a.shearModulus(),
          a.meltingPoint(), a.structuralStability()), b, e.symbol());
    }
    // 15 p-block elements (B..N, Al..P, Ga..As, In..Sb, Tl..Bi), Ce..Yb (13) and Th, U, Pu
    assertEquals(31, changed);
    assertTrue(data.miedema(MiedemaVersion.PAPER).has(Element.of("Pu")));
  }
}

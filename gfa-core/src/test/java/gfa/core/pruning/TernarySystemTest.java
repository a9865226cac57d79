package gfa.core.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Element;
import gfa.core.ElementSet;
import gfa.core.GfaInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TernarySystemTest {
  private static final Element ZR = Element.of("Zr");
  private static final Element AL = Element.of("Al");
  private static final Element CU = Element.of("Cu");

  @Test
  void readsThreeSymbolsInTheTypedOrder() {
    TernarySystem s = TernarySystem.parse("Zr-Al-Cu");
    assertEquals(new TernarySystem(ZR, AL, CU), s);
    assertEquals("Zr-Al-Cu", s.name());
    assertEquals("Zr-Al-Cu", s.toString());
    assertEquals(List.of(ZR, AL, CU), s.elements());
    assertEquals(CU, s.element(2));
    assertEquals(ElementSet.of(CU, ZR, AL), s.elementSet());
    assertTrue(s.contains(AL));
    assertFalse(s.contains(Element.of("Ni")));
    assertEquals("Cu-Zr-Al", TernarySystem.parse("Cu-Zr-Al").name(), "the order is kept as typed");
    assertEquals("La-Al-C", TernarySystem.parse(" La - Al - C ").name(), "spaces around symbols are ignored");
  }

  private static String refused(String text) {
    String message = assertThrows(GfaInputException.class, () -> TernarySystem.parse(text)).getMessage();
    assertFalse(message.contains("\n"), "one line: " + message);
    return message;
  }

  @Test
  void refusesTwoElements() {
    String m = refused("Zr-Al");
    assertTrue(m.contains("'Zr-Al'") && m.contains("2 elements") && m.contains("exactly three"), m);
  }

  @Test
  void refusesFourElements() {
    String m = refused("Zr-Al-Cu-Ni");
    assertTrue(m.contains("4 elements"), m);
  }

  @Test
  void refusesARepeatedElement() {
    String m = refused("Zr-Zr-Cu");
    assertTrue(m.contains("'Zr-Zr-Cu'") && m.contains("Zr twice"), m);
  }

  @Test
  void refusesAnUnknownElement() {
    String m = refused("Xx-Al-Cu");
    assertTrue(m.contains("'Xx-Al-Cu'") && m.contains("unknown element 'Xx'"), m);
  }

  @Test
  void refusesEmptyText() {
    assertTrue(refused("").contains("empty"));
    assertTrue(refused("   ").contains("empty"));
    assertTrue(refused(null).contains("empty"));
  }

  @Test
  void refusesAnEmptySymbol() {
    String m = refused("Zr--Cu");
    assertTrue(m.contains("element 2 is empty"), m);
  }

  @Test
  void refusesLowercaseWithAHint() {
    String m = refused("zr-al-cu");
    assertTrue(m.contains("unknown element 'zr'") && m.contains("did you mean Zr"), m);
    assertTrue(refused("ZR-Al-Cu").contains("did you mean Zr"));
  }

  @Test
  void refusesAFormulaWithoutSeparators() {
    String m = refused("ZrAlCu");
    assertTrue(m.contains("no '-'"), m);
  }

  @Test
  void keepsControlCharactersOutOfTheMessage() {
    String m = refused("Zr-Al-C\nu");
    assertTrue(m.contains("\\u000a"), m);
  }

  @Test
  void constructorRefusesRepeatedElements() {
    String m = assertThrows(GfaInputException.class, () -> new TernarySystem(ZR, CU, CU)).getMessage();
    assertTrue(m.contains("Cu twice"), m);
  }
}

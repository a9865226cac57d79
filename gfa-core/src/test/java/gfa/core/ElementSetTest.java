package gfa.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementSetTest {
  private static final Element ZR = Element.of("Zr");
  private static final Element AL = Element.of("Al");
  private static final Element CU = Element.of("Cu");

  @Test
  void coversHydrogenToOganesson() {
    Element h = Element.ofZ(1);
    Element gd = Element.ofZ(64); // first element in the second bit word
    Element og = Element.ofZ(118);
    ElementSet s = ElementSet.of(og, h, gd, Element.ofZ(63));
    assertEquals(4, s.size());
    assertTrue(s.contains(h) && s.contains(gd) && s.contains(og) && s.contains(Element.ofZ(63)));
    assertFalse(s.contains(Element.ofZ(65)));
    assertEquals(List.of(h, Element.ofZ(63), gd, og), s.elements());
  }

  @Test
  void isAValueKey() {
    Map<ElementSet, String> cache = new HashMap<>();
    cache.put(ElementSet.of(ZR, AL, CU), "Zr-Al-Cu");
    assertEquals("Zr-Al-Cu", cache.get(ElementSet.of(CU, AL, ZR)));
    assertEquals("Zr-Al-Cu", cache.get(Composition.parse("Zr20Al20Cu60").elementSet()));
    assertNotEquals(ElementSet.of(ZR, CU), ElementSet.of(ZR, AL, CU));
  }

  @Test
  void countsCommonElementsForPruning() {
    ElementSet system = ElementSet.of(ZR, AL, CU);
    assertEquals(3, Composition.parse("Zr50Al10Cu35Ni5").elementSet().countCommon(system));
    assertEquals(2, Composition.parse("Zr50Cu50").elementSet().countCommon(system));
    assertEquals(0, Composition.parse("Pd40Ni40P20").elementSet().countCommon(system));
    assertTrue(Composition.parse("Zr50Al10Cu35Ni5").elementSet().containsAll(system));
    assertFalse(Composition.parse("Zr50Cu50").elementSet().containsAll(system));
  }

  @Test
  void emptySetAndText() {
    ElementSet empty = ElementSet.of();
    assertTrue(empty.isEmpty());
    assertEquals(0, empty.size());
    assertEquals("", empty.toString());
    assertEquals("Al-Cu-Zr", ElementSet.of(ZR, CU, AL, ZR).toString());
    int n = 0;
    for (Element e : ElementSet.of(ZR, CU)) {
      n += e.z();
    }
    assertEquals(69, n);
  }
}

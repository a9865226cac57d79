package gfa.core.pruning;

import static gfa.core.pruning.PruningCategory.BINARY;
import static gfa.core.pruning.PruningCategory.ONE_ELEMENT;
import static gfa.core.pruning.PruningCategory.TERNARY;
import static gfa.core.pruning.PruningCategory.TERNARY_PLUS_OTHERS;
import static gfa.core.pruning.PruningCategory.TWO_PLUS_OTHERS;
import static gfa.core.pruning.PruningCategory.UNRELATED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gfa.core.Composition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningCategoryTest {
  private static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");

  private static PruningCategory of(String formula) {
    return PruningCategory.classify(Composition.parse(formula), ZR_AL_CU);
  }

  @Test
  void classifiesByElementSetsAsMethodSection5() {
    assertEquals(UNRELATED, of("Pd40 Ni40 P20"));
    assertEquals(ONE_ELEMENT, of("Pd40 Cu30 Ni10 P20"));
    assertEquals(ONE_ELEMENT, of("Zr100"), "a pure element of the system is (i), not (ii)");
    assertEquals(ONE_ELEMENT, of("Cu60 Ni40"), "k = 1 whatever |S|");
    assertEquals(BINARY, of("Cu64 Zr36"));
    assertEquals(BINARY, of("Al10 Cu90"));
    assertEquals(TWO_PLUS_OTHERS, of("Cu47 Ti34 Zr11 Ni8"));
    assertEquals(TWO_PLUS_OTHERS, of("Zr50 Cu40 Ag10"));
    assertEquals(TERNARY_PLUS_OTHERS, of("Zr65 Al7.5 Ni10 Cu17.5"));
    assertEquals(TERNARY, of("Zr46 Al8 Cu46"));
    assertEquals(TERNARY, of("Cu46 Al8 Zr46"), "the written order does not matter");
  }

  @Test
  void ignoresTheSystemOrder() {
    Composition alloy = Composition.parse("Cu64 Zr36");
    for (String s : List.of("Zr-Al-Cu", "Cu-Zr-Al", "Al-Cu-Zr")) {
      assertEquals(BINARY, PruningCategory.classify(alloy, TernarySystem.parse(s)));
    }
  }

  @Test
  void hasTheRomanLabelsOfThePaper() {
    assertEquals("(i)", ONE_ELEMENT.label());
    assertEquals("(ii)", BINARY.label());
    assertEquals("(iii)", TWO_PLUS_OTHERS.label());
    assertEquals("(iv)", TERNARY_PLUS_OTHERS.label());
    assertEquals("(v)", TERNARY.label());
    assertEquals("v", TERNARY.roman());
    assertEquals("-", UNRELATED.label());
    assertEquals("the ternary system itself", TERNARY.description());
  }
}

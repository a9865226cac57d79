package gfa.core.pruning;

import static gfa.core.pruning.PruningCategory.BINARY;
import static gfa.core.pruning.PruningCategory.ONE_ELEMENT;
import static gfa.core.pruning.PruningCategory.TERNARY;
import static gfa.core.pruning.PruningCategory.TERNARY_PLUS_OTHERS;
import static gfa.core.pruning.PruningCategory.TWO_PLUS_OTHERS;
import static gfa.core.pruning.PruningCategory.UNRELATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PruningLevelTest {
  @Test
  void eachLevelRemovesOneMoreCategory() {
    assertEquals(Set.of(TERNARY), PruningLevel.of(1).removedCategories());
    assertEquals(Set.of(TERNARY, TERNARY_PLUS_OTHERS), PruningLevel.of(2).removedCategories());
    assertEquals(Set.of(TERNARY, TERNARY_PLUS_OTHERS, TWO_PLUS_OTHERS), PruningLevel.of(3).removedCategories());
    assertEquals(Set.of(TERNARY, TERNARY_PLUS_OTHERS, TWO_PLUS_OTHERS, BINARY), PruningLevel.of(4).removedCategories());
    assertEquals(Set.of(TERNARY, TERNARY_PLUS_OTHERS, TWO_PLUS_OTHERS, BINARY, ONE_ELEMENT),
        PruningLevel.of(5).removedCategories());
    for (PruningLevel level : PruningLevel.all()) {
      assertFalse(level.removes(UNRELATED), "unrelated alloys are always kept");
      assertEquals(level.level(), level.removedCategories().size());
    }
    assertEquals(List.of(TWO_PLUS_OTHERS, TERNARY_PLUS_OTHERS, TERNARY),
        List.copyOf(PruningLevel.RECOMMENDED.removedCategories()), "in enum order");
  }

  @Test
  void recommendsLevelThree() {
    assertEquals(3, PruningLevel.RECOMMENDED.level());
    assertEquals("level 3 (removes (iii), (iv), (v))", PruningLevel.RECOMMENDED.toString());
  }

  @Test
  void countsPublishedFileNumbersTheOtherWay() {
    assertEquals(5, PruningLevel.of(1).publishedFileNumber());
    assertEquals(1, PruningLevel.of(5).publishedFileNumber());
  }

  @Test
  void refusesLevelsOutsideOneToFive() {
    for (int bad : new int[] {0, 6, -1, Integer.MAX_VALUE}) {
      String m = assertThrows(GfaInputException.class, () -> PruningLevel.of(bad)).getMessage();
      assertTrue(m.contains("pruning level " + bad + " is outside 1..5"), m);
    }
  }

  @Test
  void parsesCommandLineText() {
    assertEquals(PruningLevel.of(4), PruningLevel.parse(" 4 "));
    assertTrue(assertThrows(GfaInputException.class, () -> PruningLevel.parse("three")).getMessage()
        .contains("'three' is not a whole number 1..5"));
    assertTrue(assertThrows(GfaInputException.class, () -> PruningLevel.parse("3.0")).getMessage()
        .contains("not a whole number"));
    assertTrue(assertThrows(GfaInputException.class, () -> PruningLevel.parse("9")).getMessage()
        .contains("outside 1..5"));
  }

  @Test
  void readsListsOfLevelsAscending() {
    assertEquals(List.of(PruningLevel.of(1), PruningLevel.of(2), PruningLevel.of(3), PruningLevel.of(4), PruningLevel.of(5)),
        PruningLevel.parseList("1-5"));
    assertEquals(List.of(PruningLevel.of(3)), PruningLevel.parseList(" 3 "));
    assertEquals(List.of(PruningLevel.of(1), PruningLevel.of(3), PruningLevel.of(5)), PruningLevel.parseList("5,1,3"));
    assertEquals(List.of(PruningLevel.of(1), PruningLevel.of(2), PruningLevel.of(3), PruningLevel.of(5)),
        PruningLevel.parseList("1-3, 5"));
  }

  @Test
  void refusesBadListsNamingTheProblem() {
    String[][] cases = {
        {"", "empty"}, {"1,,3", "empty item"}, {"0-3", "outside 1..5"}, {"6", "outside 1..5"}, {"5-1", "backwards"},
        {"1-3,2", "level 2 twice"}, {"a", "not a whole number"}, {"1-", "not a whole number"},
    };
    for (String[] c : cases) {
      String m = assertThrows(GfaInputException.class, () -> PruningLevel.parseList(c[0])).getMessage();
      assertTrue(m.contains(c[1]), c[0] + " -> " + m);
      assertFalse(m.contains("\n"), m);
    }
  }
}

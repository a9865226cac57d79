package gfa.core.pruning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningTest {
  private static final TernarySystem ZR_AL_CU = TernarySystem.parse("Zr-Al-Cu");
  /** One alloy of each category, twice over, in a mixed order. */
  private static final List<Composition> ALLOYS = List.of(
      Composition.parse("Zr46 Al8 Cu46"), // 0 (v)
      Composition.parse("Pd40 Ni40 P20"), // 1 unrelated
      Composition.parse("Zr65 Al7.5 Ni10 Cu17.5"), // 2 (iv)
      Composition.parse("Cu47 Ti34 Zr11 Ni8"), // 3 (iii)
      Composition.parse("Cu64 Zr36"), // 4 (ii)
      Composition.parse("Pd40 Cu30 Ni10 P20"), // 5 (i)
      Composition.parse("Zr50 Al10 Cu40"), // 6 (v)
      Composition.parse("Mg65 Cu25 Y10"), // 7 (i)
      Composition.parse("Fe80 B20")); // 8 unrelated

  @Test
  void keepsRowsInOriginalOrder() {
    int[][] expected = {
        {1, 2, 3, 4, 5, 7, 8},
        {1, 3, 4, 5, 7, 8},
        {1, 4, 5, 7, 8},
        {1, 5, 7, 8},
        {1, 8},
    };
    for (PruningLevel level : PruningLevel.all()) {
      PruningResult r = Pruning.prune(ALLOYS, ZR_AL_CU, level);
      assertArrayEquals(expected[level.level() - 1], r.keptRows(), level.toString());
      assertEquals(expected[level.level() - 1].length, r.keptCount());
      assertEquals(ALLOYS.size() - r.keptCount(), r.removedCount());
      assertEquals(ALLOYS.size(), r.inputCount());
    }
  }

  @Test
  void countsEachCategoryAndWhatWasRemoved() {
    PruningResult r = Pruning.prune(ALLOYS, ZR_AL_CU, PruningLevel.RECOMMENDED);
    assertEquals(2, r.total(PruningCategory.UNRELATED));
    assertEquals(2, r.total(PruningCategory.ONE_ELEMENT));
    assertEquals(1, r.total(PruningCategory.BINARY));
    assertEquals(1, r.total(PruningCategory.TWO_PLUS_OTHERS));
    assertEquals(1, r.total(PruningCategory.TERNARY_PLUS_OTHERS));
    assertEquals(2, r.total(PruningCategory.TERNARY));
    assertEquals(0, r.removed(PruningCategory.BINARY));
    assertEquals(1, r.removed(PruningCategory.TWO_PLUS_OTHERS));
    assertEquals(2, r.removed(PruningCategory.TERNARY));
    assertArrayEquals(new int[] {0, 2, 3, 6}, r.removedRows());
    assertEquals(PruningCategory.TERNARY_PLUS_OTHERS, r.category(2));
    assertTrue(r.isKept(4));
    assertFalse(r.isKept(3));
    assertEquals("Zr-Al-Cu level 3: kept 5 of 9; removed (iii) 1, (iv) 1, (v) 2", r.toString());
  }

  @Test
  void selectsParallelData() {
    PruningResult r = Pruning.prune(ALLOYS, ZR_AL_CU, PruningLevel.of(5));
    assertEquals(List.of(ALLOYS.get(1), ALLOYS.get(8)), r.select(ALLOYS));
    assertArrayEquals(new double[] {1, 8}, r.select(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}));
  }

  @Test
  void isAPureFunctionOfItsInput() {
    assertEquals(Pruning.prune(ALLOYS, ZR_AL_CU, PruningLevel.of(2)), Pruning.prune(ALLOYS, ZR_AL_CU, PruningLevel.of(2)));
    assertEquals(0, Pruning.prune(List.of(), ZR_AL_CU, PruningLevel.of(5)).keptCount());
    assertEquals(PruningCategory.TERNARY, Pruning.classify(ALLOYS, ZR_AL_CU)[6]);
  }
}

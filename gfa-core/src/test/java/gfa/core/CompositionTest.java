package gfa.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompositionTest {
  private static final Element ZR = Element.of("Zr");
  private static final Element CU = Element.of("Cu");
  private static final Element AL = Element.of("Al");

  // --- what is read ---

  @Test
  void readsTheVitreloyFormulaWithoutSpaces() {
    Composition c = Composition.parse("Zr41.2Ti13.8Cu12.5Ni10Be22.5");
    assertEquals(List.of("Zr", "Ti", "Cu", "Ni", "Be"), symbols(c));
    assertEquals(0.412, c.fraction(0), 1e-15);
    assertEquals(0.225, c.fraction(4), 1e-15);
    assertEquals(1.0, sum(c), 1e-15);
  }

  @Test
  void spacesBetweenElementsReadTheSame() {
    assertEquals(Composition.parse("Zr41.2Ti13.8Cu12.5Ni10Be22.5"),
        Composition.parse("Zr41.2 Ti13.8 Cu12.5 Ni10 Be22.5"));
    assertEquals(Composition.parse("Pd25Ni57P18"), Composition.parse("  Pd25   Ni57\tP18 "));
  }

  @Test
  void fractionsAndAtPercentAreTheSameAlloy() {
    assertEquals(Composition.parse("Cu50Zr50"), Composition.parse("Cu0.5Zr0.5"));
    assertEquals(Composition.parse("Cu50Zr50"), Composition.parse("Cu.5Zr.5"));
    assertEquals(Composition.parse("Cu50Zr50"), Composition.parse("Cu1Zr1"));
  }

  @Test
  void amountsAreNormalisedWhateverTheirSum() {
    Composition c = Composition.parse("La35 Ce35 Al1 Cu155"); // sums to 226, as in the published file
    assertEquals(35.0 / 226, c.fraction(0), 1e-15);
    assertEquals(1.0, sum(c), 1e-15);
  }

  @Test
  void formulaWithoutAmountsHasOneOfEach() {
    Composition c = Composition.parse("CuZr");
    assertEquals(Composition.parse("Cu50Zr50"), c);
    assertEquals("Cu50 Zr50", c.format());
    assertEquals(Composition.parse("Al1Ni1Y1"), Composition.parse("AlNiY"));
    assertEquals(1.0, Composition.parse("Fe").fraction(0));
  }

  @Test
  void zeroAmountsAreDropped() {
    Composition c = Composition.parse("La0 Al1 C99");
    assertEquals(List.of("Al", "C"), symbols(c));
    assertEquals(0.0, c.fractionOf(Element.of("La")));
    assertFalse(c.contains(Element.of("La")));
    assertEquals("Al1 C99", c.format());
  }

  @Test
  void twoLetterSymbolsAreNotSplit() {
    // "Co" is cobalt, not C + O; "CO" is carbon and oxygen.
    assertEquals(List.of("Co"), symbols(Composition.parse("Co")));
    assertEquals(List.of("C", "O"), symbols(Composition.parse("CO")));
    assertEquals(List.of("Na", "Nb"), symbols(Composition.parse("Na50Nb50")));
  }

  // --- accessors ---

  @Test
  void accessorsFollowTheWrittenOrder() {
    Composition c = Composition.parse("Zr50 Al10 Cu40");
    assertEquals(3, c.size());
    assertSame(ZR, c.element(0));
    assertEquals(40, c.z(0));
    assertArrayEquals(new int[] {40, 13, 29}, c.atomicNumbers());
    assertArrayEquals(new double[] {0.5, 0.1, 0.4}, c.fractions(), 1e-15);
    assertEquals(List.of(ZR, AL, CU), c.elements());
    assertEquals(0.4, c.fractionOf(CU), 1e-15);
    assertEquals(0.0, c.fractionOf(Element.of("Ni")));
  }

  @Test
  void arraysHandedOutAreCopies() {
    Composition c = Composition.parse("Zr50Cu50");
    c.fractions()[0] = 7;
    c.atomicNumbers()[0] = 7;
    assertEquals(0.5, c.fraction(0));
    assertEquals(40, c.z(0));
  }

  @Test
  void elementSetIsOrderedByAtomicNumberAndIgnoresAmounts() {
    ElementSet s = Composition.parse("Zr41 Al9 Cu50").elementSet();
    assertEquals(List.of(AL, CU, ZR), s.elements());
    assertEquals("Al-Cu-Zr", s.toString());
    assertEquals(s, Composition.parse("Cu40Zr50Al10").elementSet());
    assertEquals(s.hashCode(), Composition.parse("Cu40Zr50Al10").elementSet().hashCode());
    assertEquals(s, ElementSet.of(ZR, AL, CU));
    assertNotEquals(s, Composition.parse("Cu50Zr50").elementSet());
  }

  @Test
  void zeroAmountsDoNotEnterTheElementSet() {
    assertEquals(ElementSet.of(AL, CU), Composition.parse("Zr0Al50Cu50").elementSet());
  }

  // --- text form ---

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "Pd25 Ni57 P18; Pd25 Ni57 P18",
      "Pd25Ni57P18; Pd25 Ni57 P18",
      "Zr41.2Ti13.8Cu12.5Ni10Be22.5; Zr41.2 Ti13.8 Cu12.5 Ni10 Be22.5",
      "Cu0.5Zr0.5; Cu50 Zr50",
      "Cu.5Zr.5; Cu50 Zr50",
      "Co51.3814 Fe9.604 Ta5.2822 B29.7724 Mo1.96 Si2; Co51.3814 Fe9.604 Ta5.2822 B29.7724 Mo1.96 Si2",
      "Fe58.3875 Co6.4875 Mo14 C15 B6 Er0.125; Fe58.3875 Co6.4875 Mo14 C15 B6 Er0.125",
      "CuZrAl; Cu33.333333 Zr33.333333 Al33.333333",
      "Cu2Zr1; Cu66.666667 Zr33.333333",
      "La35 Ce35 Al1 Cu155; La15.486726 Ce15.486726 Al0.442478 Cu68.584071",
      "Zr0.000000001 Cu100; Zr0.000000001 Cu100",
  })
  void formatWritesAtPercentAsThePublishedFilesDo(String written, String formatted) {
    Composition c = Composition.parse(written);
    assertEquals(formatted, c.format());
    assertEquals(formatted, c.toString());
  }

  @Test
  void formatReadsBackAsTheSameAlloy() {
    for (String f : List.of("Zr41.2Ti13.8Cu12.5Ni10Be22.5", "Cu0.5Zr0.5", "Mg66 Zn30 Ca4", "Fe58.3875 Co6.4875 Mo14 C15 B6 Er0.125")) {
      Composition c = Composition.parse(f);
      assertEquals(c, Composition.parse(c.format()), f);
      assertEquals(c.format(), Composition.parse(c.format()).format(), f);
    }
  }

  // --- equality ---

  @Test
  void equalityIgnoresTheWrittenOrder() {
    Composition a = Composition.parse("Zr50 Cu40 Al10");
    Composition b = Composition.parse("Al10Cu40Zr50");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(1, new HashSet<>(List.of(a, b, Composition.parse("Zr0.5Cu0.4Al0.1"))).size());
    // ... but format keeps each one's order.
    assertEquals("Al10 Cu40 Zr50", b.format());
  }

  @Test
  void equalityToleratesFloatNoiseButNotRealDifferences() {
    Composition a = Composition.parse("Zr41.2Ti13.8Cu12.5Ni10Be22.5");
    Composition b = Composition.parse("Zr412Ti138Cu125Ni100Be225");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(Composition.parse("Cu50Zr50"), Composition.parse("Cu50.001Zr49.999"));
    assertNotEquals(Composition.parse("Cu50Zr50"), Composition.parse("Cu50Hf50"));
    assertNotEquals(Composition.parse("Cu50Zr50"), Composition.parse("Cu50Zr49Al1"));
  }

  @Test
  void hashesSpreadAcrossATernaryGrid() {
    Element[] zrAlCu = {ZR, AL, CU};
    Set<Integer> hashes = new HashSet<>();
    Set<Composition> alloys = new HashSet<>();
    for (int i = 0; i <= 100; i++) {
      for (int j = 0; i + j <= 100; j++) {
        Composition c = Composition.of(zrAlCu, new double[] {i, j, 100 - i - j});
        hashes.add(c.hashCode());
        alloys.add(c);
      }
    }
    assertEquals(5151, alloys.size());
    assertTrue(hashes.size() > 5000, "only " + hashes.size() + " distinct hashes");
  }

  // --- of(...) ---

  @Test
  void ofTakesAtPercentAndDropsZeros() {
    Composition c = Composition.of(new Element[] {ZR, AL, CU}, new double[] {20, 0, 80});
    assertEquals(List.of(ZR, CU), c.elements());
    assertEquals(0.2, c.fraction(0), 1e-15);
    assertEquals("Zr20 Cu80", c.format());
    assertEquals(Composition.parse("Zr20Al25Cu55"), Composition.of(new Element[] {ZR, AL, CU}, new double[] {20, 25, 55}));
  }

  @Test
  void ofRefusesWhatParseRefuses() {
    Element[] zrCu = {ZR, CU};
    assertMessage(() -> Composition.of(zrCu, new double[] {-5, 105}), "-5.0", "Zr");
    assertMessage(() -> Composition.of(zrCu, new double[] {Double.NaN, 1}), "NaN");
    assertMessage(() -> Composition.of(zrCu, new double[] {0, 0}), "all amounts are zero");
    assertMessage(() -> Composition.of(new Element[] {ZR, ZR}, new double[] {50, 50}), "Zr is written twice");
    assertThrows(IllegalArgumentException.class, () -> Composition.of(zrCu, new double[] {1}));
  }

  // --- refusals: each names the formula and the offending text ---

  @Test
  void unknownSymbol() {
    assertMessage(() -> Composition.parse("Xx10Cu90"), "formula 'Xx10Cu90'", "unknown element 'Xx'");
    assertMessage(() -> Composition.parse("Cu50Zrr50"), "unknown element 'Zrr'");
  }

  @Test
  void upperCaseSymbolGetsAHint() {
    assertMessage(() -> Composition.parse("ZR50CU50"), "unknown element 'Z'", "did you mean 'Zr'");
  }

  @Test
  void negativeAmount() {
    assertMessage(() -> Composition.parse("Zr-5Cu105"), "formula 'Zr-5Cu105'", "negative amount '-5' for Zr");
  }

  @Test
  void hyphenIsNotASeparator() {
    assertMessage(() -> Composition.parse("Zr-Cu"), "formula 'Zr-Cu'", "unexpected '-'");
  }

  @Test
  void lowercaseSymbol() {
    assertMessage(() -> Composition.parse("zr50cu50"), "formula 'zr50cu50'", "'zr'", "capital letter",
        "did you mean 'Zr'");
    assertMessage(() -> Composition.parse("Zr50 cu50"), "'cu'", "did you mean 'Cu'");
  }

  @Test
  void spaceBetweenSymbolAndAmount() {
    assertMessage(() -> Composition.parse("Zr50 Cu 50"), "formula 'Zr50 Cu 50'", "number '50'",
        "separated from Cu", "Cu50");
  }

  @Test
  void danglingNumber() {
    assertMessage(() -> Composition.parse("50Zr50Cu"), "number '50' does not follow an element symbol");
    assertMessage(() -> Composition.parse("Zr50 Cu50 10"), "number '10' does not follow an element symbol");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t  "})
  void emptyOrBlank(String text) {
    GfaInputException e = assertThrows(GfaInputException.class, () -> Composition.parse(text));
    assertTrue(e.getMessage().contains("empty") || e.getMessage().contains("blank"), e.getMessage());
  }

  @Test
  void nullIsEmpty() {
    assertMessage(() -> Composition.parse(null), "formula is empty");
  }

  @Test
  void elementWrittenTwice() {
    assertMessage(() -> Composition.parse("Zr50Cu25Zr25"), "formula 'Zr50Cu25Zr25'", "Zr is written twice");
    assertMessage(() -> Composition.parse("CuCu"), "Cu is written twice");
  }

  @Test
  void mixedExplicitAndImplicitAmounts() {
    assertMessage(() -> Composition.parse("Zr50Cu"), "formula 'Zr50Cu'", "Cu has no amount", "Zr has one");
    assertMessage(() -> Composition.parse("CuZr50"), "Cu has no amount");
  }

  @Test
  void nonNumericAmount() {
    assertMessage(() -> Composition.parse("Zr50Cu5.5.5"), "formula 'Zr50Cu5.5.5'", "amount '5.5.5' for Cu is not a number");
    assertMessage(() -> Composition.parse("Zr50Cu."), "amount '.' for Cu is not a number");
    assertMessage(() -> Composition.parse("Zr50Cu50%"), "unexpected '%' at position 9");
    assertMessage(() -> Composition.parse("Zr50,Cu50"), "unexpected ','");
  }

  @Test
  void exponentNotationIsRefused() {
    assertMessage(() -> Composition.parse("Zr5e1Cu50"), "amount '5e1' for Zr", "exponent");
    assertMessage(() -> Composition.parse("Zr5E-1Cu50"), "amount '5E-1' for Zr", "exponent");
  }

  @Test
  void allAmountsZero() {
    assertMessage(() -> Composition.parse("Zr0Cu0"), "formula 'Zr0Cu0'", "all amounts are zero");
    assertMessage(() -> Composition.parse("Zr0.000Cu.0"), "all amounts are zero");
  }

  @Test
  void notANumberOrInfinity() {
    assertMessage(() -> Composition.parse("Zr50CuNaN"), "formula 'Zr50CuNaN'", "amount 'NaN' for Cu is not a number");
    assertMessage(() -> Composition.parse("ZrNaNCu50"), "amount 'NaN' for Zr");
    assertMessage(() -> Composition.parse("Zr50CuInfinity"), "amount 'Infinity' for Cu is not a finite number");
    assertMessage(() -> Composition.parse("Zr50CuInf"), "amount 'Inf' for Cu");
    assertMessage(() -> Composition.parse("NaN"), "formula 'NaN'", "missing value");
    assertMessage(() -> Composition.parse("nan"), "formula 'nan'");
  }

  @Test
  void hugeAmount() {
    String huge = "1" + "0".repeat(400);
    assertMessage(() -> Composition.parse("Zr" + huge + "Cu1"), "too large");
  }

  @Test
  void bracketGroupsAreNormalisedAndScaled() {
    Composition expected = Composition.parse("Zr47.5 Cu47.5 Al5");
    assertEquals(expected, Composition.parse("(Zr0.5Cu0.5)95Al5"));
    assertEquals(expected, Composition.parse("(Zr50Cu50)95Al5"));
    assertEquals(expected, Composition.parse("[Zr50 Cu50]95 Al5"));
    assertEquals(expected, Composition.parse("(ZrCu)95Al5"));
    assertEquals(List.of("Zr", "Cu", "Al"), symbols(Composition.parse("(Zr50Cu50)95Al5")));
    // As in the published pretty_formula column, against its composition column:
    assertEquals(Composition.parse("Ti37.72 Zr23 Be31.28 Fe8"), Composition.parse("(Ti0.41Zr0.25Be0.34)92Fe8"));
    assertEquals(Composition.parse("Fe36 Co36 B19.2 Si4.8 Nb4"), Composition.parse("((Fe0.5Co0.5)0.75B0.2Si0.05)96Nb4"));
    assertEquals(Composition.parse("Cu54 Zr27 Ti9 Be10"), Composition.parse("(Cu0.60Zr0.30Ti0.10)90 Be10"));
    assertEquals(Composition.parse("Cu33 Zr33 Al33 Y1"), Composition.parse("(Cu0.33Zr0.33Al0.33)99Y1"));
  }

  @Test
  void badBracketGroups() {
    assertMessage(() -> Composition.parse("(Zr50Cu50)95Al5)"), "unexpected ')' at position 16");
    assertMessage(() -> Composition.parse("(Zr50Cu50Al5"), "'(' at position 1 is never closed");
    assertMessage(() -> Composition.parse("(Zr50Cu50]95Al5"), "unexpected ']'");
    assertMessage(() -> Composition.parse("()Al5"), "empty group '()'");
    assertMessage(() -> Composition.parse("(Fe0.7Co0.2)80B20"), "group '(Fe0.7Co0.2)'", "sum to 0.9", "neither 1 nor 100");
    assertMessage(() -> Composition.parse("(Zr50Cu50)Al5"), "group '(Zr50Cu50)' has no amount while Al has one");
    assertMessage(() -> Composition.parse("(Zr50Cu)95Al5"), "Cu has no amount while Zr has one");
    assertMessage(() -> Composition.parse("(Fe0.5Co0.5)70Fe10B20"), "Fe is written twice");
    assertMessage(() -> Composition.parse("(Zr50Cu50)-5Al105"), "negative amount '-5' for group '(Zr50Cu50)'");
    assertMessage(() -> Composition.parse("(Zr0Cu0)50Al50"), "amounts inside group '(Zr0Cu0)' are all zero");
  }

  @Test
  void theTwoPublishedRowsThatRepeatZrAreRefused() {
    // pymatgen read these pretty_formulas as Ti41 Zr54 Al5 and Ti41 Zr55 Al4, adding Zr up.
    assertMessage(() -> Composition.parse("Ti41Zr25Zr29Al5"), "formula 'Ti41Zr25Zr29Al5'", "Zr is written twice");
    assertMessage(() -> Composition.parse("Ti41Zr25Zr30Al4"), "Zr is written twice");
  }

  @Test
  void messagesStayOnOneLine() {
    GfaInputException e = assertThrows(GfaInputException.class, () -> Composition.parse("Zr50\nCu50;"));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("Zr50\\nCu50;"), e.getMessage());
  }

  @Test
  void lineBreaksSeparateLikeSpaces() {
    assertEquals(Composition.parse("Zr50 Cu50"), Composition.parse("Zr50\nCu50"));
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
    GfaInputException e = assertThrows(GfaInputException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  private static List<String> symbols(Composition c) {
    return c.elements().stream().map(Element::symbol).toList();
  }

  private static double sum(Composition c) {
    double s = 0;
    for (int i = 0; i < c.size(); i++) {
      s += c.fraction(i);
    }
    return s;
  }
}

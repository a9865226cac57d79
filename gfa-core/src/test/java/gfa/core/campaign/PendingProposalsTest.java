package gfa.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.BatchSelection;
import gfa.core.ternary.CompositionBounds;
import gfa.core.ternary.TernaryGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingProposalsTest {
  private static final Composition A = Composition.parse("Zr20Al20Cu60");
  private static final Composition B = Composition.parse("Zr20Al25Cu55");
  private static final Composition C = Composition.parse("Zr40Al20Cu40");

  @Test
  void proposalsArePendingUntilReported() {
    PendingProposals pending = PendingProposals.empty().propose(1, List.of(A, B), List.of());
    assertEquals(List.of(A, B), pending.compositions());
    assertTrue(pending.contains(Composition.parse("Cu60 Zr20 Al20")));
    PendingProposals.Settlement s = pending.settle(List.of(A), List.of());
    assertEquals(List.of(B), s.pending().compositions());
    assertEquals(List.of(A), s.measured());
    assertTrue(s.notCast().isEmpty() && s.notProposed().isEmpty());
  }

  @Test
  void notCastLeavesTheAlloyUnmeasuredAndNoLongerPending() {
    PendingProposals pending = PendingProposals.empty().propose(1, List.of(A, B), List.of());
    PendingProposals.Settlement s = pending.settle(List.of(A), List.of(new NotCast(B, "no Al left")));
    assertEquals(0, s.pending().size());
    assertEquals(List.of(B), s.notCast());
    assertFalse(s.measured().contains(B));
    // Not measured, not pending: B may be proposed again in the next round.
    PendingProposals next = s.pending().propose(2, List.of(B, C), List.of(A));
    assertEquals(2, next.proposals().get(0).iteration());
  }

  @Test
  void anAlloyPendingKeepsItsFirstIteration() {
    PendingProposals pending = PendingProposals.empty().propose(1, List.of(A), List.of()).propose(2, List.of(A, C), List.of());
    assertEquals(List.of(new PendingProposals.Pending(A, 1), new PendingProposals.Pending(C, 2)), pending.proposals());
  }

  @Test
  void reportsOfAlloysNotProposedAreNamed() {
    PendingProposals.Settlement s = PendingProposals.empty().propose(1, List.of(A), List.of())
        .settle(List.of(C), List.of(new NotCast(B, "")));
    assertEquals(List.of(C, B), s.notProposed());
    assertEquals(List.of(A), s.pending().compositions());
  }

  @Test
  void aReportThatContradictsItselfIsRefused() {
    GfaInputException e = assertThrows(GfaInputException.class,
        () -> PendingProposals.empty().propose(1, List.of(A), List.of()).settle(List.of(A), List.of(new NotCast(A, ""))));
    assertEquals("Zr20 Al20 Cu60 is reported both as not-cast and with a result; correct the results file", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PendingProposals.empty().propose(1, List.of(A), List.of(A)));
  }

  @Test
  void notCastIsReadFromTheOutcomeCell() {
    assertTrue(NotCast.isNotCast("not-cast"));
    assertTrue(NotCast.isNotCast(" Not-Cast "));
    assertFalse(NotCast.isNotCast("crystalline"));
    assertFalse(NotCast.isNotCast(null));
  }

  @Test
  void pendingAlloysAreNeverProposedAgain() {
    TernarySystem system = TernarySystem.parse("Zr-Al-Cu");
    TernaryGrid grid = TernaryGrid.of(system);
    double[] p = new double[grid.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = -Math.abs(grid.a(i) - 20) - Math.abs(grid.b(i) - 20);
    }
    BatchSelection.Options options = BatchSelection.Options.paper(2, CompositionBounds.none(system));
    List<Composition> first = BatchSelection.propose(grid, p, "prediction", options).stream()
        .map(BatchSelection.Proposal::composition).toList();
    PendingProposals pending = PendingProposals.empty().propose(1, first, List.of());
    List<Composition> second = BatchSelection.propose(grid, p, "prediction", options.with(List.of(), pending.compositions()))
        .stream().map(BatchSelection.Proposal::composition).toList();
    for (Composition c : second) {
      assertFalse(first.contains(c), c.format());
    }
  }
}

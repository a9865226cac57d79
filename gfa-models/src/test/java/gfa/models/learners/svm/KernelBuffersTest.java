package gfa.models.learners.svm;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A fit's kernel array is reused by the next fit of about the same size, not by others. */
class KernelBuffersTest {
  @Test
  void anArrayGivenBackIsTakenAgainForTheSameOrASlightlySmallerSize() {
    float[] a = KernelBuffers.take(1_000_003);
    assertTrue(a.length >= 1_000_003);
    KernelBuffers.give(a);
    float[] b = KernelBuffers.take(1_000_000); // the next fold: one row fewer
    assertSame(a, b);
    float[] c = KernelBuffers.take(2_000_000); // larger: a new one
    assertNotSame(a, c);
    KernelBuffers.give(b);
    float[] d = KernelBuffers.take(10); // far smaller: not worth holding a large array for
    assertNotSame(a, d);
    KernelBuffers.give(c);
    KernelBuffers.give(d);
  }

  @Test
  void aSmallerFoldTakesTheSmallestIdleArrayThatHoldsIt() {
    float[] fold = KernelBuffers.take(3_000_000);
    float[] all = KernelBuffers.take(4_500_000); // the final fit on all rows
    KernelBuffers.give(all);
    KernelBuffers.give(fold);
    float[] smaller = KernelBuffers.take(2_000_000); // a leave-system-out fold, a third smaller
    assertSame(fold, smaller);
    float[] larger = KernelBuffers.take(3_500_000); // one larger than the first fold
    assertSame(all, larger);
    KernelBuffers.give(smaller);
    KernelBuffers.give(larger);
  }

  /** When a training's SVR fits are over, its idle arrays go (the boosters' last fits do not carry them). */
  @Test
  void releasedArraysAreNotKept() {
    float[] a = KernelBuffers.take(1_000_000);
    KernelBuffers.give(a);
    assertTrue(KernelBuffers.idle() >= 1);
    new gfa.models.learners.SvrLearner().releaseReusables();
    org.junit.jupiter.api.Assertions.assertEquals(0, KernelBuffers.idle());
    assertNotSame(a, KernelBuffers.take(1_000_000), "a fit after the release allocates afresh");
  }

  @Test
  void aMatrixInAReusedArrayIsTheFreshMatrix() {
    double[][] x = SvrProblems.rows(40, 3, 9);
    float[] dirty = new float[50 * 50];
    java.util.Arrays.fill(dirty, Float.NaN);
    KernelMatrix fresh = KernelMatrix.rbf(x, 0.3);
    KernelMatrix reused = KernelMatrix.rbf(x, 0.3, dirty);
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 40; j++) {
        assertTrue(fresh.get(i, j) == reused.get(i, j), i + ", " + j);
      }
    }
  }
}

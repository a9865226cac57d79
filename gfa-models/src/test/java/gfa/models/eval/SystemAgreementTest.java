package gfa.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Fig. 3h measure, worked out by hand. */
class SystemAgreementTest {
  @Test
  void normalisesBothSidesAndTakesTheRmse() {
    // grid range 0..3 mm: 1 -> 1/3, 2 -> 2/3, 3.5 -> 7/6 clipped to 1, -0.5 -> -1/6 clipped to 0
    // reported 2..6 mm: 2 -> 0, 4 -> 0.5, 6 -> 1, 2 -> 0
    SystemAgreement a = SystemAgreement.of(new double[] {1, 2, 3.5, -0.5}, 0, 3, new double[] {2, 4, 6, 2});
    assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 1, 0}, a.predictedNormalized(), 1e-12);
    assertArrayEquals(new double[] {0, 0.5, 1, 0}, a.reportedNormalized(), 1e-12);
    // squared differences 1/9, 1/36, 0, 0: mean 5/144
    assertEquals(Math.sqrt(5.0 / 144), a.rmse(), 1e-12);
    assertFalse(a.reportedAllEqual());
    // scaled by the highest report only: 1/3, 2/3, 1, 1/3; the one difference is the last, 1/3
    assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 1, 1 / 3.0}, a.reportedScaledByMax(), 1e-12);
    assertEquals(Math.sqrt(1.0 / 9 / 4), a.rmseScaledByMax(), 1e-12);
  }

  @Test
  void bothFormsAgreeWhenTheWeakestReportedAlloyFormedNoGlass() {
    SystemAgreement a = SystemAgreement.of(new double[] {0.5, 2, 2.5}, 0, 3, new double[] {0, 5, 10});
    assertArrayEquals(a.reportedNormalized(), a.reportedScaledByMax(), 0);
    assertEquals(a.rmse(), a.rmseScaledByMax(), 0);
  }

  @Test
  void equalReportedGlassesCountAsTheSystemsBest() {
    // one ribbon (0.2 mm), predicted at the middle of a 0..3 mm map: |0.5 - 1|
    SystemAgreement one = SystemAgreement.of(new double[] {1.5}, 0, 3, new double[] {0.2});
    assertArrayEquals(new double[] {1}, one.reportedNormalized(), 0);
    assertEquals(0.5, one.rmse(), 1e-12);
    assertTrue(one.reportedAllEqual());
  }

  @Test
  void equalReportedNonGlassesCountAsTheSystemsWorst() {
    SystemAgreement none = SystemAgreement.of(new double[] {0.3, 0.6}, 0, 3, new double[] {0, 0});
    assertArrayEquals(new double[] {0, 0}, none.reportedNormalized(), 0);
    assertEquals(Math.sqrt((0.01 + 0.04) / 2), none.rmse(), 1e-12);
    assertEquals(none.rmse(), none.rmseScaledByMax(), 0);
  }

  @Test
  void aFlatMapPutsEveryPredictionAtZero() {
    SystemAgreement flat = SystemAgreement.of(new double[] {1, 1}, 1, 1, new double[] {1, 3});
    assertArrayEquals(new double[] {0, 0}, flat.predictedNormalized(), 0);
    assertEquals(Math.sqrt(0.5), flat.rmse(), 1e-12);
  }

  @Test
  void noReportedAlloyGivesNoRmse() {
    SystemAgreement empty = SystemAgreement.of(new double[0], 0, 3, new double[0]);
    assertTrue(Double.isNaN(empty.rmse()));
    assertTrue(Double.isNaN(empty.rmseScaledByMax()));
    assertEquals(0, empty.predictedNormalized().length);
  }

  @Test
  void refusesVectorsOfDifferentLengths() {
    assertThrows(IllegalArgumentException.class, () -> SystemAgreement.of(new double[2], 0, 1, new double[3]));
  }
}

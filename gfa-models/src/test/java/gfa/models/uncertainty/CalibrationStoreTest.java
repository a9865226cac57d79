package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationStoreTest {
  @TempDir Path dir;

  private static CalibrationRecord record(double descriptorThreshold) {
    PredictiveCalibration c = new PredictiveCalibration("leave_system_out", 0.123456789, new double[] {0.5, -1.25, 3e-7, 2});
    return new CalibrationRecord(c, 0.9, 1.0, 0.95, 0.0712, descriptorThreshold,
        List.of(Composition.parse("Zr41.2Ti13.8Cu12.5Ni10Be22.5"), Composition.parse("Cu50Zr50")), new double[] {50, 2});
  }

  @Test
  void roundTripKeepsEveryValue() throws Exception {
    CalibrationRecord written = record(3.25);
    CalibrationStore.write(dir, written);
    CalibrationRecord read = CalibrationStore.read(dir).orElseThrow();
    assertEquals("leave_system_out", read.calibration().calibratedOn());
    assertEquals(written.calibration().scaleFloor(), read.calibration().scaleFloor());
    assertArrayEquals(written.calibration().residuals(), read.calibration().residuals());
    assertEquals(0.9, read.level());
    assertEquals(1.0, read.threshold());
    assertEquals(0.95, read.domainQuantile());
    assertEquals(0.0712, read.compositionThreshold());
    assertEquals(3.25, read.descriptorThreshold());
    assertEquals(written.alloys(), read.alloys());
    assertArrayEquals(written.dmax(), read.dmax());
    // the same predictions from the record read back
    double[][] predictions = {{1.0, 0.2}, {1.4, 0.1}, {1.2, 0.15}};
    Uncertainty[] a = written.predict(predictions, new double[] {1, 1});
    Uncertainty[] b = read.predict(predictions, new double[] {1, 1});
    assertArrayEquals(a, b);
  }

  @Test
  void unboundedThresholdSurvives() {
    CalibrationRecord read = CalibrationStore.fromJson(CalibrationStore.toJson(record(Double.POSITIVE_INFINITY)), "x");
    assertEquals(Double.POSITIVE_INFINITY, read.descriptorThreshold());
  }

  @Test
  void missingFileIsNoCalibrationAndACorruptedOneIsAnInputError() throws Exception {
    assertTrue(CalibrationStore.read(dir).isEmpty());
    Files.writeString(dir.resolve(CalibrationStore.FILE), "{\"format\":\"gfa-calibration/1\",\"residuals\":[1,\"x\"]}");
    GfaInputException e = assertThrows(GfaInputException.class, () -> CalibrationStore.read(dir));
    assertTrue(e.getMessage().contains(CalibrationStore.FILE), e.getMessage());
  }

  @Test
  void fieldsOfALaterVersionAreSkippedAndMissingOnesReadAsZero() {
    String text = "{\"format\":\"gfa-calibration/1\",\"scale_floor\":0.25,\"notes\":[\"a\",{\"b\":[1]}],\"extra\":{\"residuals\":[\"x\"]},"
        + "\"residuals\":[2,-1.5],\"domain\":{\"alloys\":[\"Cu50Zr50\"],\"dmax\":[3],\"more\":[\"y\"],"
        + "\"descriptor_threshold\":\"Infinity\"}}";
    CalibrationRecord read = CalibrationStore.fromJson(text, "x");
    assertArrayEquals(new double[] {-1.5, 2}, read.calibration().residuals()); // sorted by the calibration
    assertEquals(List.of(Composition.parse("Cu50Zr50")), read.alloys());
    assertArrayEquals(new double[] {3}, read.dmax());
    assertEquals(Double.POSITIVE_INFINITY, read.descriptorThreshold());
    assertEquals(0.25, read.calibration().scaleFloor());
    assertEquals(0.0, read.level());
    assertEquals(0.0, read.compositionThreshold());
  }

  @Test
  void anotherFormatOrNotAnObjectIsRejected() {
    for (String text : List.of("[1]", "{\"format\":\"gfa-calibration/2\"}", "{}", "{\"format\":\"gfa-calibration/1\",\"level\":\"high\"}")) {
      GfaInputException e = assertThrows(GfaInputException.class, () -> CalibrationStore.fromJson(text, "cal.json"), text);
      assertTrue(e.getMessage().startsWith("cal.json: "), e.getMessage());
    }
  }

  @Test
  void everyDoubleIsReadBackExactly() {
    java.util.Random random = new java.util.Random(14);
    double[] residuals = new double[5000];
    for (int i = 0; i < residuals.length; i++) { // all magnitudes, 17 significant digits, subnormals
      residuals[i] = switch (i % 4) {
        case 0 -> random.nextGaussian();
        case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (random.nextBoolean() ? 1 : -1);
        case 2 -> Double.MIN_VALUE * random.nextInt(1000);
        default -> Math.nextUp(random.nextDouble() * 1e6);
      };
    }
    PredictiveCalibration c = new PredictiveCalibration("leave_system_out", 0.5, residuals);
    CalibrationRecord written = new CalibrationRecord(c, 0.9, 1.0, 0.95, 0.07, 2.5, List.of(Composition.parse("Cu50Zr50")),
        new double[] {Math.PI});
    CalibrationRecord read = CalibrationStore.fromJson(CalibrationStore.toJson(written), "x");
    assertArrayEquals(written.calibration().residuals(), read.calibration().residuals());
    assertArrayEquals(written.dmax(), read.dmax());
  }
}

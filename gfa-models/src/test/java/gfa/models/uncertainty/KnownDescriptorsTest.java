package gfa.models.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibration-descriptors.bin: the calibration alloys' descriptors, saved bit for bit. */
class KnownDescriptorsTest {
  @TempDir Path dir;

  private static CalibrationRecord record(List<Composition> alloys) {
    PredictiveCalibration c = new PredictiveCalibration("leave_system_out", 0.1, new double[] {0.5, -1.25});
    return new CalibrationRecord(c, 0.9, 1.0, 0.95, 0.07, 3.25, alloys, new double[alloys.size()]);
  }

  @Test
  void roundTripKeepsEveryBit() throws Exception {
    double[][] rows = {{1.5, -0.0, Double.NaN}, {Math.PI, Double.MIN_VALUE, -1e300}};
    KnownDescriptors.write(dir, rows);
    double[][] read = KnownDescriptors.read(dir, 2, 3).orElseThrow();
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        assertEquals(Double.doubleToRawLongBits(rows[i][j]), Double.doubleToRawLongBits(read[i][j]), i + "," + j);
      }
    }
  }

  @Test
  void theSavedRowsAreWhatTheFeaturiserGivesTheAlloys() throws Exception {
    List<Composition> alloys = List.of(Composition.parse("Zr41.2Ti13.8Cu12.5Ni10Be22.5"), Composition.parse("Cu50Zr50"),
        Composition.parse("Pd40Ni40P20"), Composition.parse("Ni0.229177083Fe0.166683333Cu0.604139584"));
    Featurizer featurizer = Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER);
    CalibrationRecord record = record(alloys);
    KnownDescriptors.write(dir, record, featurizer);
    CalibrationStore.write(dir, record);
    // the alloys as calibration.json gives them back (a fraction may be rounded in its last digits)
    double[][] expected = featurizer.featurizeAll(CalibrationStore.read(dir).orElseThrow().alloys());
    double[][] read = KnownDescriptors.read(dir, 4, featurizer.columns().size()).orElseThrow();
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], read[i]);
    }
  }

  @Test
  void anAlloyTheFeaturiserRefusesLeavesTheFileOut() throws Exception {
    List<Composition> alloys = List.of(Composition.parse("Cu50Zr50"), Composition.parse("Og50Zr50"));
    KnownDescriptors.write(dir, record(alloys), Featurizer.of(Preset.GONG2024, MiedemaVersion.PAPER));
    assertTrue(KnownDescriptors.read(dir, 2, 29).isEmpty());
  }

  @Test
  void noFileIsEmptyAndAWrongOrDamagedOneIsAnInputErrorNamingIt() throws Exception {
    assertTrue(KnownDescriptors.read(dir, 2, 3).isEmpty(), "a model saved before the file existed");
    KnownDescriptors.write(dir, new double[][] {{1, 2, 3}, {4, 5, 6}});
    Path file = dir.resolve(KnownDescriptors.FILE);
    assertTrue(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("gfa-descriptors/1\n"));
    GfaInputException shape = assertThrows(GfaInputException.class, () -> KnownDescriptors.read(dir, 3, 3));
    assertTrue(shape.getMessage().startsWith(file.toString()), shape.getMessage());
    assertThrows(GfaInputException.class, () -> KnownDescriptors.read(dir, 2, 4));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
    assertThrows(GfaInputException.class, () -> KnownDescriptors.read(dir, 2, 3));
    Files.write(file, Arrays.copyOf(bytes, bytes.length + 8));
    assertThrows(GfaInputException.class, () -> KnownDescriptors.read(dir, 2, 3));
    bytes[0] = 'x';
    Files.write(file, bytes);
    GfaInputException format = assertThrows(GfaInputException.class, () -> KnownDescriptors.read(dir, 2, 3));
    assertTrue(format.getMessage().contains("gfa-descriptors/1"), format.getMessage());
  }
}

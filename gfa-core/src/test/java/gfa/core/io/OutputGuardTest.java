package gfa.core.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.GfaInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputGuardTest {
  @TempDir Path dir;

  @Test
  void theSameFileIsRefusedHoweverItIsNamed() throws IOException {
    Path data = Files.writeString(dir.resolve("x.csv"), "composition\nZr50Cu50\n");
    Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), data);
    Path hard = Files.createLink(dir.resolve("hard.csv"), data);
    for (Path output : new Path[] {data, dir.resolve("sub/../x.csv"), link, hard, dir.resolve("./x.csv")}) {
      GfaInputException e = assertThrows(GfaInputException.class, () -> OutputGuard.refuseInputs(output, data), output::toString);
      assertTrue(e.getMessage().contains("is the input"), e.getMessage());
    }
    // and the other way round: the input named through a link
    assertThrows(GfaInputException.class, () -> OutputGuard.refuseInputs(data, link));
  }

  @Test
  void aDirectoryOutputMayNeitherContainNorLieInsideAnInput() throws IOException {
    Path model = Files.createDirectory(dir.resolve("model"));
    Files.writeString(model.resolve("manifest.json"), "{}");
    Path data = Files.writeString(dir.resolve("data.csv"), "x");
    assertThrows(GfaInputException.class, () -> OutputGuard.refuseInputs(model, model, data));
    GfaInputException inside = assertThrows(GfaInputException.class, () -> OutputGuard.refuseInputs(model.resolve("grid"), model));
    assertTrue(inside.getMessage().contains("inside the input directory"), inside.getMessage());
    GfaInputException contains = assertThrows(GfaInputException.class, () -> OutputGuard.refuseInputs(dir, data));
    assertTrue(contains.getMessage().contains("contains the input"), contains.getMessage());
    assertThrows(GfaInputException.class, () -> OutputGuard.refuseInputs(model.resolve("manifest.json"), model));
  }

  @Test
  void otherOutputsPass() throws IOException {
    Path data = Files.writeString(dir.resolve("x.csv"), "x");
    assertDoesNotThrow(() -> OutputGuard.refuseInputs(dir.resolve("y.csv"), data, null, dir.resolve("missing.csv")));
    assertDoesNotThrow(() -> OutputGuard.refuseInputs(dir.resolve("x.csv.out"), data));
    assertDoesNotThrow(() -> OutputGuard.refuseInputs(Path.of("-"), data));
    assertDoesNotThrow(() -> OutputGuard.refuseInputs(dir.resolve("new/out.csv"), data));
  }
}

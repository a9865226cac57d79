package gfa.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several maps side by side: one panel per selection, markers where the alloys are. */
class TernaryMosaicTest {
  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** A bump centred on (a0, b0) at.%. */
  static TernarySelection bump(TernaryGrid grid, double a0, double b0) {
    double[] p = new double[grid.size()];
    for (int i = 0; i < p.length; i++) {
      double da = grid.a(i) - a0;
      double db = grid.b(i) - b0;
      p[i] = 3 * Math.exp(-(da * da + db * db) / 300.0);
    }
    return TernarySelection.select(grid, p, TernarySelection.Options.paper());
  }

  @Test
  void drawsOnePanelPerMapWithItsMarkers() throws Exception {
    TernaryGrid grid = TernaryGrid.of(TernarySystem.parse("Zr-Al-Cu"), 1);
    List<TernaryMosaic.Panel> panels = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      panels.add(new TernaryMosaic.Panel(bump(grid, 20 + 10 * k, 20), List.of("iteration " + k, "caption"),
          List.of(new TernaryMosaic.Marker(50, 5, 45, TernaryMosaic.Style.BULK_GLASS),
              new TernaryMosaic.Marker(20, 20, 60, TernaryMosaic.Style.CRYSTALLINE))));
    }
    TernaryMosaic mosaic = new TernaryMosaic("Zr-Al-Cu campaign", panels, 4);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(mosaic.png()));
    assertEquals(mosaic.width(), image.getWidth());
    assertEquals(mosaic.height(), image.getHeight());
    assertTrue(image.getWidth() > 3 * image.getHeight() / 2, "four panels in a row");
    if (System.getProperty("gfa.mosaic.png") != null) { // to look at it: -Dgfa.mosaic.png=FILE
      java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("gfa.mosaic.png")), mosaic.png());
    }
    String svg = mosaic.svg();
    for (int k = 0; k < 4; k++) {
      assertTrue(svg.contains("iteration " + k), "caption of panel " + k);
    }
    assertTrue(svg.contains("bulk glass (rod)") && svg.contains("crystalline"), "legend names the marker styles in use");
    assertTrue(!svg.contains("glassy ribbon"), "and only those");
  }

  @Test
  void wrapsPanelsIntoRows() {
    TernaryGrid grid = TernaryGrid.of(TernarySystem.parse("Mg-Zn-Ca"), 5);
    List<TernaryMosaic.Panel> panels = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      panels.add(new TernaryMosaic.Panel(bump(grid, 60, 30), List.of("level " + (k + 1)), List.of()));
    }
    TernaryMosaic one = new TernaryMosaic("t", panels, 5);
    TernaryMosaic two = new TernaryMosaic("t", panels, 3);
    assertTrue(two.height() > one.height() && two.width() < one.width());
    TernaryMosaic single = new TernaryMosaic("t", panels.subList(0, 1), 1);
    assertTrue(single.width() >= 1440, "wide enough for the legend line even with one panel");
  }
}

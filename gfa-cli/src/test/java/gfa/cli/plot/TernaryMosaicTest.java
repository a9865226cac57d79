package gfa.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import gfa.core.ternary.Candidate;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
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

  /**
   * Two maps with known colours (TernaryFigureTest's gradient, maximal at Al, and one maximal at
   * Zr), read back: every cell's viridis colour in the PNG, the candidates' and the alloys' markers
   * counted and placed in the SVG, the legend naming the marker styles in use, the captions.
   */
  @Test
  void coloursEachPanelsCellsAndMarksItsCandidatesAndAlloys() throws Exception {
    TernaryGrid grid = TernaryFigureTest.GRID;
    TernarySelection towardsAl = TernaryFigureTest.gradientSelection();
    double[] zr = new double[grid.size()];
    for (int i = 0; i < zr.length; i++) {
      zr[i] = 0.1 * grid.a(i);
    }
    TernarySelection towardsZr = TernarySelection.select(grid, zr, new TernarySelection.Options(20, 10, List.of()));
    TernaryMosaic.Marker rod = new TernaryMosaic.Marker(50, 30, 20, TernaryMosaic.Style.BULK_GLASS);
    TernaryMosaic.Marker crystal = new TernaryMosaic.Marker(30, 30, 40, TernaryMosaic.Style.CRYSTALLINE);
    TernaryMosaic.Marker reported = new TernaryMosaic.Marker(40, 40, 20, TernaryMosaic.Style.REPORTED);
    List<TernarySelection> selections = List.of(towardsAl, towardsZr);
    List<List<TernaryMosaic.Marker>> markers = List.of(List.of(rod, crystal), List.of(reported));
    List<ToDoubleFunction<Integer>> normalised = List.of(i -> TernaryFigureTest.gradient()[i] / 10, i -> grid.a(i) / 100.0);
    TernaryMosaic mosaic = new TernaryMosaic("Two known maps", List.of(
        new TernaryMosaic.Panel(towardsAl, List.of("towards Al", "gradient and spike"), markers.get(0)),
        new TernaryMosaic.Panel(towardsZr, List.of("towards Zr"), markers.get(1))), 2);
    FigureContent figure = new FigureContent(mosaic.svg(), mosaic.png());

    List<double[]> triangles = figure.triangles();
    assertEquals(2, triangles.size(), "one triangle per panel");
    assertEquals(triangles.get(0)[1], triangles.get(1)[1], 0, "side by side");
    List<Point2D> numbered = figure.discs(8, "rgb(255,255,255)");
    assertEquals(5, numbered.size(), "two candidates per panel and one in the legend: " + numbered);
    for (int p = 0; p < 2; p++) {
      TernaryAxes axes = FigureContent.axes(new String[] {"Zr", "Al", "Cu"}, triangles.get(p));
      TernarySelection s = selections.get(p);
      List<Point2D> marks = new ArrayList<>();
      for (Candidate c : s.candidates()) {
        int[] at = c.atPercent();
        marks.add(axes.point(at[0], at[1], at[2]));
      }
      List<Point2D> onPanel = numbered.stream().filter(d -> axes.triangle().contains(d)).toList();
      assertEquals(2, onPanel.size(), "panel " + p + " candidates");
      for (Point2D expected : marks) {
        assertTrue(onPanel.stream().anyMatch(d -> d.distance(expected) < 0.01), "panel " + p + ": no marker at " + expected);
      }
      for (TernaryMosaic.Marker m : markers.get(p)) {
        marks.add(axes.point(m.a(), m.b(), m.c()));
      }
      for (int i = 0; i < grid.size(); i++) {
        Point2D centre = axes.point(grid, i);
        if (marks.stream().anyMatch(m -> m.distance(centre) < 1)) {
          continue; // a marker covers this cell's middle
        }
        Point2D inCell = FigureContent.moved(centre, FigureContent.intoCell(grid, i), 0.3 * axes.spacing(grid));
        figure.assertColour(Viridis.color(normalised.get(p).applyAsDouble(i)), inCell, 2,
            "panel " + p + ", " + grid.composition(i).format());
      }
    }
    TernaryAxes first = FigureContent.axes(new String[] {"Zr", "Al", "Cu"}, triangles.get(0));
    figure.assertColour(new Color(0xE6, 0x19, 0x4B), first.point(rod.a(), rod.b(), rod.c()), 2, "bulk-glass diamond");
    figure.assertColour(Color.BLACK, first.point(crystal.a(), crystal.b(), crystal.c()), 60, "crystalline cross");

    long diamonds = figure.elements("g").stream().filter(g -> g.getAttribute("style").startsWith("fill:rgb(230,25,75)")).count();
    assertEquals(2, diamonds, "the rod on panel 0 and the legend's");
    assertEquals(2, figure.discs(3.5, "rgb(255,255,255)").size(), "the reported alloy on panel 1 and the legend's");
    for (String label : List.of("bulk glass (rod)", "crystalline", "reported alloy", "candidates (rank)", "Two known maps",
        "towards Al", "gradient and spike", "towards Zr")) {
      assertEquals(1, figure.count(label), label);
    }
    assertEquals(0, figure.count("glassy ribbon"), "a style not in use is not in the legend");
    assertEquals(1, figure.count("D_max 0.00\u201310.0 mm; max at Al100"));
    assertEquals(1, figure.count("D_max 0.00\u201310.0 mm; max at Zr100"));
  }
}

package gfa.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Composition;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The map of a prediction tested by what it shows: on a coarse grid with predictions whose colours,
 * top points and candidates are known, the PNG's colour in every grid point's cell, the colour
 * bar's direction, the candidates' markers, and the SVG's title and legend.
 */
class TernaryFigureTest {
  /** Zr-Al-Cu (A, B, C) on the 10 at.% grid: 66 points, cells about 58 px wide. */
  static final TernaryGrid GRID = TernaryGrid.of(TernarySystem.parse("Zr-Al-Cu"), 10);
  /** The spike of {@link #gradient()}: a lone top point far from the others. */
  static final int[] SPIKE = {20, 10, 70};
  static final double SPIKE_MM = 9.2;
  static final Composition EXCLUDED = Composition.parse("Zr10Al80Cu10");

  private static TernarySelection selection;
  private static FigureContent figure;

  /**
   * D_max = 0.1 at.% Al + 0.05 at.% Cu mm: 0 at the Zr corner, 10 at the Al corner, 5 at the Cu
   * corner, so the normalised value of a point is its D_max / 10; plus a spike of 9.2 mm at
   * Zr20 Al10 Cu70.
   */
  static double[] gradient() {
    double[] p = new double[GRID.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = 0.1 * GRID.b(i) + 0.05 * GRID.c(i);
    }
    p[GRID.indexOf(SPIKE[0], SPIKE[1])] = SPIKE_MM;
    return p;
  }

  /** The top 20% (threshold 7.00 mm, index 52 of 66), candidates on the 10 at.% lattice, one alloy excluded. */
  static TernarySelection gradientSelection() {
    return TernarySelection.select(GRID, gradient(), new TernarySelection.Options(20, 10, List.of(EXCLUDED)));
  }

  @BeforeAll
  static void render() throws Exception {
    System.setProperty("java.awt.headless", "true");
    selection = gradientSelection();
    TernaryFigure map = new TernaryFigure(selection, "Zr-Al-Cu \u2014 a known gradient");
    figure = new FigureContent(map.svg(), map.png());
  }

  private static String[] elements() {
    return new String[] {"Zr", "Al", "Cu"};
  }

  private static TernaryAxes heatMap() {
    List<double[]> triangles = figure.triangles();
    assertEquals(2, triangles.size(), "two ternary panels");
    return FigureContent.axes(elements(), triangles.get(0));
  }

  private static TernaryAxes topPanel() {
    return FigureContent.axes(elements(), figure.triangles().get(1));
  }

  /** A point inside grid point {@code i}'s cell, clear of grid lines, outlines, dots and markers. */
  private static Point2D inCell(TernaryAxes axes, int i) {
    return FigureContent.moved(axes.point(GRID, i), FigureContent.intoCell(GRID, i), 0.3 * axes.spacing(GRID));
  }

  @Test
  void everyCellOfTheHeatMapHasTheViridisColourOfItsNormalisedPrediction() {
    TernaryAxes axes = heatMap();
    double[] p = gradient();
    for (int i = 0; i < GRID.size(); i++) {
      double normalised = p[i] / 10; // min 0 at the Zr corner, max 10 at the Al corner
      figure.assertColour(Viridis.color(normalised), inCell(axes, i), 2, GRID.composition(i).format());
    }
    // the three corners, spelt out: dark purple at Zr (0), yellow at Al (1), teal at Cu (0.5)
    figure.assertColour(new Color(0x44, 0x01, 0x54), inCell(axes, GRID.indexOf(100, 0)), 2, "Zr corner");
    figure.assertColour(new Color(0xFD, 0xE7, 0x25), inCell(axes, GRID.indexOf(0, 100)), 2, "Al corner");
    figure.assertColour(new Color(0x21, 0x91, 0x8C), inCell(axes, GRID.indexOf(0, 0)), 3, "Cu corner");
  }

  @Test
  void theColourBarRunsFromZeroAtTheBottomToOneAtTheTop() {
    // the bar is the tallest outlined 20 px wide box (the legend's swatches are 13 px high), filled by 128 bands
    Element box = figure.elements("rect").stream()
        .filter(r -> r.getAttribute("width").equals("20") && r.getAttribute("style").endsWith("fill:none"))
        .max(java.util.Comparator.comparingDouble(r -> Double.parseDouble(r.getAttribute("height")))).orElseThrow();
    double x = Double.parseDouble(box.getAttribute("x")) + 10;
    double top = Double.parseDouble(box.getAttribute("y"));
    double bottom = top + Double.parseDouble(box.getAttribute("height"));
    long bands = figure.elements("rect").stream().filter(r -> r.getAttribute("x").equals(box.getAttribute("x"))
        && r.getAttribute("width").equals("20") && !r.getAttribute("style").endsWith("fill:none")).count();
    assertEquals(128, bands, "colour-bar bands");
    for (double value : new double[] {0.02, 0.25, 0.5, 0.75, 0.98}) {
      Point2D at = new Point2D.Double(x, bottom - value * (bottom - top));
      figure.assertColour(Viridis.color(value), at, 5, "colour bar at " + value);
    }
    assertTrue(labelY("1.0") < labelY("0.0"), "1.0 is labelled above 0.0");
    for (String tick : List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0")) {
      assertEquals(1, figure.count(tick), "colour-bar label " + tick);
    }
    assertEquals(1, figure.count("normalized predicted D_max"));
    assertEquals(1, figure.count("0 = 0.00 mm, 1 = 10.0 mm"), "what 0 and 1 stand for");
  }

  private static double labelY(String text) {
    return figure.elements("text").stream().filter(t -> t.getTextContent().equals(text))
        .mapToDouble(t -> Double.parseDouble(t.getAttribute("y"))).findFirst().orElse(Double.NaN);
  }

  @Test
  void theTopPanelColoursTheLargestRegionAndTheOtherTopPointsAndNothingElse() {
    TernaryAxes axes = topPanel();
    // 0.1 Al + 0.05 Cu > 7.00 mm at four neighbouring interior points near Al, and the spike
    Set<String> largest = Set.of("10/80/10", "10/70/20", "10/60/30", "20/70/10");
    String spike = SPIKE[0] + "/" + SPIKE[1] + "/" + (100 - SPIKE[0] - SPIKE[1]);
    for (int i = 0; i < GRID.size(); i++) {
      String key = GRID.a(i) + "/" + GRID.b(i) + "/" + GRID.c(i);
      Color expected = largest.contains(key) ? TernaryFigure.LARGEST : key.equals(spike) ? TernaryFigure.OTHER_TOP : Color.WHITE;
      figure.assertColour(expected, inCell(axes, i), 2, GRID.composition(i).format());
    }
    assertEquals(1, figure.count("largest top 20% region (4 points)"));
    assertEquals(1, figure.count("other top 20% point (1 in 1 region)"));
    assertEquals(1, figure.count("(b) The top 20% and the next two alloys to cast"));
    assertEquals(1, figure.count("10 at.% lattice"));
  }

  @Test
  void marksTheTwoCandidatesWhereTheyAreAndListsThem() {
    TernaryAxes axes = topPanel();
    List<Candidate> candidates = selection.candidates();
    // the best lattice point of the region once Zr10 Al80 Cu10 is excluded, then its best neighbour
    // (7.5 mm at Zr20 Al70 Cu10 and Zr10 Al60 Cu30: the smaller grid index)
    assertEquals(List.of("Zr10 Al70 Cu20", "Zr10 Al60 Cu30"),
        candidates.stream().map(c -> c.composition().format()).toList());

    List<Point2D> discs = figure.discs(10.5, "rgb(255,255,255)");
    List<Point2D> onMap = discs.stream().filter(d -> axes.triangle().contains(d)).toList();
    assertEquals(2, onMap.size(), "candidate markers on the map: " + discs);
    assertEquals(4, discs.size(), "two on the map, two in the legend");
    Set<String> expected = candidates.stream().map(c -> {
      int[] p = c.atPercent();
      return xy(axes.point(p[0], p[1], p[2]));
    }).collect(Collectors.toSet());
    assertEquals(expected, onMap.stream().map(TernaryFigureTest::xy).collect(Collectors.toSet()));
    assertEquals(2, figure.count("1"), "rank 1 on the map and in the legend");
    assertEquals(2, figure.count("2"), "rank 2 on the map and in the legend");

    for (Candidate c : candidates) {
      int[] p = c.atPercent();
      Point2D centre = axes.point(p[0], p[1], p[2]);
      // a white disc over the vermillion region, ringed in black
      figure.assertColour(Color.WHITE, FigureContent.moved(centre, 0, 7), 10, "disc of candidate " + c.rank());
      figure.assertColour(TernaryFigure.LARGEST, FigureContent.moved(centre, 0, 15), 2, "region beside candidate " + c.rank());
      figure.assertColour(Color.BLACK, FigureContent.moved(centre, 90, 10.5), 80, "ring of candidate " + c.rank());
    }
    assertEquals(1, figure.count("Zr10 Al70 Cu20"));
    assertEquals(1, figure.count("8.00 mm"));
    assertEquals(1, figure.count("Zr10 Al60 Cu30"));
    assertEquals(1, figure.count("7.50 mm"));
  }

  @Test
  void crossesOutTheExcludedAlloy() {
    TernaryAxes axes = topPanel();
    Point2D at = axes.point(GRID, GRID.find(EXCLUDED).orElseThrow());
    figure.assertColour(Color.BLACK, at, 60, "centre of the cross");
    figure.assertColour(TernaryFigure.LARGEST, FigureContent.moved(at, 90, 5), 2, "between the arms of the cross");
    assertEquals(1, figure.count("excluded (1)"));
  }

  @Test
  void titleAndSubtitleSayWhatIsShown() {
    List<String> texts = figure.texts();
    assertEquals("Zr-Al-Cu \u2014 a known gradient", texts.get(0));
    assertEquals("66 compositions on a 10 at.% grid \u00b7 predicted D_max from 0.00 to 10.0 mm \u00b7 top 20%: "
        + "interior points above 7.00 mm (index 52 of the 66 sorted predictions)", texts.get(1));
    assertEquals(1, figure.count("(a) Predicted D_max, normalized within Zr-Al-Cu"));
    for (String corner : elements()) {
      assertEquals(2, figure.count(corner), corner + " names a corner of each triangle");
      assertEquals(2, figure.count("at.% " + corner), "axis title at.% " + corner);
    }
  }

  private static String xy(Point2D p) {
    return String.format(java.util.Locale.ROOT, "%.1f,%.1f", p.getX(), p.getY());
  }
}

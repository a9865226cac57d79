package gfa.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The study's line chart tested by what it shows: each value's marker at the height of its axis
 * label and above its level's label, in its line's colour in the PNG; a missing value leaves no
 * marker; the legend names every line.
 */
class LevelPlotTest {
  /** Okabe-Ito blue and vermillion: the first two lines' colours, as SVG and as pixels. */
  private static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  private static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);

  private static FigureContent figure;

  @BeforeAll
  static void render() throws Exception {
    System.setProperty("java.awt.headless", "true");
    LevelPlot plot = new LevelPlot("RMSE by level", List.of("what was measured"), new int[] {1, 2, 3},
        List.of(new LevelPlot.Series("Zr-Al-Cu (3 reported alloys)", new double[] {0.1, Double.NaN, 0.4}),
            new LevelPlot.Series("Mg-Zn-Ca (2 reported alloys)", new double[] {0.3, 0.2, 0.1}),
            new LevelPlot.Series("La-Al-C (0 reported alloys)", new double[] {Double.NaN, Double.NaN, Double.NaN})),
        "pruning level", "RMSE");
    figure = new FigureContent(plot.svg(), plot.png());
  }

  /** The y of the text {@code label}, the first one found. */
  private static double textY(String label) {
    return Double.parseDouble(text(label).getAttribute("y"));
  }

  private static Element text(String label) {
    return figure.elements("text").stream().filter(t -> t.getTextContent().equals(label)).findFirst()
        .orElseThrow(() -> new AssertionError("no text " + label + " in " + figure.texts()));
  }

  @Test
  void eachValueSitsAtItsAxisLabelsInItsLinesColourAndAGapHasNoMarker() {
    // circles for the first line, squares for the second; each plus one in the legend
    List<Point2D> circles = figure.discs(6, "rgb(0,114,178)");
    assertEquals(3, circles.size(), "two values and the legend: " + circles);
    List<Element> squares = figure.elements("rect").stream().filter(r -> r.getAttribute("style").equals("fill:rgb(213,94,0)")).toList();
    assertEquals(4, squares.size(), "three values and the legend");

    // value v is drawn at the height of the y label "v" (a fixed baseline shift apart), level k above the x label "k"
    double shift = textY("0.1") - circles.get(0).getY();
    assertEquals(textY("0.4") - shift, circles.get(1).getY(), 0.01, "0.4 of the first line");
    double[] second = {0.3, 0.2, 0.1};
    for (int k = 0; k < 3; k++) {
      double y = Double.parseDouble(squares.get(k).getAttribute("y")) + Double.parseDouble(squares.get(k).getAttribute("height")) / 2;
      assertEquals(textY(String.format(Locale.ROOT, "%.1f", second[k])) - shift, y, 0.01, "level " + (k + 1) + " of the second line");
    }
    double dx = (circles.get(1).getX() - circles.get(0).getX()) / 2;
    assertTrue(dx > 0, "levels left to right");
    assertEquals(Double.parseDouble(text("3").getAttribute("x")) - Double.parseDouble(text("1").getAttribute("x")), 2 * dx, 0.01,
        "markers above their level labels");
    double squareX = Double.parseDouble(squares.get(1).getAttribute("x")) - Double.parseDouble(squares.get(0).getAttribute("x"));
    assertEquals(dx, squareX, 0.01, "levels evenly spaced");

    List<String> blueLines = figure.elements("g").stream().filter(g -> g.getAttribute("style").contains("stroke:rgb(0,114,178)"))
        .flatMap(g -> figure.children(g, "path").stream()).map(p -> p.getAttribute("d")).toList();
    assertEquals(1, blueLines.size(), "the first line: " + blueLines);
    assertFalse(blueLines.get(0).contains("L"), "no segment to or from the missing level 2: " + blueLines);

    figure.assertColour(BLUE, circles.get(0), 2, "marker of 0.1 on the first line");
    figure.assertColour(BLUE, circles.get(1), 2, "marker of 0.4 (level 3) on the first line");
    for (int k = 0; k < 3; k++) {
      Element r = squares.get(k);
      Point2D centre = new Point2D.Double(Double.parseDouble(r.getAttribute("x")) + Double.parseDouble(r.getAttribute("width")) / 2,
          Double.parseDouble(r.getAttribute("y")) + Double.parseDouble(r.getAttribute("height")) / 2);
      figure.assertColour(VERMILLION, centre, 2, "marker of level " + (k + 1) + " on the second line");
    }
  }

  @Test
  void legendAndTitlesNameEveryLine() {
    for (String text : List.of("RMSE by level", "what was measured", "pruning level", "RMSE",
        "Zr-Al-Cu (3 reported alloys)", "Mg-Zn-Ca (2 reported alloys)", "La-Al-C (0 reported alloys)", "no value: not drawn")) {
      assertEquals(1, figure.count(text), text);
    }
    assertEquals(List.of("0.0", "0.1", "0.2", "0.3", "0.4", "0.5"),
        figure.texts().stream().filter(t -> t.matches("\\d\\.\\d")).toList(), "y axis up to 0.5, the paper's scale");
  }
}

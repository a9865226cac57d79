package gfa.cli.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What a rendered figure shows, read back from its files: the SVG as an XML document (its texts,
 * shapes and triangles) and the PNG as pixels. Tests find where the figure put things through the
 * SVG (the triangle of a ternary panel) and check the PNG's colours there, so that they test the
 * picture, not the drawing code's private layout constants.
 */
final class FigureContent {
  /** A closed three-corner path, as JFreeSVG writes a triangle ({@code M x,y L x,y L x,y Z}). */
  private static final Pattern TRIANGLE =
      Pattern.compile("M([-\\d.]+),([-\\d.]+)L([-\\d.]+),([-\\d.]+)L([-\\d.]+),([-\\d.]+)Z");

  private final Document svg;
  private final BufferedImage png;

  FigureContent(String svg, byte[] png) throws Exception {
    this.svg = parse(svg);
    this.png = ImageIO.read(new ByteArrayInputStream(png));
    if (this.png == null) {
      throw new IOException("not a PNG");
    }
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // JFreeSVG names the SVG 1.0 DTD on w3.org: never fetch it
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new InputSource(new StringReader(svg)));
  }

  BufferedImage image() {
    return png;
  }

  /** Every {@code <text>} of the SVG, in document order. */
  List<String> texts() {
    List<String> out = new ArrayList<>();
    for (Element e : elements("text")) {
      out.add(e.getTextContent());
    }
    return out;
  }

  /** How many {@code <text>} elements read exactly {@code text}. */
  long count(String text) {
    return texts().stream().filter(text::equals).count();
  }

  List<Element> elements(String tag) {
    NodeList nodes = svg.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** The child elements of {@code parent} named {@code tag}. */
  List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The filled discs of radius {@code r} in {@code fill} (an SVG colour such as
   * {@code rgb(255,255,255)}): one per marker of that kind, its ring being a second, unfilled
   * ellipse.
   */
  List<Point2D> discs(double r, String fill) {
    List<Point2D> out = new ArrayList<>();
    for (Element e : elements("ellipse")) {
      if (Double.parseDouble(e.getAttribute("rx")) == r && e.getAttribute("style").equals("fill:" + fill)) {
        out.add(new Point2D.Double(Double.parseDouble(e.getAttribute("cx")), Double.parseDouble(e.getAttribute("cy"))));
      }
    }
    return out;
  }

  /**
   * The distinct triangles the SVG draws or clips to, as the (left, bottom, side) of
   * {@link TernaryAxes}, left to right then top to bottom: the frames of the ternary panels.
   */
  List<double[]> triangles() {
    List<double[]> out = new ArrayList<>();
    for (Element path : elements("path")) {
      Matcher m = TRIANGLE.matcher(path.getAttribute("d"));
      if (!m.matches()) {
        continue;
      }
      double x0 = Double.parseDouble(m.group(1));
      double y0 = Double.parseDouble(m.group(2));
      double x1 = Double.parseDouble(m.group(3));
      double y1 = Double.parseDouble(m.group(4));
      double[] t = {x0, y0, x1 - x0};
      if (y0 == y1 && out.stream().noneMatch(o -> o[0] == t[0] && o[1] == t[1] && o[2] == t[2])) {
        out.add(t);
      }
    }
    out.sort((p, q) -> p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[0], q[0]));
    return out;
  }

  /** The axes of the ternary panel drawn in {@code triangle} (one of {@link #triangles()}). */
  static TernaryAxes axes(String[] elements, double[] triangle) {
    return new TernaryAxes(elements, triangle[0], triangle[1], triangle[2]);
  }

  /** The colour of the PNG at a page position (the pixel that holds it). */
  Color pixel(Point2D at) {
    return new Color(png.getRGB((int) Math.floor(at.getX()), (int) Math.floor(at.getY())));
  }

  /** Asserts the PNG's colour at {@code at} is {@code expected}, each channel within {@code tolerance}. */
  void assertColour(Color expected, Point2D at, int tolerance, String what) {
    Color actual = pixel(at);
    int worst = Math.max(Math.abs(expected.getRed() - actual.getRed()),
        Math.max(Math.abs(expected.getGreen() - actual.getGreen()), Math.abs(expected.getBlue() - actual.getBlue())));
    assertTrue(worst <= tolerance, String.format(
        "%s at (%.1f, %.1f): expected %s, found %s", what, at.getX(), at.getY(), rgb(expected), rgb(actual)));
  }

  static String rgb(Color c) {
    return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
  }

  /**
   * The direction (degrees, as {@link #moved}) from grid point {@code i} into its own cell, away from
   * everything drawn through the point: straight up from an interior point and from the bottom edge
   * (the 10 at.% lines cross there at 0, 60 and 120 degrees), square to the left and right edges, and
   * along the bisector at a corner.
   */
  static double intoCell(gfa.core.ternary.TernaryGrid grid, int i) {
    int a = grid.a(i);
    int b = grid.b(i);
    int c = grid.c(i);
    if (a == 100) {
      return 30;
    }
    if (b == 100) {
      return 150;
    }
    if (c == 100) {
      return 270;
    }
    if (b == 0) {
      return -30;
    }
    if (a == 0) {
      return 210;
    }
    return 90;
  }

  /** {@code from} moved {@code distance} pixels at {@code degrees} (counter-clockwise from +x, as on paper). */
  static Point2D moved(Point2D from, double degrees, double distance) {
    double t = Math.toRadians(degrees);
    return new Point2D.Double(from.getX() + distance * Math.cos(t), from.getY() - distance * Math.sin(t));
  }
}

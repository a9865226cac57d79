package gfa.cli.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.function.Consumer;
import org.jfree.svg.SVGGraphics2D;

/**
 * One drawing routine, two outputs: a {@code Graphics2D} routine rendered to PNG bytes (Java2D)
 * or to an SVG document (JFreeSVG), the same picture either way. Shared by every figure.
 */
final class Rendering {
  /**
   * Deflate level of the PNG: what ImageIO's writer used at compression quality 0.8, which gfa
   * chose as 10% larger and 3x faster than its default; the files are the same bytes as then.
   */
  private static final int PNG_LEVEL = 2;

  private Rendering() {}

  static byte[] png(int width, int height, Consumer<Graphics2D> draw) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw.accept(g);
    } finally {
      g.dispose();
    }
    return PngEncoder.encode(image, PNG_LEVEL);
  }

  static String svg(int width, int height, Consumer<Graphics2D> draw) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setGeomDoubleConverter(Rendering::twoDecimals);
    g.setTransformDoubleConverter(Rendering::twoDecimals);
    g.setDefsKeyPrefix("gfa-"); // the default prefix is a clock reading: the same figure would differ run to run
    draw.accept(g);
    g.dispose();
    return g.getSVGDocument();
  }

  /** Quality settings every figure draws with, and a white page of the figure's size. */
  static void blankPage(Graphics2D g, double width, double height) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
  }

  /** A numbered marker: white disc of radius {@code r}, black ring, the rank in {@code font}. */
  static void numberedMarker(Graphics2D g, java.awt.geom.Point2D at, int rank, double r, float ring, java.awt.Font font) {
    java.awt.Shape disc = new java.awt.geom.Ellipse2D.Double(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
    g.setColor(Color.WHITE);
    g.fill(disc);
    g.setColor(Color.BLACK);
    g.setStroke(new java.awt.BasicStroke(ring));
    g.draw(disc);
    g.setFont(font);
    TernaryAxes.centred(g, g.getFontMetrics(), Integer.toString(rank), at.getX(), at.getY(), 0);
  }

  /** Coordinates to the hundredth of a pixel: a third of the size of full doubles, the same picture. */
  static String twoDecimals(double v) {
    long hundredths = Math.round(v * 100);
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    return Double.toString(hundredths / 100.0);
  }
}

package gfa.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of one measure against the pruning level, one line per system: the paper's
 * Fig. 3h (RMSE of the map at each system's reported alloys, by subdataset). Drawn by hand with
 * Java2D like the ternary figures: a handful of lines and markers needs no charting library. One
 * routine, {@link #draw(Graphics2D)}, renders both the PNG and the SVG.
 *
 * <p>Colours are the Okabe-Ito palette (distinct for colour-blind readers), and each line also
 * has its own marker shape, so the lines stay apart in grey too. A missing value (NaN) leaves a
 * gap in its line.
 */
public final class LevelPlot {
  /** One line: its name in the legend and one value per level (NaN: no value). */
  public record Series(String name, double[] values) {
    public Series {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    boolean empty() {
      for (double v : values) {
        if (Double.isFinite(v)) {
          return false;
        }
      }
      return true;
    }
  }

  public static final int WIDTH = 1100;
  public static final int HEIGHT = 730;

  /** Okabe-Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
  private static final Color[] PALETTE = {
      new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73), new Color(0xE6, 0x9F, 0x00),
      new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xF0, 0xE4, 0x42), Color.BLACK,
  };

  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Color MUTED = new Color(0x44, 0x44, 0x44);
  private static final Color GRID = new Color(0xE0, 0xE0, 0xE0);

  private static final double LEFT = 90;
  private static final double RIGHT = 780;
  private static final double TOP = 160;
  private static final int MAX_SUBTITLE_LINES = 5;
  private static final double BOTTOM = 640;

  private final String title;
  private final List<String> subtitle;
  private final int[] levels;
  private final List<Series> series;
  private final String yLabel;
  private final String xLabel;
  private final double yMax;

  /**
   * @param title the title
   * @param subtitle lines under the title (what is measured, how the models were made)
   * @param levels the x positions, in order (e.g. 1..5)
   * @param series the lines, each with one value per level
   * @param xLabel the x axis title
   * @param yLabel the y axis title
   */
  public LevelPlot(String title, List<String> subtitle, int[] levels, List<Series> series, String xLabel, String yLabel) {
    if (levels.length == 0) {
      throw new IllegalArgumentException("no levels");
    }
    for (Series s : series) {
      if (s.values.length != levels.length) {
        throw new IllegalArgumentException(s.name() + ": " + s.values.length + " values for " + levels.length + " levels");
      }
    }
    this.title = title;
    this.subtitle = List.copyOf(subtitle);
    this.levels = levels.clone();
    this.series = List.copyOf(series);
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.yMax = axisMax(series);
  }

  /** The top of the y axis: at least 0.5 (the scale the paper's Fig. 3h reads on), else the data's maximum rounded up to 0.1. */
  static double axisMax(List<Series> series) {
    double max = 0;
    for (Series s : series) {
      for (double v : s.values) {
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    return Math.max(0.5, Math.ceil(max * 10 - 1e-9) / 10);
  }

  public double yMax() {
    return yMax;
  }

  public byte[] png() throws IOException {
    return Rendering.png(WIDTH, HEIGHT, this::draw);
  }

  public String svg() {
    return Rendering.svg(WIDTH, HEIGHT, this::draw);
  }

  /** The whole chart: the one routine behind both the PNG and the SVG. */
  public void draw(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
    drawTitles(g);
    drawAxes(g);
    for (int s = 0; s < series.size(); s++) {
      drawSeries(g, series.get(s), s);
    }
    drawLegend(g);
  }

  private void drawTitles(Graphics2D g) {
    g.setColor(Color.BLACK);
    g.setFont(TITLE_FONT);
    g.drawString(title, (float) LEFT - 40, 36f);
    g.setFont(SUBTITLE_FONT);
    g.setColor(MUTED);
    FontMetrics fm = g.getFontMetrics();
    List<String> lines = new ArrayList<>();
    for (String paragraph : subtitle) {
      lines.addAll(wrap(paragraph, fm, WIDTH - 2 * (LEFT - 40)));
    }
    // the plot starts below the fifth line: more would run into it
    for (int k = 0; k < Math.min(lines.size(), MAX_SUBTITLE_LINES); k++) {
      g.drawString(lines.get(k), (float) LEFT - 40, (float) (60 + 17 * k));
    }
  }

  /** {@code text} broken at spaces into lines no wider than {@code width}. */
  static List<String> wrap(String text, FontMetrics fm, double width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && fm.stringWidth(candidate) > width) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private double x(int index) {
    double margin = 40;
    if (levels.length == 1) {
      return (LEFT + RIGHT) / 2;
    }
    return LEFT + margin + index * (RIGHT - LEFT - 2 * margin) / (levels.length - 1);
  }

  private double y(double value) {
    return BOTTOM - value / yMax * (BOTTOM - TOP);
  }

  private void drawAxes(Graphics2D g) {
    double tick = yMax <= 1 ? 0.1 : yMax <= 2 ? 0.2 : 0.5;
    g.setFont(TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    for (int k = 0; k * tick <= yMax + 1e-9; k++) {
      double v = k * tick;
      double yy = y(v);
      g.setColor(GRID);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Line2D.Double(LEFT, yy, RIGHT, yy));
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Double(LEFT - 5, yy, LEFT, yy));
      String label = String.format(Locale.ROOT, "%.1f", v);
      g.drawString(label, (float) (LEFT - 9 - fm.stringWidth(label)), (float) (yy + fm.getAscent() * 0.4));
    }
    for (int i = 0; i < levels.length; i++) {
      double xx = x(i);
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Double(xx, BOTTOM, xx, BOTTOM + 5));
      String label = Integer.toString(levels[i]);
      g.drawString(label, (float) (xx - fm.stringWidth(label) / 2.0), (float) (BOTTOM + 8 + fm.getAscent()));
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.4f));
    g.draw(new Line2D.Double(LEFT, TOP, LEFT, BOTTOM));
    g.draw(new Line2D.Double(LEFT, BOTTOM, RIGHT, BOTTOM));
    g.setFont(AXIS_FONT);
    fm = g.getFontMetrics();
    g.drawString(xLabel, (float) ((LEFT + RIGHT - fm.stringWidth(xLabel)) / 2), (float) (BOTTOM + 52));
    TernaryAxes.centred(g, fm, yLabel, LEFT - 58, (TOP + BOTTOM) / 2, -Math.PI / 2);
  }

  private void drawSeries(Graphics2D g, Series s, int index) {
    Color color = PALETTE[index % PALETTE.length];
    double[] v = s.values;
    Path2D.Double line = new Path2D.Double();
    boolean pen = false;
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        pen = false; // a gap: no value at this level
        continue;
      }
      if (pen) {
        line.lineTo(x(i), y(v[i]));
      } else {
        line.moveTo(x(i), y(v[i]));
        pen = true;
      }
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(line);
    for (int i = 0; i < v.length; i++) {
      if (Double.isFinite(v[i])) {
        marker(g, new Point2D.Double(x(i), y(v[i])), index, color);
      }
    }
  }

  private void drawLegend(Graphics2D g) {
    g.setFont(LEGEND_FONT);
    FontMetrics fm = g.getFontMetrics();
    double xx = RIGHT + 40;
    double yy = TOP + 10;
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      Color color = PALETTE[s % PALETTE.length];
      g.setColor(color);
      g.setStroke(new BasicStroke(2.4f));
      g.draw(new Line2D.Double(xx, yy - 5, xx + 30, yy - 5));
      marker(g, new Point2D.Double(xx + 15, yy - 5), s, color);
      g.setColor(Color.BLACK);
      g.drawString(one.name(), (float) (xx + 40), (float) yy);
      if (one.empty()) {
        g.setColor(MUTED);
        g.drawString("no value: not drawn", (float) (xx + 40), (float) (yy + fm.getHeight()));
        yy += fm.getHeight();
      }
      yy += fm.getHeight() + 10;
    }
  }

  /** Marker {@code index}: circle, square, triangle, diamond, inverted triangle, then again. */
  private static void marker(Graphics2D g, Point2D at, int index, Color color) {
    double r = 6;
    double cx = at.getX();
    double cy = at.getY();
    Shape shape = switch (index % 5) {
      case 0 -> new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
      case 1 -> new Rectangle2D.Double(cx - r * 0.9, cy - r * 0.9, 1.8 * r, 1.8 * r);
      case 2 -> polygon(cx, cy - r * 1.2, cx + r * 1.1, cy + r * 0.8, cx - r * 1.1, cy + r * 0.8);
      case 3 -> polygon(cx, cy - r * 1.3, cx + r * 1.1, cy, cx, cy + r * 1.3, cx - r * 1.1, cy);
      default -> polygon(cx, cy + r * 1.2, cx + r * 1.1, cy - r * 0.8, cx - r * 1.1, cy - r * 0.8);
    };
    g.setColor(color);
    g.fill(shape);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.draw(shape);
  }

  private static Shape polygon(double... xy) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int k = 2; k < xy.length; k += 2) {
      p.lineTo(xy[k], xy[k + 1]);
    }
    p.closePath();
    return p;
  }
}

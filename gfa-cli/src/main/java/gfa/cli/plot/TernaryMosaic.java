package gfa.cli.plot;

import gfa.core.ternary.Candidate;
import gfa.core.ternary.ConnectedRegions;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
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
import java.util.List;
import java.util.Locale;

/**
 * Several ternary maps of one system side by side, for comparing them at a glance: the rounds of
 * a campaign ({@code gfa campaign status}), or the pruning levels of a study ({@code gfa study},
 * like the paper's Fig. 3c-g). Each panel is a compact version of {@link TernaryFigure}'s map: the
 * normalised prediction in viridis, the top points outlined in white, the candidates as numbered
 * markers, and optional extra markers (alloys measured in the lab, alloys reported in the
 * literature). One drawing routine renders both the PNG and the SVG.
 */
public final class TernaryMosaic {
  /** How an extra marker is drawn. */
  public enum Style {
    /** No glass: a black cross. */
    CRYSTALLINE("crystalline", Color.BLACK),
    /** Glassy ribbon only: a hollow square. */
    RIBBON("glassy ribbon", Color.WHITE),
    /** Bulk glass: a filled red diamond. */
    BULK_GLASS("bulk glass (rod)", new Color(0xE6, 0x19, 0x4B)),
    /** A reported alloy, hollow circle. */
    REPORTED("reported alloy", Color.WHITE);

    private final String label;
    private final Color color;

    Style(String label, Color color) {
      this.label = label;
      this.color = color;
    }

    public String label() {
      return label;
    }
  }

  /** An alloy to mark on a panel, at its at.% of A, B and C. */
  public record Marker(double a, double b, double c, Style style) {}

  /** One map: its selection, a caption of one or two lines, extra markers, and the numbered candidates. */
  public record Panel(TernarySelection selection, List<String> caption, List<Marker> markers, List<Candidate> candidates) {
    public Panel {
      caption = List.copyOf(caption);
      markers = List.copyOf(markers);
      candidates = List.copyOf(candidates);
    }

    /** A panel whose candidates are its selection's own (the paper's pair). */
    public Panel(TernarySelection selection, List<String> caption, List<Marker> markers) {
      this(selection, caption, markers, selection.candidates());
    }
  }

  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 22);
  private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font SUBCAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
  private static final Color MUTED = new Color(0x44, 0x44, 0x44);
  private static final double CELL_OVERLAP = 1.0;

  private static final double SIDE = 330;
  private static final double PANEL_WIDTH = 470;
  private static final double PANEL_HEIGHT = 470;
  private static final double TOP = 60;
  private static final double LEGEND_HEIGHT = 50;
  /** The legend with every marker style is about 1400 px long at LEGEND_FONT. */
  private static final double MIN_WIDTH = 1440;

  private final String title;
  private final List<Panel> panels;
  private final int columns;
  private final int width;
  private final int height;

  /**
   * @param title the figure title
   * @param panels the maps, left to right, then top to bottom
   * @param columns panels per row
   */
  public TernaryMosaic(String title, List<Panel> panels, int columns) {
    if (panels.isEmpty() || columns < 1) {
      throw new IllegalArgumentException("at least one panel and one column");
    }
    this.title = title;
    this.panels = List.copyOf(panels);
    this.columns = Math.min(columns, panels.size());
    int rows = (panels.size() + this.columns - 1) / this.columns;
    // At least as wide as the legend line below the panels, which one or two panels would not be.
    this.width = (int) Math.round(Math.max(this.columns * PANEL_WIDTH + 40, MIN_WIDTH));
    this.height = (int) Math.round(TOP + rows * PANEL_HEIGHT + LEGEND_HEIGHT);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public byte[] png() throws IOException {
    return Rendering.png(width, height, this::draw);
  }

  public String svg() {
    return Rendering.svg(width, height, this::draw);
  }

  /** The whole mosaic: the one routine behind both the PNG and the SVG. */
  public void draw(Graphics2D g) {
    Rendering.blankPage(g, width, height);
    g.setColor(Color.BLACK);
    g.setFont(TITLE_FONT);
    FontMetrics fm = g.getFontMetrics();
    g.drawString(title, (float) ((width - fm.stringWidth(title)) / 2.0), 36f);
    for (int p = 0; p < panels.size(); p++) {
      double x = (width - columns * PANEL_WIDTH) / 2 + (p % columns) * PANEL_WIDTH;
      double y = TOP + (p / columns) * PANEL_HEIGHT;
      drawPanel(g, panels.get(p), x, y);
    }
    drawLegend(g, height - LEGEND_HEIGHT + 25);
  }

  private void drawPanel(Graphics2D g, Panel panel, double x, double y) {
    TernarySelection s = panel.selection();
    TernaryGrid grid = s.grid();
    String[] elements = grid.system().elements().stream().map(e -> e.symbol()).toArray(String[]::new);
    g.setColor(Color.BLACK);
    for (int line = 0; line < panel.caption().size(); line++) {
      g.setFont(line == 0 ? CAPTION_FONT : SUBCAPTION_FONT);
      g.setColor(line == 0 ? Color.BLACK : MUTED);
      FontMetrics fm = g.getFontMetrics();
      String text = panel.caption().get(line);
      g.drawString(text, (float) (x + (PANEL_WIDTH - fm.stringWidth(text)) / 2.0), (float) (y + 16 + 18 * line));
    }
    double left = x + (PANEL_WIDTH - SIDE) / 2.0 - 10;
    double bottom = y + PANEL_HEIGHT - 75;
    TernaryAxes axes = new TernaryAxes(elements, left, bottom, SIDE);

    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    for (int i = 0; i < grid.size(); i++) { // edge cells cut to the triangle (TernaryAxes.cellInTriangle), not clipped
      g.setColor(Viridis.color(s.normalized(i)));
      g.fill(axes.cellInTriangle(grid, i, CELL_OVERLAP));
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    axes.drawGridLines(g, new Color(255, 255, 255, 70), 0.8f, 10); // 10 at.% lines to read compositions by
    boolean[] top = s.top();
    g.setColor(new Color(255, 255, 255, 200));
    g.setStroke(new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(axes.outline(grid, top));
    s.largestRegion().ifPresent(region -> {
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(axes.outline(grid, mask(grid, region)));
    });
    axes.drawFrame(g);
    drawCorners(g, axes, elements);

    for (Marker m : panel.markers()) {
      marker(g, axes.point(m.a(), m.b(), m.c()), m.style());
    }
    List<Candidate> candidates = panel.candidates();
    for (int k = candidates.size() - 1; k >= 0; k--) {
      int[] p = candidates.get(k).atPercent();
      numbered(g, axes.point(p[0], p[1], p[2]), candidates.get(k).rank());
    }
    g.setFont(SUBCAPTION_FONT);
    g.setColor(MUTED);
    String range = "D_max " + TernaryFigure.mm(s.min()) + "\u2013" + TernaryFigure.mm(s.max()) + " mm; max at "
        + grid.composition(s.argmax()).format();
    FontMetrics fm = g.getFontMetrics();
    g.drawString(range, (float) (x + (PANEL_WIDTH - fm.stringWidth(range)) / 2.0), (float) (bottom + 34));
  }

  /** Corner names only: tick labels would crowd a small panel. */
  private static void drawCorners(Graphics2D g, TernaryAxes axes, String[] elements) {
    g.setColor(Color.BLACK);
    g.setFont(CAPTION_FONT);
    FontMetrics fm = g.getFontMetrics();
    Point2D a = axes.point(1, 0, 0);
    Point2D b = axes.point(0, 1, 0);
    Point2D c = axes.point(0, 0, 1);
    g.drawString(elements[0], (float) (a.getX() - 6 - fm.stringWidth(elements[0])), (float) (a.getY() + 6));
    g.drawString(elements[1], (float) (b.getX() + 6), (float) (b.getY() + 6));
    g.drawString(elements[2], (float) (c.getX() - fm.stringWidth(elements[2]) / 2.0), (float) (c.getY() - 8));
  }

  private void drawLegend(Graphics2D g, double y) {
    g.setFont(LEGEND_FONT);
    FontMetrics fm = g.getFontMetrics();
    double x = 30;
    numbered(g, new Point2D.Double(x + 8, y - 5), 1);
    x = legendText(g, fm, "candidates (rank)", x + 22, y);
    Shape swatch = new Rectangle2D.Double(x, y - 14, 22, 14);
    g.setColor(Viridis.color(0.9));
    g.fill(swatch);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(2.2f));
    g.draw(swatch);
    x = legendText(g, fm, "largest top region (thin: other top points)", x + 30, y);
    boolean[] used = new boolean[Style.values().length];
    panels.forEach(p -> p.markers().forEach(m -> used[m.style().ordinal()] = true));
    for (Style style : Style.values()) {
      if (used[style.ordinal()]) {
        marker(g, new Point2D.Double(x + 8, y - 5), style);
        x = legendText(g, fm, style.label(), x + 22, y);
      }
    }
    legendText(g, fm, "colour: predicted D_max normalised within each map (viridis)", x, y);
  }

  private static double legendText(Graphics2D g, FontMetrics fm, String text, double x, double y) {
    g.setColor(Color.BLACK);
    g.setFont(fm.getFont());
    g.drawString(text, (float) x, (float) y);
    return x + fm.stringWidth(text) + 28;
  }

  private static void marker(Graphics2D g, Point2D at, Style style) {
    double r = 5;
    g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    switch (style) {
      case CRYSTALLINE -> {
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        cross(g, at, r);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        cross(g, at, r);
      }
      case RIBBON -> {
        Shape box = new Rectangle2D.Double(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(Color.BLACK);
        g.draw(box);
      }
      case BULK_GLASS -> {
        Path2D.Double diamond = new Path2D.Double();
        double d = r * 1.4;
        diamond.moveTo(at.getX(), at.getY() - d);
        diamond.lineTo(at.getX() + d, at.getY());
        diamond.lineTo(at.getX(), at.getY() + d);
        diamond.lineTo(at.getX() - d, at.getY());
        diamond.closePath();
        g.setColor(style.color);
        g.fill(diamond);
        g.setColor(Color.BLACK);
        g.draw(diamond);
      }
      case REPORTED -> {
        Shape dot = new Ellipse2D.Double(at.getX() - 3.5, at.getY() - 3.5, 7, 7);
        g.setColor(Color.WHITE);
        g.fill(dot);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(dot);
      }
    }
  }

  private static void cross(Graphics2D g, Point2D at, double r) {
    g.draw(new Line2D.Double(at.getX() - r, at.getY() - r, at.getX() + r, at.getY() + r));
    g.draw(new Line2D.Double(at.getX() - r, at.getY() + r, at.getX() + r, at.getY() - r));
  }

  private static void numbered(Graphics2D g, Point2D at, int rank) {
    Rendering.numberedMarker(g, at, rank, 8, 1.6f, MARKER_FONT);
  }

  private static boolean[] mask(TernaryGrid grid, ConnectedRegions.Region region) {
    boolean[] m = new boolean[grid.size()];
    for (int i : region.indices()) {
      m[i] = true;
    }
    return m;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TernaryMosaic[%s, %d panels]", title, panels.size());
  }
}

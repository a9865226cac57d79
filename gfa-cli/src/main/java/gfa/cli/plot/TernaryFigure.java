package gfa.cli.plot;

import gfa.core.Element;
import gfa.core.io.CsvTable;
import gfa.core.pruning.TernarySystem;
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
import org.jfree.svg.SVGHints;

/**
 * The ternary map of a prediction, in the manner of Fig. 4 of Gong et al. (2024): two panels side
 * by side, 1600 x 800 px.
 *
 * <ul>
 *   <li>(a) the normalised predicted D_max over the whole triangle, one viridis-coloured cell per
 *       grid point, with a colour bar, the 10 at.% grid, ticks and labels on the three edges, and
 *       the largest top region outlined in white;
 *   <li>(b) the same triangle with only the top points: the largest connected region in
 *       vermillion, other top points in sky blue (Okabe-Ito colours), the candidate lattice as grey
 *       dots, the two candidates as numbered markers, excluded alloys as crosses, and a legend.
 * </ul>
 *
 * <p>{@link #draw(Graphics2D)} is the only drawing routine; {@link #png()} runs it on a
 * {@link BufferedImage}, {@link #svg()} on JFreeSVG's {@link SVGGraphics2D}, so the two files
 * always show the same picture. Needs no display (headless AWT).
 */
public final class TernaryFigure {
  public static final int WIDTH = 1600;
  public static final int HEIGHT = 800;

  /** Okabe-Ito vermillion: the largest top region. */
  static final Color LARGEST = new Color(0xD5, 0x5E, 0x00);
  /** Okabe-Ito sky blue: top points outside the largest region. */
  static final Color OTHER_TOP = new Color(0x56, 0xB4, 0xE9);
  private static final Color GRID_LINE = new Color(0xDD, 0xDD, 0xDD);
  private static final Color LATTICE = new Color(0x99, 0x99, 0x99);
  private static final Color MUTED = new Color(0x44, 0x44, 0x44);

  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 24);
  private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font HEADING_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);


  /** Pixels by which neighbouring cells overlap, so that no seams show between them. */
  private static final double CELL_OVERLAP = 1.2;

  private static final double SIDE = 580;
  private static final double BOTTOM = 695;
  private static final double LEFT_PANEL = 80;
  private static final double RIGHT_PANEL = 880;

  private final TernarySelection selection;
  private final List<Candidate> candidates;
  private final String title;
  private final String[] elements;

  /**
   * @param selection the predictions, top points and candidates to show
   * @param title the figure title, e.g. {@code Zr-Al-Cu — trained on subdataset 3}
   */
  public TernaryFigure(TernarySelection selection, String title) {
    this(selection, selection.candidates(), title);
  }

  /**
   * @param selection the predictions and top points to show
   * @param candidates the alloys proposed (a batch chosen by an acquisition function, or the paper's pair)
   * @param title the figure title
   */
  public TernaryFigure(TernarySelection selection, List<Candidate> candidates, String title) {
    this.selection = selection;
    this.candidates = List.copyOf(candidates);
    this.title = title;
    this.elements = selection.grid().system().elements().stream().map(e -> e.symbol()).toArray(String[]::new);
  }

  /** The figure as PNG bytes. */
  public byte[] png() throws IOException {
    return Rendering.png(WIDTH, HEIGHT, this::draw);
  }

  /**
   * Loads and compiles what the first figure would otherwise load and compile on its own (fonts,
   * the rasteriser, the PNG writer, the drawing code itself) by drawing a small made-up map to PNG
   * and throwing it away (the SVG is drawn beside the PNG, so it needs no warm-up of its own). Callers run it in the background while they do other
   * work (loading or training a model); it only saves time.
   */
  public static void warmUp() {
    TernaryGrid grid = TernaryGrid.of(new TernarySystem(Element.of("Cu"), Element.of("Zr"), Element.of("Al")), 4);
    double[] bump = new double[grid.size()];
    for (int i = 0; i < bump.length; i++) {
      double da = grid.a(i) - 40;
      double db = grid.b(i) - 40;
      bump[i] = Math.exp(-(da * da + db * db) / 400.0);
    }
    TernaryFigure figure = new TernaryFigure(TernarySelection.select(grid, bump,
        new TernarySelection.Options(10, 20, List.of())), "warm-up \u2014 not shown");
    try {
      figure.png();
    } catch (IOException e) {
      // Only a warm-up: the real figure reports its own problems.
    }
  }

  /** The figure as an SVG document. */
  public String svg() {
    return Rendering.svg(WIDTH, HEIGHT, this::draw);
  }

  /** Draws the whole figure: the one routine behind both the PNG and the SVG. */
  public void draw(Graphics2D g) {
    Rendering.blankPage(g, WIDTH, HEIGHT);

    drawTitle(g);
    TernaryAxes left = new TernaryAxes(elements, LEFT_PANEL, BOTTOM, SIDE);
    TernaryAxes right = new TernaryAxes(elements, RIGHT_PANEL, BOTTOM, SIDE);
    group(g, "heat-map");
    drawHeatMap(g, left);
    endGroup(g);
    group(g, "top-region");
    drawTopPanel(g, right);
    endGroup(g);
  }

  private void drawTitle(Graphics2D g) {
    g.setColor(Color.BLACK);
    g.setFont(TITLE_FONT);
    FontMetrics fm = g.getFontMetrics();
    g.drawString(title, (float) ((WIDTH - fm.stringWidth(title)) / 2.0), 38f);
    TernaryGrid grid = selection.grid();
    String subtitle = String.format(Locale.ROOT,
        "%d compositions on a %d at.%% grid \u00b7 predicted D_max from %s to %s mm \u00b7 top %s%%: interior points above %s mm "
            + "(index %d of the %d sorted predictions)",
        grid.size(), grid.step(), mm(selection.min()), mm(selection.max()),
        CsvTable.formatNumber(selection.options().topPercent()), mm(selection.threshold()),
        selection.thresholdIndex(), grid.size());
    g.setFont(SUBTITLE_FONT);
    g.setColor(MUTED);
    fm = g.getFontMetrics();
    g.drawString(subtitle, (float) ((WIDTH - fm.stringWidth(subtitle)) / 2.0), 64f);
  }

  // ---------------------------------------------------------------- (a) heat map

  private void drawHeatMap(Graphics2D g, TernaryAxes axes) {
    TernaryGrid grid = selection.grid();
    heading(g, "(a) Predicted D_max, normalized within " + selection.grid().system().name(), LEFT_PANEL - 55);

    // Cells edge to edge, without antialiasing so that no seams show between them. Only the cells
    // of edge and corner points reach outside the triangle, so only they are cut to it; they are
    // drawn first, as when they were clipped.
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    for (int i = 0; i < grid.size(); i++) {
      if (!grid.isInterior(i)) {
        g.setColor(Viridis.color(selection.normalized(i)));
        g.fill(axes.cellInTriangle(grid, i, CELL_OVERLAP));
      }
    }
    for (int i = 0; i < grid.size(); i++) {
      if (grid.isInterior(i)) {
        g.setColor(Viridis.color(selection.normalized(i)));
        g.fill(axes.cell(grid, i, CELL_OVERLAP));
      }
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    axes.drawGridLines(g, new Color(255, 255, 255, 90), 1f, 10);
    selection.largestRegion().ifPresent(region -> {
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(axes.outline(grid, mask(region)));
    });
    axes.drawFrame(g);
    axes.drawTicksAndLabels(g, 10);
    drawColourBar(g, axes);

    g.setFont(LEGEND_FONT);
    g.setColor(MUTED);
    double x = LEFT_PANEL - 55;
    g.drawString("0 = " + mm(selection.min()) + " mm, 1 = " + mm(selection.max()) + " mm", (float) x, 128f);
    if (selection.largestRegion().isPresent()) {
      g.setColor(Color.WHITE);
      g.fill(new Rectangle2D.Double(x, 141, 22, 12));
      g.setColor(MUTED);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Rectangle2D.Double(x, 141, 22, 12));
      g.drawString("outline: largest top region", (float) (x + 30), 152f);
    }
  }

  private void drawColourBar(Graphics2D g, TernaryAxes axes) {
    double x = axes.right() + 40;
    double top = axes.top();
    double bottom = axes.bottom();
    double width = 20;
    int steps = 128;
    double h = (bottom - top) / steps;
    for (int k = 0; k < steps; k++) {
      double value = (k + 0.5) / steps;
      g.setColor(Viridis.color(value));
      // Each band overlaps the next by a pixel so no seam shows.
      g.fill(new Rectangle2D.Double(x, bottom - (k + 1) * h - 0.5, width, h + 1));
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x, top, width, bottom - top));
    g.setFont(TernaryAxes.TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    for (int t = 0; t <= 5; t++) {
      double value = t / 5.0;
      double y = bottom - value * (bottom - top);
      g.draw(new Line2D.Double(x + width, y, x + width + 5, y));
      String label = String.format(Locale.ROOT, "%.1f", value);
      g.drawString(label, (float) (x + width + 8), (float) (y + fm.getAscent() * 0.8 / 2));
    }
    g.setFont(TernaryAxes.AXIS_FONT);
    fm = g.getFontMetrics();
    TernaryAxes.centred(g, fm, "normalized predicted D_max", x + width + 50, (top + bottom) / 2, -Math.PI / 2);
  }

  // ---------------------------------------------------------------- (b) top region and candidates

  private void drawTopPanel(Graphics2D g, TernaryAxes axes) {
    TernaryGrid grid = selection.grid();
    String topName = "top " + CsvTable.formatNumber(selection.options().topPercent()) + "%";
    heading(g, "(b) The " + topName + " and the next two alloys to cast", RIGHT_PANEL - 55);
    axes.drawGridLines(g, GRID_LINE, 1f, 10);

    boolean[] largest = selection.largestRegion().map(this::mask).orElse(new boolean[grid.size()]);
    // Top points are interior points: their cells stay inside the triangle.
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    for (int i = 0; i < grid.size(); i++) {
      if (selection.isTop(i)) {
        g.setColor(largest[i] ? LARGEST : OTHER_TOP);
        g.fill(axes.cell(grid, i, CELL_OVERLAP));
      }
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    if (selection.largestRegion().isPresent()) {
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(axes.outline(grid, largest));
    }

    int step = selection.options().candidateStep();
    double dot = step >= 5 ? 1.6 : 1.0;
    g.setColor(LATTICE);
    Path2D.Double dots = new Path2D.Double();
    for (int a = step; a < 100; a += step) {
      for (int b = step; a + b < 100; b += step) {
        Point2D p = axes.point(a, b, 100 - a - b);
        dots.append(new Ellipse2D.Double(p.getX() - dot, p.getY() - dot, 2 * dot, 2 * dot), false);
      }
    }
    g.fill(dots);

    for (int i : selection.excludedOnGrid()) {
      cross(g, axes.point(grid, i), 5);
    }
    axes.drawFrame(g);
    axes.drawTicksAndLabels(g, 10);
    for (int k = candidates.size() - 1; k >= 0; k--) {
      Candidate c = candidates.get(k);
      int[] p = c.atPercent();
      marker(g, axes.point(p[0], p[1], p[2]), c.rank());
    }
    drawLegend(g, RIGHT_PANEL - 55, topName);
  }

  private void drawLegend(Graphics2D g, double x, String topName) {
    g.setFont(LEGEND_FONT);
    FontMetrics fm = g.getFontMetrics();
    double y = 128;
    double line = 23;
    double textX = x + 30;
    int[] sizes = selection.regionSizes();
    if (sizes.length > 0) {
      swatch(g, x, y, LARGEST);
      text(g, fm, "largest " + topName + " region (" + sizes[0] + (sizes[0] == 1 ? " point)" : " points)"), textX, y);
      y += line;
      int others = selection.topCount() - sizes[0];
      if (others > 0) {
        swatch(g, x, y, OTHER_TOP);
        text(g, fm, "other " + topName + (others == 1 ? " point (" : " points (") + others + " in " + (sizes.length - 1) + " region"
            + (sizes.length == 2 ? "" : "s") + ")", textX, y);
        y += line;
      }
    } else {
      text(g, fm, "no point above the " + topName + " threshold", x, y);
      y += line;
    }
    double mmX = textX;
    for (Candidate c : candidates) {
      mmX = Math.max(mmX, textX + fm.stringWidth(c.composition().format()) + 18);
    }
    for (Candidate c : candidates) {
      marker(g, new Point2D.Double(x + 11, y - 5), c.rank());
      text(g, fm, c.composition().format(), textX, y);
      text(g, fm, mm(c.predicted()) + " mm", mmX, y);
      y += line;
    }
    g.setColor(LATTICE);
    g.fill(new Ellipse2D.Double(x + 9, y - 7, 4, 4));
    text(g, fm, selection.options().candidateStep() + " at.% lattice", textX, y);
    y += line;
    if (selection.excludedOnGrid().length > 0) {
      cross(g, new Point2D.Double(x + 11, y - 5), 5);
      text(g, fm, "excluded (" + selection.excludedOnGrid().length + ")", textX, y);
    }
  }

  // ---------------------------------------------------------------- small pieces

  private boolean[] mask(ConnectedRegions.Region region) {
    boolean[] m = new boolean[selection.grid().size()];
    for (int i : region.indices()) {
      m[i] = true;
    }
    return m;
  }

  private static void heading(Graphics2D g, String text, double x) {
    g.setColor(Color.BLACK);
    g.setFont(HEADING_FONT);
    g.drawString(text, (float) x, 100f);
  }

  private static void text(Graphics2D g, FontMetrics fm, String text, double x, double y) {
    g.setColor(Color.BLACK);
    g.setFont(fm.getFont());
    g.drawString(text, (float) x, (float) y);
  }

  private static void swatch(Graphics2D g, double x, double y, Color color) {
    Shape box = new Rectangle2D.Double(x + 1, y - 12, 20, 13);
    g.setColor(color);
    g.fill(box);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.draw(box);
  }

  /** A numbered marker: white disc, black ring, the rank in bold. */
  private static void marker(Graphics2D g, Point2D at, int rank) {
    Rendering.numberedMarker(g, at, rank, 10.5, 2f, MARKER_FONT);
  }

  private static void cross(Graphics2D g, Point2D at, double r) {
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(at.getX() - r, at.getY() - r, at.getX() + r, at.getY() + r));
    g.draw(new Line2D.Double(at.getX() - r, at.getY() + r, at.getX() + r, at.getY() - r));
  }

  /** D_max for labels: three significant digits, at least two decimals below 10 mm. */
  static String mm(double value) {
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Opens a named SVG group; a hint that raster graphics keep and ignore. */
  private static void group(Graphics2D g, String id) {
    g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
  }

  private static void endGroup(Graphics2D g) {
    g.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
  }
}

package gfa.cli.workflow;

import gfa.cli.plot.TernaryFigure;
import gfa.core.ternary.TernarySelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * A ternary map drawn twice by the same routine: as PNG and as SVG. The SVG is drawn in a second
 * thread while the PNG is encoded, since both only read the selection.
 *
 * @param seconds wall time of both; {@code pngSeconds} and {@code svgSeconds} each one's own
 */
public record TernaryFigures(byte[] png, String svg, double seconds, double pngSeconds, double svgSeconds) {

  /**
   * Loads fonts and the PNG writer in a background thread, so that the first figure does not pay
   * for them; call it as early as possible (before a model loads or trains) and {@link
   * WarmUp#join()} before drawing.
   */
  public static WarmUp warmUp() {
    System.setProperty("java.awt.headless", "true"); // before any AWT class loads: no display
    return new WarmUp();
  }

  /** Draws {@code selection} with its own candidates (the paper's pair) under {@code title}. */
  public static TernaryFigures draw(TernarySelection selection, String title) {
    return draw(selection, selection.candidates(), title);
  }

  /** Draws {@code selection} with {@code candidates} marked under {@code title}. */
  public static TernaryFigures draw(TernarySelection selection, java.util.List<gfa.core.ternary.Candidate> candidates, String title) {
    System.setProperty("java.awt.headless", "true");
    long start = System.nanoTime();
    TernaryFigure figure = new TernaryFigure(selection, candidates, title);
    double[] svgSeconds = new double[1];
    CompletableFuture<String> svg = CompletableFuture.supplyAsync(() -> {
      long s0 = System.nanoTime();
      String document = figure.svg();
      svgSeconds[0] = seconds(s0);
      return document;
    }, runnable -> Thread.ofPlatform().daemon().name("gfa-plot-svg").start(runnable));
    long p0 = System.nanoTime();
    byte[] png;
    try {
      png = figure.png();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double pngSeconds = seconds(p0);
    String document = svg.join();
    return new TernaryFigures(png, document, seconds(start), pngSeconds, svgSeconds[0]);
  }

  /** The background warm-up of the drawing libraries. */
  public static final class WarmUp {
    private final Thread thread;
    private volatile double seconds;

    private WarmUp() {
      thread = Thread.ofPlatform().daemon().name("gfa-plot-warm-up").start(() -> {
        long w = System.nanoTime();
        TernaryFigure.warmUp();
        seconds = TernaryFigures.seconds(w);
      });
    }

    /** Waits for the warm-up; returns the time it took. */
    public double join() throws InterruptedException {
      thread.join();
      return seconds;
    }
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}

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
    return new WarmUp(true);
  }

  /**
   * No warm-up: for a model that only loads. The warm-up draws a whole figure on a third thread,
   * and beside a load of a quarter of a second on two cores it cost more than it saved:
   * predict-ternary --model took 1.59 s instead of 1.66 s without it (medians of 16 pairs, 2.36 s of
   * CPU instead of 2.48; docs/benchmarks.md, session 9). A training of minutes still hides it.
   */
  public static WarmUp none() {
    System.setProperty("java.awt.headless", "true");
    return new WarmUp(false);
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

    private WarmUp(boolean drawn) {
      thread = !drawn ? null : Thread.ofPlatform().daemon().name("gfa-plot-warm-up").start(() -> {
        long w = System.nanoTime();
        TernaryFigure.warmUp();
        seconds = TernaryFigures.seconds(w);
      });
    }

    /** Waits for the warm-up; returns the time it took (0 without one). */
    public double join() throws InterruptedException {
      if (thread != null) {
        thread.join();
      }
      return seconds;
    }
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}

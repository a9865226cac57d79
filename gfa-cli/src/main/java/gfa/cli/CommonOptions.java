package gfa.cli;

import gfa.core.concurrent.Workers;
import gfa.core.dataset.Labels;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every gfa command takes (a picocli mixin). */
public final class CommonOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing on stderr except errors: no progress bar, no summary line.")
  boolean quiet;

  @Option(names = "--json", description = "Print the result or a summary as JSON on stdout.")
  boolean json;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Seed for everything random (default: ${DEFAULT-VALUE}).")
  long seed;

  /** More worker threads than this only add overhead (and 32768 exceeds what a pool takes). */
  static final int MAX_THREADS = Workers.MAX;

  private int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads, 1 to " + MAX_THREADS + " (default: the number of processors).")
  void setThreads(int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new ParameterException(
          mixee.commandLine(), "--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
    }
    this.threads = threads;
  }

  private double maxDmax = Labels.DEFAULT_MAX_DMAX_MM;

  @Option(
      names = "--max-dmax",
      paramLabel = "MM",
      description = "Commands that read D_max or dmax_mm from a data or results file refuse a value above "
          + "this many mm (default: 100; the largest bulk glass reported is about 80 mm).")
  void setMaxDmax(double mm) {
    if (!(mm > 0) || Double.isInfinite(mm)) {
      throw new ParameterException(mixee.commandLine(), "--max-dmax must be a positive number of mm, not " + mm);
    }
    this.maxDmax = mm;
  }

  public boolean quiet() {
    return quiet;
  }

  public boolean json() {
    return json;
  }

  public long seed() {
    return seed;
  }

  public int threads() {
    return threads;
  }

  /** The upper bound on D_max read from data and results files, in mm. */
  public double maxDmax() {
    return maxDmax;
  }

  /** The thread budget of {@code --threads}, as the plain value the workflows take. */
  public Workers workers() {
    return new Workers(threads);
  }

  /**
   * Runs {@code work} in a pool of {@link #threads()} workers, so that the parallel streams it
   * starts use that many threads, and rethrows whatever it throws unchanged.
   */
  public <T> T withThreads(Callable<T> work) {
    return workers().call(work);
  }
}

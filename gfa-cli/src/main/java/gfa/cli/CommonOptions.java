package gfa.cli;

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

  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: the number of processors).")
  void setThreads(int threads) {
    if (threads < 1) {
      throw new ParameterException(
          mixee.commandLine(), "--threads must be at least 1, not " + threads);
    }
    this.threads = threads;
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

  /**
   * Runs {@code work} in a pool of {@link #threads()} workers, so that the parallel streams it
   * starts use that many threads, and rethrows whatever it throws unchanged.
   */
  public <T> T withThreads(Callable<T> work) {
    ForkJoinPool pool = new ForkJoinPool(threads);
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      pool.submit(
              () -> {
                try {
                  result.set(work.call());
                } catch (Throwable t) {
                  failure.set(t);
                }
              })
          .join();
    } finally {
      pool.shutdown();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    return result.get();
  }
}

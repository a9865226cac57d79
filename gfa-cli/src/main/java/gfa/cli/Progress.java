package gfa.cli;

import java.io.Console;
import java.lang.reflect.Method;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command, as a bar on stderr while a person watches a terminal; silent with
 * {@code --quiet} or when the output goes to a file or a pipe. A thin wrapper over
 * {@code me.tongfei:progressbar}, so commands do not depend on the library directly.
 */
public final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A progress display for {@code total} units of work named {@code task}. */
  public static Progress start(String task, long total, CommonOptions common) {
    if (common.quiet() || !interactive()) {
      return new Progress(null);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(200)
            .clearDisplayOnFinish()
            .build();
    return new Progress(bar);
  }

  /** {@code n} more units done. */
  public void step(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  /** A short status after the bar, e.g. the best score so far. */
  public void message(String text) {
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  /** The work turned out smaller than announced (a search stopped early): finish the bar. */
  public void finishEarly() {
    if (bar != null) {
      bar.maxHint(bar.getCurrent());
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  /**
   * Whether a person is watching: there is a console, and (on JDK 22 and later, where
   * {@code System.console()} exists even when redirected) it is a terminal.
   */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}

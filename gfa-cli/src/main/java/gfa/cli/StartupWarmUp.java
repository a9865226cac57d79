package gfa.cli;

/**
 * Class initialisers that every command touching JSON or element tables runs on its serial path,
 * started on a second thread while picocli builds the command on the main one. During those first
 * 0.2 s the second core is mostly idle (the JIT has not much to compile yet), and later it is not.
 *
 * <ul>
 *   <li>{@code java.math.BigDecimal}: JDK 25's initialiser computes 5^65536 (its {@code
 *       FIVE_TO_2_TO} table), about 20 ms in the interpreter. Jackson's parsers initialise it for
 *       their BigDecimal constants, so every JSON read pays it.
 *   <li>Jackson's {@code ObjectMapper}: its defaults hold a date format, which loads the time-zone
 *       database and the locale providers (about 35 ms).
 *   <li>gfa's element tables (about 25 ms), which featurising needs.
 * </ul>
 *
 * <p>Nothing here changes a result: a class is initialised once whichever thread comes first (the
 * other waits), and the tables are loaded once under their own lock. A failure is ignored here and
 * met again, and reported, where the command needs the class or the tables.
 */
final class StartupWarmUp {
  private StartupWarmUp() {}

  /** Starts the warm-up on a daemon thread: it never delays the JVM's exit. */
  static void start() {
    Thread thread = new Thread(StartupWarmUp::run, "gfa-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      Class.forName("java.math.BigDecimal");
      Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
      gfa.core.data.ElementData.standard();
    } catch (Throwable ignored) { // NOPMD: the command meets and reports the same failure itself
      // nothing to do: see the class comment
    }
  }
}

package gfa.core.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for the tests of {@link AtomicOutput}: writes its first argument's path with
 * {@link AtomicOutput#write}. With {@code slow} it writes a first block, says "writing" on stderr
 * and then waits to be stopped; otherwise it writes {@code hello\n} and exits 0, or exits 3 with
 * the error on stderr.
 */
public final class OutputWriterMain {
  private OutputWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    boolean slow = args.length > 1 && args[1].equals("slow");
    try {
      AtomicOutput.write(target, out -> {
        out.write("hello\n".getBytes(StandardCharsets.UTF_8));
        if (slow) {
          out.write(new byte[1 << 17]); // past the buffer: the temporary file exists and has data
          System.err.println("writing");
          System.err.flush();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
    } catch (java.io.IOException e) {
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }
}

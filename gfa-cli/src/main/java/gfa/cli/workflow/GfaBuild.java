package gfa.cli.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of gfa, as Maven wrote it into {@code gfa/cli/version.properties}. */
public final class GfaBuild {
  private GfaBuild() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" outside a packaged build. */
  public static String version() {
    try (InputStream in = GfaBuild.class.getResourceAsStream("/gfa/cli/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

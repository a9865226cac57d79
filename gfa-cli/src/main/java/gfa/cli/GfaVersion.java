package gfa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code gfa --version}: the project version Maven wrote into {@code gfa/cli/version.properties}. */
public final class GfaVersion implements IVersionProvider {
  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return gfa.cli.workflow.GfaBuild.version();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"gfa " + version()};
  }
}

package gfa.cli;

/**
 * The jar's entry point: answers a lone {@code --version} (or {@code -V}) with the line picocli
 * would print, and hands everything else to {@link Gfa#main}. It is a class of its own because
 * loading {@link Gfa} loads picocli's {@code CommandLine} and every command class its list names
 * (about 50 ms of CPU, a third of {@code gfa --version}'s JVM), none of which a version needs.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String version = versionLine(args);
    if (version != null) {
      System.out.println(version);
      return; // exit status 0; System.exit would load the JDK's logging classes to report the exit
    }
    Gfa.main(args);
  }

  /** The version line for a lone {@code --version} or {@code -V}, else null (as {@link Gfa#isVersionRequest}). */
  static String versionLine(String[] args) {
    boolean asked = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    if (!asked) {
      return null;
    }
    // The jar's manifest has it (read by the class loader already); version.properties, which
    // GfaBuild reads, costs a second opening of the jar and some 30 JDK classes more.
    String version = Main.class.getPackage().getImplementationVersion();
    return "gfa " + (version != null ? version : gfa.cli.workflow.GfaBuild.version());
  }
}

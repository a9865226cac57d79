package gfa.models.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * The machine a model was trained on: the Java runtime, the operating system and architecture,
 * and the versions of XGBoost4J and LightGBM4J, whose jars carry the native libraries that fitted
 * the boosted models (so the jar version names the native build). A model refitted elsewhere may
 * differ in the last bits; this says where to look. Any field is null when unknown (a manifest
 * written before gfa recorded it, or a library whose jar does not say its version).
 *
 * @param javaVersion {@code Runtime.version()}, e.g. {@code 25.0.3+9-LTS}
 * @param javaVendor the {@code java.vendor} property
 * @param osName the {@code os.name} property
 * @param osVersion the {@code os.version} property
 * @param arch the {@code os.arch} property, e.g. {@code amd64}
 * @param xgboost4j the XGBoost4J version, e.g. {@code 2.1.4}
 * @param lightgbm4j the LightGBM4J version, e.g. {@code 4.3.0-1} (LightGBM 4.3.0)
 */
public record RuntimeInfo(
    String javaVersion, String javaVendor, String osName, String osVersion, String arch, String xgboost4j, String lightgbm4j) {

  /** What a manifest written before gfa recorded its runtime says: nothing. */
  public static final RuntimeInfo UNKNOWN = new RuntimeInfo(null, null, null, null, null, null, null);

  /*
   * Maven writes META-INF/maven/GROUP/ARTIFACT/pom.properties into every jar it builds, and the
   * shaded gfa.jar keeps them: the one version record that needs no class of the library (loading
   * XGBoost4J's classes would load its native library). XGBoost4J's artifact names the Scala
   * version it was built for, hence the candidates.
   */
  private static final List<String> XGBOOST4J = List.of(
      "META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties",
      "META-INF/maven/ml.dmlc/xgboost4j_2.13/pom.properties",
      "META-INF/maven/ml.dmlc/xgboost4j/pom.properties");
  private static final List<String> LIGHTGBM4J = List.of("META-INF/maven/io.github.metarank/lightgbm4j/pom.properties");

  private static final RuntimeInfo CURRENT = new RuntimeInfo(
      Runtime.version().toString(), System.getProperty("java.vendor"), System.getProperty("os.name"),
      System.getProperty("os.version"), System.getProperty("os.arch"), mavenVersion(XGBOOST4J), mavenVersion(LIGHTGBM4J));

  /** This JVM's runtime (read once). */
  public static RuntimeInfo current() {
    return CURRENT;
  }

  /** The version in the first of {@code resources} on the class path, or null. */
  static String mavenVersion(List<String> resources) {
    ClassLoader classes = RuntimeInfo.class.getClassLoader();
    for (String resource : resources) {
      try (InputStream in = classes.getResourceAsStream(resource)) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          String version = p.getProperty("version");
          if (version != null && !version.isBlank()) {
            return version.strip();
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        // a damaged jar entry: the version is unknown, which the manifest says with null
      }
    }
    return null;
  }
}

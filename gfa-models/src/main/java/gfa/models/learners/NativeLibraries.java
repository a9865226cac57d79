package gfa.models.learners;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the native libraries of XGBoost4J and LightGBM4J, once per JVM, one at a time.
 *
 * <p>LightGBM4J 4.3.0-1 extracts its libraries to the fixed path
 * {@code ${java.io.tmpdir}/lib_lightgbm.so} (and {@code lib_lightgbm_swig.so}), rewriting the file
 * in place whenever a JVM starts using it. A second JVM on the same machine (a parallel build, a
 * test fork, another {@code gfa} command) thus truncates the library under a JVM that has it
 * mapped, which then dies of SIGBUS. Here each JVM points LightGBM4J at a private temporary
 * directory instead ({@code java.io.tmpdir} is set only while LightGBM4J's class initialiser runs),
 * and deletes the files once they are loaded (a loaded library stays mapped after its file is
 * gone; where a loaded file cannot be deleted, it is deleted on exit). XGBoost4J extracts to a
 * uniquely named temporary file by itself; it is loaded under the same lock so that no other
 * library extraction sees the temporary directory setting.
 */
final class NativeLibraries {
  private static boolean lightgbm;
  private static boolean xgboost;

  private NativeLibraries() {}

  static synchronized void xgboost() {
    if (!xgboost) {
      try {
        Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI", true, NativeLibraries.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("xgboost4j is not on the class path", e);
      } catch (LinkageError e) {
        throw new IllegalStateException("xgboost: cannot load its native library (it needs libgomp): " + e, e);
      }
      xgboost = true;
    }
  }

  static synchronized void lightgbm() {
    if (lightgbm) {
      return;
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("gfa-lightgbm-");
    } catch (IOException e) {
      throw new UncheckedIOException("lightgbm: cannot create a directory for its native library", e);
    }
    String tmpdir = System.getProperty("java.io.tmpdir");
    try {
      System.setProperty("java.io.tmpdir", dir.toString());
      LGBMBooster.loadNative(); // the class initialiser extracts and loads; this call then returns
    } catch (IOException e) {
      throw new UncheckedIOException("lightgbm: cannot load its native library (it needs libgomp)", e);
    } catch (LinkageError e) {
      throw new IllegalStateException("lightgbm: cannot load its native library (it needs libgomp): " + e, e);
    } finally {
      System.setProperty("java.io.tmpdir", tmpdir);
      deleteQuietly(dir);
    }
    if (!LGBMBooster.isNativeLoaded()) {
      throw new IllegalStateException("lightgbm: its native library did not load on "
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " (it needs libgomp)");
    }
    lightgbm = true;
  }

  private static void deleteQuietly(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        try {
          Files.delete(file);
        } catch (IOException e) {
          file.toFile().deleteOnExit(); // e.g. Windows keeps a loaded DLL's file
        }
      }
      Files.delete(dir);
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }
}

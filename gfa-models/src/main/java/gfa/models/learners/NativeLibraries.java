package gfa.models.learners;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Loads the native libraries of XGBoost4J and LightGBM4J, once per JVM, one at a time, from a
 * private directory that is gone once they are loaded.
 *
 * <p>LightGBM4J 4.3.0-1 extracts its libraries to the fixed path
 * {@code ${java.io.tmpdir}/lib_lightgbm.so} (and {@code lib_lightgbm_swig.so}), rewriting the file
 * in place whenever a JVM starts using it. A second JVM on the same machine (a parallel build, a
 * test fork, another {@code gfa} command) thus truncates the library under a JVM that has it
 * mapped, which then dies of SIGBUS. Here each JVM points LightGBM4J at a private temporary
 * directory instead ({@code java.io.tmpdir} is set only while LightGBM4J's class initialiser runs;
 * it reads the property each time).
 *
 * <p>XGBoost4J 2.1 extracts {@code libxgboost4j.so} (14 MB) with {@code File.createTempFile} into
 * the JVM's temporary directory as fixed at start-up, and deletes it only at a normal exit: every
 * killed process leaves a copy in {@code /tmp}. So gfa extracts that library itself (the resource
 * XGBoost4J would pick, found with its own platform detection) into a private directory, loads it,
 * and marks XGBoost4J's loader as initialised; should XGBoost4J's internals ever differ, its own
 * loading is used as before.
 *
 * <p>Extracting XGBoost's library (inflating 14 MB) cost a tenth to a third of a second on every
 * command that loads a model, so it is extracted once into a cache keyed by the content
 * ({@link NativeCache}: the CRC-32 and size the jar records for it) and loaded from there; files in
 * that cache are never rewritten, only created whole and renamed into place, so no JVM can
 * truncate one that another has mapped. Where there is no usable cache, the private copy below is
 * used as before. LightGBM4J always extracts (unless {@code LIGHTGBM_NATIVE_LIB_PATH} is set),
 * so its libraries keep the private directory.
 *
 * <p>A private directory is {@code gfa-native-PID-RANDOM} in the temporary directory, and its files
 * are deleted as soon as they are loaded (a loaded library stays mapped after its file is gone;
 * where a loaded file cannot be deleted, it is deleted on exit). A process killed while loading
 * leaves its directory; the next gfa that loads a library deletes the directories of processes
 * that no longer run.
 */
final class NativeLibraries {
  private static final String PRIVATE_PREFIX = "gfa-native-";

  private static final String XGBOOST_LOADER = "ml.dmlc.xgboost4j.java.NativeLibLoader";

  private static boolean lightgbm;
  private static boolean xgboost;
  private static boolean cleaned;

  private NativeLibraries() {}

  static synchronized void xgboost() {
    if (!xgboost) {
      try {
        preloadXgboost();
        Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI", true, NativeLibraries.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("xgboost4j is not on the class path", e);
      } catch (LinkageError e) {
        throw new IllegalStateException("xgboost: cannot load its native library (it needs libgomp): " + e, e);
      }
      xgboost = true;
    }
  }

  /**
   * Loads XGBoost4J's library from a private copy and tells XGBoost4J it is loaded. Does nothing
   * (XGBoost4J then extracts and loads as usual) where its loader's internals are not as expected.
   */
  private static void preloadXgboost() {
    ClassLoader classes = NativeLibraries.class.getClassLoader();
    Class<?> loader;
    String resource;
    Field initialized;
    try {
      loader = Class.forName(XGBOOST_LOADER, true, classes);
      Method detectOs = accessible(Class.forName(XGBOOST_LOADER + "$OS", true, classes).getDeclaredMethod("detectOS"));
      Method detectArch = accessible(Class.forName(XGBOOST_LOADER + "$Arch", true, classes).getDeclaredMethod("detectArch"));
      Class<?> paths = Class.forName(XGBOOST_LOADER + "$LibraryPathProvider", true, classes);
      Method pathFor = accessible(paths.getDeclaredMethod("getLibraryPathFor",
          detectOs.getReturnType(), detectArch.getReturnType(), String.class));
      resource = (String) pathFor.invoke(null, detectOs.invoke(null), detectArch.invoke(null), "xgboost4j");
      initialized = accessible(loader.getDeclaredField("initialized"));
      if (initialized.getBoolean(null)) {
        return;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return;
    }
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    Path cached = NativeCache.copyOf(loader.getResource(resource), name);
    if (cached != null) {
      try {
        System.load(cached.toString());
        initialized.setBoolean(null, true);
        return;
      } catch (UnsatisfiedLinkError e) {
        // a cached copy the loader refuses: extract a private one, as without a cache
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e); // made accessible above
      }
    }
    Path dir = privateDirectory("xgboost");
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return; // XGBoost4J will say what is missing
      }
      Path file = dir.resolve(name);
      Files.copy(in, file);
      System.load(file.toString());
      initialized.setBoolean(null, true);
    } catch (IOException e) {
      throw new UncheckedIOException("xgboost: cannot extract its native library to " + dir, e);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // made accessible above
    } finally {
      deleteQuietly(dir);
    }
  }

  private static <T extends AccessibleObject> T accessible(T member) {
    member.setAccessible(true);
    return member;
  }

  static synchronized void lightgbm() {
    if (lightgbm) {
      return;
    }
    Path dir = privateDirectory("lightgbm");
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

  /** A fresh private directory, after removing those that killed processes left. */
  private static Path privateDirectory(String library) {
    try {
      Path dir = Files.createTempDirectory(PRIVATE_PREFIX + ProcessHandle.current().pid() + "-");
      if (!cleaned) {
        removeStale(dir.getParent());
        cleaned = true;
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(library + ": cannot create a directory for its native library", e);
    }
  }

  /**
   * Deletes the private directories in {@code tmp} whose process has ended (or whose process id
   * now belongs to a process started after the directory was made).
   */
  static void removeStale(Path tmp) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PRIVATE_PREFIX + "*")) {
      for (Path dir : dirs) {
        String rest = dir.getFileName().toString().substring(PRIVATE_PREFIX.length());
        int dash = rest.indexOf('-');
        if (dash > 0 && rest.substring(0, dash).chars().allMatch(Character::isDigit)
            && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && ownerGone(dir, Long.parseLong(rest.substring(0, dash)))) {
          deleteQuietly(dir);
        }
      }
    } catch (IOException | RuntimeException e) {
      // cleaning up after others is a courtesy; loading goes on
    }
  }

  private static boolean ownerGone(Path dir, long pid) throws IOException {
    Optional<ProcessHandle> owner = ProcessHandle.of(pid);
    if (owner.isEmpty() || !owner.get().isAlive()) {
      return true;
    }
    Optional<Instant> started = owner.get().info().startInstant();
    Instant made = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
    return started.isPresent() && started.get().isAfter(made.plusSeconds(2));
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

package gfa.core.data;

import gfa.core.Element;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * All of gfa's element tables, loaded once. {@link #standard()} reads them from the classpath
 * ({@code gfa/data/elements/}, packaged from {@code data/elements/} of the repository). Immutable and
 * safe to share between threads.
 */
public final class ElementData {
  /** Classpath folder of the tables. */
  static final String RESOURCE_DIR = "gfa/data/elements/";
  static final String PROPERTIES_FILE = "properties.csv";
  static final String MIXING_FILE = "mixing-enthalpy-liquid.csv";
  static final String RATIOS_FILE = "ideal-radius-ratios.csv";
  static final String VERSION_FILE = "VERSION.properties";

  /** Opens one table file by name; the loader does not care whether it comes from a jar or a folder. */
  @FunctionalInterface
  interface Source {
    InputStream open(String fileName) throws IOException;
  }

  private static volatile ElementData standard;

  private final Map<String, PropertyTable> properties;
  private final Map<MiedemaVersion, MiedemaTable> miedema;
  private final MixingEnthalpyTable mixingEnthalpy;
  private final IdealRadiusRatios idealRadiusRatios;
  private final String version;

  private ElementData(Map<String, PropertyTable> properties, Map<MiedemaVersion, MiedemaTable> miedema,
      MixingEnthalpyTable mixingEnthalpy, IdealRadiusRatios idealRadiusRatios, String version) {
    this.properties = Collections.unmodifiableMap(properties);
    this.miedema = Collections.unmodifiableMap(miedema);
    this.mixingEnthalpy = mixingEnthalpy;
    this.idealRadiusRatios = idealRadiusRatios;
    this.version = version;
  }

  /** The tables shipped with gfa, loaded on first use. */
  public static ElementData standard() {
    ElementData d = standard;
    if (d == null) {
      synchronized (ElementData.class) {
        d = standard;
        if (d == null) {
          // Not a holder class: a failed load must be reported again on the next call, not as NoClassDefFoundError.
          d = load(ElementData::openResource);
          standard = d;
        }
      }
    }
    return d;
  }

  private static InputStream openResource(String fileName) throws IOException {
    InputStream in = ElementData.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName);
    if (in == null) {
      throw new IOException(RESOURCE_DIR + fileName + " is not on the classpath"
          + " (the tables in data/elements/ are copied there by 'mvn process-resources')");
    }
    return in;
  }

  /** Loads every table from {@code source}; a missing or malformed table is an {@link IllegalStateException}. */
  static ElementData load(Source source) {
    try {
      Map<MiedemaVersion, MiedemaTable> miedema = new EnumMap<>(MiedemaVersion.class);
      for (MiedemaVersion v : MiedemaVersion.values()) {
        miedema.put(v, readMiedema(read(source, v.fileName()), v));
      }
      return new ElementData(readProperties(read(source, PROPERTIES_FILE)), miedema,
          readMixing(read(source, MIXING_FILE)), readRatios(read(source, RATIOS_FILE)), readVersion(source));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read gfa's element tables: " + e.getMessage(), e);
    }
  }

  private static TableFile read(Source source, String fileName) throws IOException {
    try (InputStream in = source.open(fileName);
         Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return TableFile.parse(fileName, reader);
    }
  }

  /** Checks that row {@code r} is about the element its z and symbol cells say, and returns it. */
  private static Element element(TableFile t, int r, int zColumn, int symbolColumn) {
    int z = t.requiredInt(r, zColumn);
    if (z < 1 || z > Element.COUNT) {
      throw t.error(r, "no element with atomic number " + z);
    }
    Element e = Element.ofZ(z);
    if (!e.symbol().equals(t.cell(r, symbolColumn))) {
      throw t.error(r, "atomic number " + z + " is " + e.symbol() + ", not " + t.cell(r, symbolColumn));
    }
    return e;
  }

  private static Map<String, PropertyTable> readProperties(TableFile t) {
    int zCol = t.columnIndex("z");
    int symbolCol = t.columnIndex("symbol");
    if (t.rowCount() != Element.COUNT) {
      throw new IllegalStateException(t.fileName() + ": " + t.rowCount() + " rows, expected one per element ("
          + Element.COUNT + ")");
    }
    Map<String, PropertyTable> out = new LinkedHashMap<>();
    for (int c = 0; c < t.columns().size(); c++) {
      if (c == zCol || c == symbolCol) {
        continue;
      }
      double[] byZ = new double[Element.COUNT + 1];
      Arrays.fill(byZ, Double.NaN);
      for (int r = 0; r < t.rowCount(); r++) {
        Element e = element(t, r, zCol, symbolCol);
        if (e.z() != r + 1) {
          throw t.error(r, "rows must be in order of atomic number, expected " + (r + 1));
        }
        byZ[e.z()] = t.number(r, c);
      }
      TableFile.Column col = t.columns().get(c);
      out.put(col.name(), new PropertyTable(col.name(), col.unit(), col.source(), col.checkedAgainst(), byZ));
    }
    return out;
  }

  private static MiedemaTable readMiedema(TableFile t, MiedemaVersion version) {
    int zCol = t.columnIndex("z");
    int symbolCol = t.columnIndex("symbol");
    int[] cols = {
        t.columnIndex("molar_volume"), t.columnIndex("electron_density"), t.columnIndex("electronegativity"),
        t.columnIndex("valence_electrons"), t.columnIndex("a_const"), t.columnIndex("R_const"),
        t.columnIndex("H_trans"), t.columnIndex("compressibility"), t.columnIndex("shear_modulus"),
        t.columnIndex("melting_point"), t.columnIndex("structural_stability"),
    };
    MiedemaTable.Params[] byZ = new MiedemaTable.Params[Element.COUNT + 1];
    for (int r = 0; r < t.rowCount(); r++) {
      Element e = element(t, r, zCol, symbolCol);
      if (byZ[e.z()] != null) {
        throw t.error(r, e.symbol() + " is listed twice");
      }
      double[] v = new double[cols.length];
      for (int i = 0; i < cols.length; i++) {
        v[i] = t.requiredNumber(r, cols[i]); // a partial parameter set would poison the model silently
      }
      byZ[e.z()] = new MiedemaTable.Params(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
    return new MiedemaTable(version, byZ);
  }

  private static Element symbol(TableFile t, int r, int column) {
    return Element.find(t.cell(r, column))
        .orElseThrow(() -> t.error(r, "unknown element '" + t.cell(r, column) + "'"));
  }

  private static MixingEnthalpyTable readMixing(TableFile t) {
    int aCol = t.columnIndex("a");
    int bCol = t.columnIndex("b");
    int hCol = t.columnIndex("dH_kJ_per_mol");
    int n = Element.COUNT + 1;
    double[] matrix = new double[n * n];
    Arrays.fill(matrix, Double.NaN);
    for (int r = 0; r < t.rowCount(); r++) {
      Element a = symbol(t, r, aCol);
      Element b = symbol(t, r, bCol);
      if (a.z() >= b.z()) {
        throw t.error(r, "pair " + a + "-" + b + " must be written with the lower atomic number first");
      }
      if (!Double.isNaN(matrix[MixingEnthalpyTable.index(a.z(), b.z())])) {
        throw t.error(r, "pair " + a + "-" + b + " is listed twice");
      }
      double h = t.requiredNumber(r, hCol);
      matrix[MixingEnthalpyTable.index(a.z(), b.z())] = h;
      matrix[MixingEnthalpyTable.index(b.z(), a.z())] = h;
    }
    return new MixingEnthalpyTable(matrix);
  }

  private static IdealRadiusRatios readRatios(TableFile t) {
    int nCol = t.columnIndex("coordination");
    int ratioCol = t.columnIndex("radius_ratio");
    if (t.rowCount() == 0) {
      throw new IllegalStateException(t.fileName() + ": no rows");
    }
    int min = t.requiredInt(0, nCol);
    double[] ratios = new double[t.rowCount()];
    for (int r = 0; r < t.rowCount(); r++) {
      if (t.requiredInt(r, nCol) != min + r) {
        throw t.error(r, "coordination numbers must be consecutive, expected " + (min + r));
      }
      ratios[r] = t.requiredNumber(r, ratioCol);
    }
    return new IdealRadiusRatios(min, ratios);
  }

  private static String readVersion(Source source) throws IOException {
    Properties p = new Properties();
    try (InputStream in = source.open(VERSION_FILE);
         Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    String v = p.getProperty("tables.version");
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(VERSION_FILE + ": no tables.version");
    }
    return v.strip();
  }

  /** The property called {@code name} (e.g. {@code melting_point}, {@code MiracleRadius}). */
  public PropertyTable property(String name) {
    PropertyTable t = properties.get(name);
    if (t == null) {
      throw new IllegalArgumentException("unknown element property '" + name + "' (known: "
          + String.join(", ", properties.keySet()) + ")");
    }
    return t;
  }

  /** The names of all element properties, in table column order. */
  public List<String> propertyNames() {
    return List.copyOf(properties.keySet());
  }

  public MiedemaTable miedema(MiedemaVersion v) {
    return miedema.get(Objects.requireNonNull(v, "Miedema version"));
  }

  public MixingEnthalpyTable mixingEnthalpy() {
    return mixingEnthalpy;
  }

  public IdealRadiusRatios idealRadiusRatios() {
    return idealRadiusRatios;
  }

  /** The tables' version ({@code tables.version} of VERSION.properties), recorded in model provenance. */
  public String version() {
    return version;
  }
}

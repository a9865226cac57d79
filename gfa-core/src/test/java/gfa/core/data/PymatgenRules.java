package gfa.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How pymatgen 2022.11.7 turns its periodic_table.json entries into numbers, re-implemented from
 * reading its source (pymatgen/core/periodic_table.py, Element.__getattr__, row, group, block; and
 * pymatgen/core/units.py for the unit check) so that the test can derive every expected value from the
 * reference file itself. Nothing here is used by gfa at run time.
 */
final class PymatgenRules {
  private PymatgenRules() {}

  /** What {@code Element.<item>} gives: a number, None (no data), or a string pymatgen could not read. */
  enum Kind { NUMBER, NONE, STRING, ABSENT }

  record Value(Kind kind, double number, String text) {
    static Value none() {
      return new Value(Kind.NONE, Double.NaN, null);
    }

    /** As gfa stores it: a number, or NaN for every kind of "no number". */
    double asStored() {
      return kind == Kind.NUMBER ? number : Double.NaN;
    }
  }

  /** Unit names pymatgen's Unit accepts (SUPPORTED_UNIT_NAMES of pymatgen.core.units). */
  private static final Set<String> SUPPORTED_UNITS = Set.of(
      "m", "km", "mile", "ang", "cm", "pm", "bohr", "kg", "g", "amu", "s", "min", "h", "A", "K", "mol", "atom",
      "cd", "byte", "Kb", "Mb", "Gb", "Tb", "kb", "mb", "gb", "tb", "eV", "meV", "Ha", "Ry", "J", "kJ", "C", "e",
      "N", "KN", "MN", "GN", "Pa", "KPa", "MPa", "GPa", "W", "KW", "MW", "GW", "V", "F", "ohm", "S", "Wb");

  // What Python's float() accepts from a string (underscore digit groups aside, which the data never uses).
  private static final Pattern PY_FLOAT = Pattern.compile(
      "[+-]?((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|nan|inf|infinity)");
  private static final Pattern INTEGERS = Pattern.compile("[+-]?\\d+");
  private static final Pattern UNIT_TOKEN = Pattern.compile("([A-Za-z]+)\\s*\\^*\\s*([\\-0-9]*)");

  /** Python's float(text), or null where Python raises ValueError. */
  static Double pyFloat(String text) {
    String t = text.strip();
    if (!PY_FLOAT.matcher(t.toLowerCase(Locale.ROOT)).matches()) {
      return null;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.endsWith("nan")) {
      return Double.NaN;
    }
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(t);
  }

  /** The JSON key pymatgen reads for attribute {@code item}: Python's str.capitalize(), then '_' to ' '. */
  static String jsonKey(String item) {
    return (item.substring(0, 1).toUpperCase(Locale.ROOT) + item.substring(1).toLowerCase(Locale.ROOT))
        .replace('_', ' ');
  }

  /** Element.__getattr__(item) for one element's JSON object. */
  static Value attribute(Map<String, Object> element, String item) {
    Object raw = element.get(jsonKey(item));
    if (raw == null) {
      // Key absent (superheavy elements): pymatgen would fail on float(None); there is no value either way.
      return new Value(Kind.ABSENT, Double.NaN, null);
    }
    if (raw instanceof Double d) {
      return new Value(Kind.NUMBER, d, null);
    }
    String s = (String) raw;
    if (s.startsWith("no data")) {
      return Value.none();
    }
    Double direct = pyFloat(s);
    if (direct != null) {
      return new Value(Kind.NUMBER, direct, null);
    }
    String noBracket = s.replaceAll("\\(.*\\)", ""); // greedy, like re.sub(r'\(.*\)', '', val)
    String[] toks = noBracket.replace("about", "").strip().split(" ", 2);
    if (toks.length != 2) {
      return new Value(Kind.STRING, Double.NaN, s);
    }
    Double v;
    if (toks[1].contains("10<sup>")) {
      // The power is the second integer of the unit text: "10<sup>-8</sup>" -> -8, but
      // "10<sup>12</sup>10<sup>-8</sup>" -> 12. "&gt;" and "high" become 1.
      List<String> ints = new ArrayList<>();
      Matcher m = INTEGERS.matcher(toks[1]);
      while (m.find()) {
        ints.add(m.group());
      }
      if (ints.size() < 2) {
        throw new IllegalStateException("pymatgen would raise IndexError on " + s);
      }
      String mantissa = toks[0].equals("&gt;") || toks[0].equals("high") ? "1" : toks[0];
      v = pyFloat(mantissa + "e" + ints.get(1));
    } else {
      String unit = toks[1].replace("<sup>", "^").replace("</sup>", "").replace("&Omega;", "ohm");
      Matcher m = UNIT_TOKEN.matcher(unit);
      boolean supported = true;
      while (m.find()) {
        supported &= SUPPORTED_UNITS.contains(m.group(1));
      }
      v = supported ? pyFloat(toks[0]) : null;
    }
    return v == null ? new Value(Kind.STRING, Double.NaN, s) : new Value(Kind.NUMBER, v, null);
  }

  /** Element.X: the JSON "X", NaN when absent. */
  static double x(Map<String, Object> element) {
    Object x = element.get("X");
    return x == null ? Double.NaN : (Double) x;
  }

  /** Element.atomic_radius: None when absent or "no data". */
  static double atomicRadius(Map<String, Object> element) {
    Object r = element.get("Atomic radius");
    if (r == null || String.valueOf(r).startsWith("no data")) {
      return Double.NaN;
    }
    return (Double) r;
  }

  /** Element.row (2022.11.7: lanthanides 6, actinides 7). */
  static int row(int z) {
    if (z >= 57 && z <= 71) {
      return 6;
    }
    if (z >= 89 && z <= 103) {
      return 7;
    }
    int[] sizes = {2, 8, 8, 18, 18, 32, 32};
    int total = 0;
    for (int i = 0; i < sizes.length; i++) {
      total += sizes[i];
      if (total >= z) {
        return i + 1;
      }
    }
    return 8;
  }

  /** Element.group of pymatgen before 2022.1 (PR #2343): f elements numbered 3..17 by position. */
  static int groupBefore2022(int z) {
    if (z == 1) {
      return 1;
    }
    if (z == 2) {
      return 18;
    }
    if (z <= 18) {
      int m = (z - 2) % 8;
      return m == 0 ? 18 : m <= 2 ? m : 10 + m;
    }
    if (z <= 54) {
      int m = (z - 18) % 18;
      return m == 0 ? 18 : m;
    }
    int m = (z - 54) % 32;
    return m == 0 ? 18 : m >= 18 ? m - 14 : m;
  }

  /** Element.group of pymatgen 2022.11.7: every f element is 3. */
  static int group2022(int z) {
    return (z >= 57 && z <= 71) || (z >= 89 && z <= 103) ? 3 : groupBefore2022(z);
  }

  /** Element.block letter (2022.11.7; the same rule as before 2022). */
  static char block(int z) {
    boolean fSeries = (z >= 57 && z <= 71) || (z >= 89 && z <= 103);
    if (fSeries) {
      return z == 71 || z == 103 ? 'd' : 'f';
    }
    int g = group2022(z);
    if (g <= 2) {
      return 's';
    }
    return g >= 13 ? 'p' : 'd';
  }

  /** matminer PymatgenData's numeric code for a block letter: f is 3, like d. */
  static double matminerBlockCode(char block) {
    return switch (block) {
      case 's' -> 1.0;
      case 'p' -> 2.0;
      case 'd', 'f' -> 3.0;
      default -> throw new IllegalArgumentException("block " + block);
    };
  }
}

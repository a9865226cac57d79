package gfa.cli;

import gfa.core.GfaInputException;
import gfa.core.data.MiedemaVersion;
import gfa.features.Preset;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How gfa spells its enumerated option values on the command line and in JSON output. */
final class OptionValues {
  private OptionValues() {}

  static String name(Preset preset) {
    return preset.name().toLowerCase(Locale.ROOT);
  }

  static String name(MiedemaVersion version) {
    return version.id();
  }

  /** {@code --preset gong2024|all}. */
  static final class PresetConverter implements ITypeConverter<Preset> {
    @Override
    public Preset convert(String value) {
      for (Preset p : Preset.values()) {
        if (name(p).equals(value.strip().toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
      throw new TypeConversionException(
          "'" + value + "' is not a preset (choose one of " + String.join(", ", new PresetNames()) + ")");
    }
  }

  /** The preset names, for help texts ({@code ${COMPLETION-CANDIDATES}}). */
  static final class PresetNames extends AbstractList<String> {
    private static final List<String> NAMES =
        Arrays.stream(Preset.values()).map(OptionValues::name).toList();

    @Override
    public String get(int i) {
      return NAMES.get(i);
    }

    @Override
    public int size() {
      return NAMES.size();
    }
  }

  /**
   * {@code --miedema paper|2024}: the Miedema parameter table as used for the paper's values, or
   * matminer's table after its 2024 correction of the valence-electron column.
   */
  static final class MiedemaConverter implements ITypeConverter<MiedemaVersion> {
    @Override
    public MiedemaVersion convert(String value) {
      try {
        return MiedemaVersion.parse(value);
      } catch (GfaInputException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The Miedema table version names, for help texts. */
  static final class MiedemaNames extends AbstractList<String> {
    private static final List<String> NAMES =
        Arrays.stream(MiedemaVersion.values()).map(OptionValues::name).toList();

    @Override
    public String get(int i) {
      return NAMES.get(i);
    }

    @Override
    public int size() {
      return NAMES.size();
    }
  }

  /**
   * A wall time such as {@code 90s}, {@code 20m}, {@code 1h30m} or {@code 2h} (hours, minutes and
   * seconds in that order, whole numbers), or ISO-8601 ({@code PT20M}). Zero is refused.
   */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT =
        Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      Duration d = null;
      Matcher m = SHORT.matcher(v);
      if (!v.isEmpty() && m.matches()) {
        try {
          d = Duration.ofHours(part(m.group(1))).plusMinutes(part(m.group(2))).plusSeconds(part(m.group(3)));
        } catch (ArithmeticException | NumberFormatException e) {
          d = null;
        }
      } else if (v.startsWith("pt")) {
        try {
          d = Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
          d = null;
        }
      }
      if (d == null || d.isNegative() || d.isZero()) {
        throw new TypeConversionException("'" + value + "' is not a positive duration such as 90s, 20m or 1h30m");
      }
      return d;
    }

    private static long part(String digits) {
      return digits == null ? 0 : Long.parseLong(digits);
    }
  }
}

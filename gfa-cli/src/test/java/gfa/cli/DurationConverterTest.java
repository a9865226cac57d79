package gfa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The wall times {@code --time-limit} accepts. */
class DurationConverterTest {
  private final OptionValues.DurationConverter converter = new OptionValues.DurationConverter();

  @Test
  void shortForms() {
    assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
    assertEquals(Duration.ofMinutes(20), converter.convert("20m"));
    assertEquals(Duration.ofMinutes(90), converter.convert("1h30m"));
    assertEquals(Duration.ofSeconds(2 * 3600 + 5), converter.convert("2h5s"));
    assertEquals(Duration.ofHours(2), converter.convert(" 2H "));
  }

  @Test
  void isoForm() {
    assertEquals(Duration.ofMinutes(20), converter.convert("PT20M"));
    assertEquals(Duration.ofMillis(1500), converter.convert("pt1.5s"));
  }

  @Test
  void refusesWhatIsNotAPositiveDuration() {
    for (String bad : new String[] {"", "h", "20", "5x", "1m30h", "0s", "0h0m", "-3m", "PT0S", "PT-5M", "P1D", "99999999999999999999h"}) {
      assertThrows(TypeConversionException.class, () -> converter.convert(bad), bad);
    }
  }
}

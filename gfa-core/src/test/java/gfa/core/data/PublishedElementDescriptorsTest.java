package gfa.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gfa.core.Element;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The element-property columns reproduce the published descriptors of Gong et al. (2024) for all 6398
 * alloys: mean and std_dev (matminer's bias-corrected form) of X, group, block, atomic_mass,
 * atomic_radius, mendeleev_no, thermal_conductivity, melting_point, and mean electrical_resistivity.
 * This is the evidence for the group (Z-54 / Z-86) and block (f = 3) conventions of properties.csv.
 * The composition parsing here is a minimal test helper, not gfa's composition parser.
 */
class PublishedElementDescriptorsTest {
  private static final List<String> WITH_STD = List.of("X", "group", "block", "atomic_mass", "atomic_radius",
      "mendeleev_no", "thermal_conductivity", "melting_point");
  private static final Pattern TOKEN = Pattern.compile("([A-Z][a-z]?)([0-9.]+)");

  private record Part(Element element, double fraction) {}

  private static List<Part> composition(String text) {
    List<Part> parts = new ArrayList<>();
    double total = 0;
    for (String token : text.strip().split("\\s+")) {
      Matcher m = TOKEN.matcher(token);
      assertTrue(m.matches(), token);
      double amount = Double.parseDouble(m.group(2));
      parts.add(new Part(Element.of(m.group(1)), amount));
      total += amount;
    }
    List<Part> out = new ArrayList<>();
    for (Part p : parts) {
      out.add(new Part(p.element(), p.fraction() / total));
    }
    return out;
  }

  /**
   * Agreement at the precision the file prints: 3 significant digits for E-notation, else ~1e-6. The
   * 1e-12 slack absorbs rounding noise printed for values that are exactly 0 (std_dev block 1.04E-15).
   */
  private static boolean agrees(double mine, String published) {
    double p = Double.parseDouble(published);
    if (published.contains("E")) {
      int exponent = Integer.parseInt(published.substring(published.indexOf('E') + 1));
      return Math.abs(mine - p) <= 0.5 * Math.pow(10, exponent - 2) * (1 + 1e-9) + 1e-12;
    }
    return Math.abs(mine - p) <= 1e-6 * Math.max(1.0, Math.abs(p));
  }

  @Test
  void reproducesThePublishedElementPropertyDescriptors() throws IOException {
    List<String> lines = Files.readAllLines(
        ReferenceFiles.require("gong2024/features_trainset_all.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    ElementData data = ElementData.standard();
    int rows = 0;
    int compared = 0;
    List<String> failures = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      String comp = cells[header.indexOf("composition")];
      List<Part> parts = composition(comp);
      double sumSquares = parts.stream().mapToDouble(p -> p.fraction() * p.fraction()).sum();
      rows++;
      List<String> props = new ArrayList<>(WITH_STD);
      props.add("electrical_resistivity");
      for (String prop : props) {
        PropertyTable t = data.property(prop);
        double mean = 0;
        for (Part p : parts) {
          mean += p.fraction() * t.value(p.element());
        }
        String published = cells[header.indexOf("PymatgenData mean " + prop)];
        compared++;
        if (!agrees(mean, published)) {
          failures.add(comp + " mean " + prop + ": " + mean + " vs " + published);
        }
        if (!WITH_STD.contains(prop)) {
          continue;
        }
        double var = 0;
        for (Part p : parts) {
          double d = t.value(p.element()) - mean;
          var += p.fraction() * d * d;
        }
        double std = parts.size() == 1 ? 0.0 : Math.sqrt(var / (1 - sumSquares));
        String publishedStd = cells[header.indexOf("PymatgenData std_dev " + prop)];
        compared++;
        if (!agrees(std, publishedStd)) {
          failures.add(comp + " std_dev " + prop + ": " + std + " vs " + publishedStd);
        }
      }
    }
    assertEquals(6398, rows);
    assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " disagreements");
    System.out.println("[element tables] published descriptors: " + compared + " values of " + rows
        + " alloys reproduced");
  }
}

package gfa.cli.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.io.CsvTable;
import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.campaign.WeighOut;
import gfa.core.ternary.TernarySelection;
import gfa.models.ternary.CandidateTrust;
import gfa.models.ternary.TernaryMap;
import gfa.models.uncertainty.Neighbour;
import gfa.models.uncertainty.Uncertainty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a ternary map, wherever one is written ({@code gfa predict-ternary}'s directory, a
 * campaign iteration, a study cell): grid.csv, candidates.csv and the two figures. One format,
 * written in one place.
 */
public final class TernaryOutputs {
  public static final String GRID = "grid.csv";
  public static final String CANDIDATES = "candidates.csv";
  public static final String PNG = "ternary.png";
  public static final String SVG = "ternary.svg";
  public static final String SUMMARY = "summary.json";
  public static final String MODEL = "model";

  private TernaryOutputs() {}

  /** grid.csv: composition, one at.% column per element, predicted_D_max, normalized, top. */
  public static CsvTable gridTable(TernarySelection s) {
    return gridTable(s, null);
  }

  /**
   * grid.csv, with {@code predicted_D_max_lower}, {@code predicted_D_max_upper} and {@code p_bmg}
   * after the paper's columns when {@code uncertainty} is not null.
   */
  public static CsvTable gridTable(TernarySelection s, Uncertainty[] uncertainty) {
    TernaryGrid grid = s.grid();
    List<String> header = new ArrayList<>(List.of("composition"));
    grid.system().elements().forEach(e -> header.add(e.symbol()));
    header.addAll(List.of("predicted_D_max", "normalized", "top"));
    if (uncertainty != null) {
      header.addAll(UNCERTAINTY_COLUMNS);
    }
    List<String[]> rows = new ArrayList<>(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      String[] row = {
          grid.composition(i).format(), Integer.toString(grid.a(i)), Integer.toString(grid.b(i)), Integer.toString(grid.c(i)),
          CsvTable.formatNumber(s.predicted(i)), CsvTable.formatNumber(s.normalized(i)), Boolean.toString(s.isTop(i)),
      };
      rows.add(uncertainty == null ? row : concat(row, uncertaintyCells(uncertainty[i])));
    }
    return new CsvTable(header, rows);
  }

  /** The interval and p_bmg columns, in grid.csv and candidates.csv alike. */
  public static final List<String> UNCERTAINTY_COLUMNS = List.of("predicted_D_max_lower", "predicted_D_max_upper", "p_bmg");

  /** The trust columns of candidates.csv. */
  public static final List<String> TRUST_COLUMNS =
      List.of("in_domain", "composition_distance", "descriptor_distance", "nearest_known_alloys");

  /** candidates.csv: rank, composition, one at.% column per element, predicted_D_max, normalized, reason. */
  public static CsvTable candidatesTable(TernarySelection s) {
    return candidatesTable(s.grid(), s.candidates(), null, null, null);
  }

  /** candidates.csv of a map: the paper's columns, then its intervals and trust report, then the weigh-out grams. */
  public static CsvTable candidatesTable(TernaryMap map, Double ingotGrams) {
    return candidatesTable(map.grid(), map.candidates(), map.uncertainty(), map.candidateTrust(), ingotGrams);
  }

  private static CsvTable candidatesTable(TernaryGrid grid, List<Candidate> candidates, Uncertainty[] uncertainty,
      List<CandidateTrust> trust, Double ingotGrams) {
    List<String> header = new ArrayList<>(List.of("rank", "composition"));
    grid.system().elements().forEach(e -> header.add(e.symbol()));
    header.addAll(List.of("predicted_D_max", "normalized", "reason"));
    if (uncertainty != null) {
      header.addAll(UNCERTAINTY_COLUMNS);
    }
    if (trust != null) {
      header.addAll(TRUST_COLUMNS);
    }
    if (ingotGrams != null) {
      grid.system().elements().forEach(e -> header.add("grams_" + e.symbol()));
    }
    List<String[]> rows = new ArrayList<>();
    for (int k = 0; k < candidates.size(); k++) {
      Candidate c = candidates.get(k);
      int[] p = c.atPercent();
      String[] row = {
          Integer.toString(c.rank()), c.composition().format(), Integer.toString(p[0]), Integer.toString(p[1]),
          Integer.toString(p[2]), CsvTable.formatNumber(c.predicted()), CsvTable.formatNumber(c.normalized()), c.reason(),
      };
      if (uncertainty != null) {
        row = concat(row, uncertaintyCells(uncertainty[c.index()]));
      }
      if (trust != null) {
        CandidateTrust t = trust.get(k);
        row = concat(row, new String[] {Boolean.toString(t.distance().inDomain()),
            CsvTable.formatNumber(t.distance().compositionDistance()), CsvTable.formatNumber(t.distance().descriptorDistance()),
            nearestText(t)});
      }
      if (ingotGrams != null) {
        WeighOut w = WeighOut.of(c.composition(), ingotGrams);
        String[] grams = new String[3];
        for (int e = 0; e < 3; e++) {
          grams[e] = CsvTable.formatNumber(w.grams(grid.system().element(e)));
        }
        row = concat(row, grams);
      }
      rows.add(row);
    }
    return new CsvTable(header, rows);
  }

  /** The nearest known alloys as one cell: "Zr50 Cu50 (2 mm); ...". */
  static String nearestText(CandidateTrust t) {
    List<String> parts = new ArrayList<>();
    for (Neighbour n : t.nearest()) {
      parts.add(n.alloy().format() + " (" + CsvTable.formatNumber(n.dmax()) + " mm)");
    }
    return String.join("; ", parts);
  }

  private static String[] uncertaintyCells(Uncertainty u) {
    return new String[] {CsvTable.formatNumber(u.lower()), CsvTable.formatNumber(u.upper()), CsvTable.formatNumber(u.pBmg())};
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A map's tables and figures, rendered and ready to write. */
  /** grid.csv and candidates.csv of a map as text, and the seconds they took. */
  public record Tables(String gridCsv, String candidatesCsv, double seconds) {
    /** Renders the tables of a map (with its uncertainty and trust when it has them). */
    public static Tables of(TernaryMap map, Double ingotGrams) {
      long start = System.nanoTime();
      String grid = gridTable(map.selection(), map.uncertainty()).toCsv();
      String candidates = candidatesTable(map, ingotGrams).toCsv();
      return new Tables(grid, candidates, TernaryFigures.seconds(start));
    }
  }

  public record Rendered(String gridCsv, String candidatesCsv, TernaryFigures figures, double tableSeconds) {
    /** Renders the tables of a map (with its uncertainty and trust when it has them); the figures are drawn already. */
    public static Rendered of(TernaryMap map, TernaryFigures figures, Double ingotGrams) {
      return of(Tables.of(map, ingotGrams), figures);
    }

    /** Tables rendered already, with the figures drawn meanwhile. */
    public static Rendered of(Tables tables, TernaryFigures figures) {
      return new Rendered(tables.gridCsv(), tables.candidatesCsv(), figures, tables.seconds());
    }

    /** Renders the tables of {@code selection}; the figures are drawn already. */
    public static Rendered of(TernarySelection selection, TernaryFigures figures) {
      long start = System.nanoTime();
      String grid = gridTable(selection).toCsv();
      String candidates = candidatesTable(selection).toCsv();
      return new Rendered(grid, candidates, figures, TernaryFigures.seconds(start));
    }

    /** Writes grid.csv, candidates.csv, ternary.png and ternary.svg into {@code dir}. */
    public void writeInto(Path dir) throws IOException {
      Files.writeString(dir.resolve(GRID), gridCsv);
      Files.writeString(dir.resolve(CANDIDATES), candidatesCsv);
      Files.write(dir.resolve(PNG), figures.png());
      Files.writeString(dir.resolve(SVG), figures.svg());
    }
  }

  /** A candidate as summary.json gives it: rank, composition, at.% per element, predictions, reason. */
  public static void putCandidates(ArrayNode candidates, TernarySelection s) {
    putCandidates(candidates, s.grid(), s.candidates());
  }

  /** The candidates of a map, each with its interval, trust report and weigh-out when the map has them. */
  public static void putCandidates(ArrayNode candidates, TernaryMap map, Double ingotGrams) {
    putCandidates(candidates, map.grid(), map.candidates());
    for (int k = 0; k < map.candidates().size(); k++) {
      ObjectNode node = (ObjectNode) candidates.get(k);
      Candidate c = map.candidates().get(k);
      if (map.uncertainty() != null) {
        Uncertainty u = map.uncertainty()[c.index()];
        node.put("predicted_D_max_lower", u.lower());
        node.put("predicted_D_max_upper", u.upper());
        node.put("p_bmg", u.pBmg());
      }
      if (map.candidateTrust() != null) {
        CandidateTrust t = map.candidateTrust().get(k);
        ObjectNode trust = node.putObject("trust");
        trust.put("in_domain", t.distance().inDomain());
        trust.put("composition_distance", t.distance().compositionDistance());
        trust.put("descriptor_distance", t.distance().descriptorDistance());
        ArrayNode nearest = trust.putArray("nearest_known_alloys");
        for (Neighbour n : t.nearest()) {
          nearest.addObject().put("composition", n.alloy().format()).put("system", n.system()).put("D_max", n.dmax())
              .put("composition_distance", n.compositionDistance()).put("descriptor_distance", n.descriptorDistance());
        }
      }
      if (ingotGrams != null) {
        WeighOut w = WeighOut.of(c.composition(), ingotGrams);
        ObjectNode sheet = node.putObject("weigh_out").put("ingot_grams", ingotGrams);
        ObjectNode grams = sheet.putObject("grams");
        for (WeighOut.Line line : w.lines()) {
          grams.put(line.element().symbol(), line.grams());
        }
      }
    }
  }

  private static void putCandidates(ArrayNode candidates, TernaryGrid grid, List<Candidate> list) {
    for (Candidate c : list) {
      ObjectNode node = candidates.addObject();
      node.put("rank", c.rank());
      node.put("composition", c.composition().format());
      putAtPercent(node.putObject("at_percent"), grid, c.atPercent());
      node.put("predicted_D_max", c.predicted());
      node.put("normalized", c.normalized());
      node.put("reason", c.reason());
    }
  }

  /** One field per element of the system, in its order. */
  public static void putAtPercent(ObjectNode node, TernaryGrid grid, int[] amounts) {
    for (int k = 0; k < 3; k++) {
      node.put(grid.system().element(k).symbol(), amounts[k]);
    }
  }

  /** One field per element of the system, in its order. */
  public static void putAtPercent(ObjectNode node, TernaryGrid grid, double[] amounts) {
    for (int k = 0; k < 3; k++) {
      node.put(grid.system().element(k).symbol(), amounts[k]);
    }
  }
}

package gfa.cli.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.io.CsvTable;
import gfa.core.ternary.Candidate;
import gfa.core.ternary.TernaryGrid;
import gfa.core.ternary.TernarySelection;
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
    TernaryGrid grid = s.grid();
    List<String> header = new ArrayList<>(List.of("composition"));
    grid.system().elements().forEach(e -> header.add(e.symbol()));
    header.addAll(List.of("predicted_D_max", "normalized", "top"));
    List<String[]> rows = new ArrayList<>(grid.size());
    for (int i = 0; i < grid.size(); i++) {
      rows.add(new String[] {
          grid.composition(i).format(), Integer.toString(grid.a(i)), Integer.toString(grid.b(i)), Integer.toString(grid.c(i)),
          CsvTable.formatNumber(s.predicted(i)), CsvTable.formatNumber(s.normalized(i)), Boolean.toString(s.isTop(i)),
      });
    }
    return new CsvTable(header, rows);
  }

  /** candidates.csv: rank, composition, one at.% column per element, predicted_D_max, normalized, reason. */
  public static CsvTable candidatesTable(TernarySelection s) {
    List<String> header = new ArrayList<>(List.of("rank", "composition"));
    s.grid().system().elements().forEach(e -> header.add(e.symbol()));
    header.addAll(List.of("predicted_D_max", "normalized", "reason"));
    List<String[]> rows = new ArrayList<>();
    for (Candidate c : s.candidates()) {
      int[] p = c.atPercent();
      rows.add(new String[] {
          Integer.toString(c.rank()), c.composition().format(), Integer.toString(p[0]), Integer.toString(p[1]),
          Integer.toString(p[2]), CsvTable.formatNumber(c.predicted()), CsvTable.formatNumber(c.normalized()), c.reason(),
      });
    }
    return new CsvTable(header, rows);
  }

  /** A map's tables and figures, rendered and ready to write. */
  public record Rendered(String gridCsv, String candidatesCsv, TernaryFigures figures, double tableSeconds) {
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
    TernaryGrid grid = s.grid();
    for (Candidate c : s.candidates()) {
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

  static ObjectMapper json() {
    return new ObjectMapper();
  }
}

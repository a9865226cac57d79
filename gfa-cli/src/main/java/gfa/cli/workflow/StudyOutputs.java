package gfa.cli.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.cli.plot.LevelPlot;
import gfa.cli.plot.TernaryMosaic;
import gfa.core.Composition;
import gfa.core.io.CsvTable;
import gfa.core.pruning.PruningCategory;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.TernarySystem;
import gfa.core.ternary.TernaryGrid;
import gfa.models.study.ReportedAlloys;
import gfa.models.study.StudyCell;
import gfa.models.study.SystemStudy;
import gfa.models.training.TrainingData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files and the printed summary of {@code gfa study}, built in memory from the finished
 * study so that the output directory is published all at once: {@code study.csv} (one row per
 * cell), {@code study.json} (the same with settings and provenance), {@code reported.csv} (every
 * reported alloy in every cell), the RMSE-against-level chart, one mosaic of maps per system, and
 * optionally each cell's grid.
 */
public final class StudyOutputs {
  public static final String CSV = "study.csv";
  public static final String JSON = "study.json";
  public static final String REPORTED = "reported.csv";
  public static final String PLOT = "rmse-vs-level";

  /** study.csv's columns, in order. */
  public static final List<String> COLUMNS = List.of("system", "level", "rows_trained", "removed_i", "removed_ii", "removed_iii",
      "removed_iv", "removed_v", "reported_alloys", "high_gfa_alloys", "rmse", "overlap", "mean_distance_to_top",
      "predicted_max_at", "seconds");

  private static final PruningCategory[] REMOVABLE = {PruningCategory.ONE_ELEMENT, PruningCategory.BINARY,
      PruningCategory.TWO_PLUS_OTHERS, PruningCategory.TERNARY_PLUS_OTHERS, PruningCategory.TERNARY};

  private final List<SystemStudy> study;
  private final List<PruningLevel> levels;
  private final TrainingSource data;
  private final TrainingData training;
  private final ObjectNode model;
  private final String modelNote;
  private final long seed;
  private final int threads;
  private final List<String> warnings;
  private final boolean cellGrids;

  public StudyOutputs(List<SystemStudy> study, List<PruningLevel> levels, TrainingSource data, TrainingData training, ObjectNode model,
      String modelNote, long seed, int threads, List<String> warnings, boolean cellGrids) {
    this.study = List.copyOf(study);
    this.levels = List.copyOf(levels);
    this.data = data;
    this.training = training;
    this.model = model;
    this.modelNote = modelNote;
    this.seed = seed;
    this.threads = threads;
    this.warnings = List.copyOf(warnings);
    this.cellGrids = cellGrids;
  }

  public int systems() {
    return study.size();
  }

  public int levels() {
    return levels.size();
  }

  /** Every file but study.json (which carries the time it took to write them), by path in DIR. */
  public record Rendered(Map<String, byte[]> files) {
    void writeInto(Path dir) throws IOException {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path target = dir.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue());
      }
    }
  }

  public Rendered render() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(CSV, utf8(studyTable().toCsv()));
    files.put(REPORTED, utf8(reportedTable().toCsv()));
    LevelPlot plot = levelPlot();
    files.put(PLOT + ".png", plot.png());
    files.put(PLOT + ".svg", utf8(plot.svg()));
    for (SystemStudy s : study) {
      TernaryMosaic mosaic = mosaic(s);
      files.put(mapsFile(s.system()) + ".png", mosaic.png());
      files.put(mapsFile(s.system()) + ".svg", utf8(mosaic.svg()));
    }
    if (cellGrids) {
      for (SystemStudy s : study) {
        for (StudyCell c : s.cells()) {
          files.put(cellGrid(c), utf8(TernaryOutputs.gridTable(c.selection()).toCsv()));
        }
      }
    }
    return new Rendered(files);
  }

  public static String mapsFile(TernarySystem system) {
    return "maps-" + system.name();
  }

  public static String cellGrid(StudyCell c) {
    return "cells/" + c.system().name() + "/level-" + c.level().level() + "/grid.csv";
  }

  // ---------------------------------------------------------------- tables

  /** study.csv: one row per cell, systems in the order given, levels ascending. */
  public CsvTable studyTable() {
    List<String[]> rows = new ArrayList<>();
    for (SystemStudy s : study) {
      for (StudyCell c : s.cells()) {
        List<String> row = new ArrayList<>();
        row.add(s.system().name());
        row.add(Integer.toString(c.level().level()));
        row.add(Integer.toString(c.rowsTrained()));
        for (PruningCategory cat : REMOVABLE) {
          row.add(Integer.toString(c.removed(cat)));
        }
        row.add(Integer.toString(s.reported().count()));
        row.add(Integer.toString(s.reported().high().length));
        row.add(number(c.rmse()));
        row.add(number(c.overlap().fraction()));
        row.add(number(c.overlap().meanDistanceToTop()));
        row.add(c.selection().grid().composition(c.selection().argmax()).format());
        row.add(CsvTable.formatNumber(Math.round(c.seconds() * 1000) / 1000.0));
        rows.add(row.toArray(String[]::new));
      }
    }
    return new CsvTable(COLUMNS, rows);
  }

  /**
   * reported.csv: every reported alloy in every cell, the two normalised values whose RMSE is the
   * cell's rmse, and for the high-GFA alloys whether their nearest grid point is a top point.
   */
  public CsvTable reportedTable() {
    List<String> header = List.of("system", "level", "composition", "D_max", "reported_normalized", "reported_scaled_by_max", "high_gfa",
        "predicted_D_max", "predicted_normalized", "nearest_grid_point_top", "distance_to_top");
    List<String[]> rows = new ArrayList<>();
    for (SystemStudy s : study) {
      ReportedAlloys r = s.reported();
      double[] dmax = r.dmax();
      for (StudyCell c : s.cells()) {
        double[] predicted = c.reportedPredicted();
        double[] pn = c.agreement().predictedNormalized();
        double[] rn = c.agreement().reportedNormalized();
        double[] rs = c.agreement().reportedScaledByMax();
        int[] high = r.high();
        int[] nearest = c.overlap().nearestPoints();
        double[] toTop = c.overlap().distancesToTop();
        for (int i = 0; i < r.count(); i++) {
          int h = indexOf(high, i);
          rows.add(new String[] {
              s.system().name(), Integer.toString(c.level().level()), r.compositions().get(i).format(),
              CsvTable.formatNumber(dmax[i]), CsvTable.formatNumber(rn[i]), CsvTable.formatNumber(rs[i]), Boolean.toString(h >= 0),
              CsvTable.formatNumber(predicted[i]), CsvTable.formatNumber(pn[i]),
              h < 0 ? "" : Boolean.toString(c.selection().isTop(nearest[h])), h < 0 ? "" : number(toTop[h]),
          });
        }
      }
    }
    return new CsvTable(header, rows);
  }

  private static int indexOf(int[] values, int v) {
    for (int k = 0; k < values.length; k++) {
      if (values[k] == v) {
        return k;
      }
    }
    return -1;
  }

  /** A number as CSV writes it; NaN (no value) as an empty cell. */
  private static String number(double v) {
    return Double.isFinite(v) ? CsvTable.formatNumber(v) : "";
  }

  // ---------------------------------------------------------------- figures

  public LevelPlot levelPlot() {
    int[] x = levels.stream().mapToInt(PruningLevel::level).toArray();
    List<LevelPlot.Series> series = new ArrayList<>();
    for (SystemStudy s : study) {
      double[] v = s.cells().stream().mapToDouble(StudyCell::rmse).toArray();
      int n = s.reported().count();
      series.add(new LevelPlot.Series(s.system().name() + " (" + n + " reported alloy" + (n == 1 ? "" : "s") + ")", v));
    }
    return new LevelPlot("Agreement of each system's map with its reported alloys, by subdataset",
        List.of("RMSE between the predicted D_max (normalised within the map) and the reported D_max (normalised within the "
                + "system) at the system's own alloys, category (v); lower is better (the paper's Fig. 3h)",
            "subdataset 1 removes only those alloys; 2 also (iv) ABC+others; 3 also (iii) AB+others; 4 also (ii) binaries; 5 also (i)",
            "models: " + modelNote),
        x, series, "subdataset (pruning level)", "RMSE (normalised D_max)");
  }

  public TernaryMosaic mosaic(SystemStudy s) {
    ReportedAlloys r = s.reported();
    List<TernaryMosaic.Marker> markers = new ArrayList<>();
    TernarySystem system = s.system();
    double[] dmax = r.dmax();
    for (int i = 0; i < r.count(); i++) {
      Composition alloy = r.compositions().get(i);
      TernaryMosaic.Style style = dmax[i] >= ReportedAlloys.BMG_MM ? TernaryMosaic.Style.BULK_GLASS : TernaryMosaic.Style.REPORTED;
      markers.add(new TernaryMosaic.Marker(alloy.fractionOf(system.a()) * 100, alloy.fractionOf(system.b()) * 100,
          alloy.fractionOf(system.c()) * 100, style));
    }
    List<TernaryMosaic.Panel> panels = new ArrayList<>();
    for (StudyCell c : s.cells()) {
      String second = r.count() == 0
          ? String.format(Locale.ROOT, "%d rows \u00b7 no reported alloys", c.rowsTrained())
          : String.format(Locale.ROOT, "%d rows \u00b7 RMSE %.2f \u00b7 overlap %d/%d", c.rowsTrained(), c.rmse(),
              c.overlap().hits(), c.overlap().alloys());
      panels.add(new TernaryMosaic.Panel(c.selection(), List.of("subdataset " + c.level().level(), second), markers));
    }
    int bulk = 0;
    for (double d : dmax) {
      bulk += d >= ReportedAlloys.BMG_MM ? 1 : 0;
    }
    // short: the mosaic centres its title over the panels, which may be only two
    String title = String.format(Locale.ROOT, "%s by subdataset \u2014 %d reported alloy%s, %d BMG%s", system.name(), r.count(),
        r.count() == 1 ? "" : "s", bulk, bulk == 1 ? "" : "s");
    return new TernaryMosaic(title, panels, panels.size());
  }

  // ---------------------------------------------------------------- JSON and the printed table

  /** study.json: settings, provenance, one entry per cell, per-system notes, timings. */
  public String json(Map<String, Double> timings, boolean pretty) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("command", "study");
    root.put("gfa_version", GfaBuild.version());
    ObjectNode d = root.putObject("data");
    d.put("file", data.fileName());
    data.describe(d);
    d.put("sha256", training.dataset().sourceSha256());
    d.put("rows", training.rows());
    d.put("rows_read", training.dataset().rowsRead());
    d.put("descriptors", "gong2024 (computed, Miedema 'paper')");
    root.put("seed", seed);
    root.put("threads", threads);
    ArrayNode sys = root.putArray("systems");
    study.forEach(s -> sys.add(s.system().name()));
    ArrayNode lv = root.putArray("levels");
    levels.forEach(l -> lv.add(l.level()));
    root.set("model", model);
    ObjectNode grid = root.putObject("grid");
    TernaryGrid g = study.get(0).grid();
    grid.put("step", g.step());
    grid.put("points", g.size());
    grid.put("top_percent", study.get(0).cells().get(0).selection().options().topPercent());
    ObjectNode defs = root.putObject("definitions");
    defs.put("reported_alloys", "the data's alloys whose element set is exactly the system's (category (v)); every level removes them");
    defs.put("rmse", "RMSE between the cell's predictions at the reported alloys, normalised with the grid's min and max and "
        + "clipped to [0,1], and the reported D_max normalised by their min and max within the system (all equal: 1 if > 0, else 0)");
    defs.put("rmse_scaled_by_max", "as rmse, with the reported D_max divided by the system's highest instead (0 mm as the bottom of the "
        + "scale); equal to rmse when the system's weakest reported alloy formed no glass");
    defs.put("high_gfa_alloys", "reported alloys with D_max >= 1 mm; if none, those at the system's highest reported D_max");
    defs.put("overlap", "fraction of the high-GFA alloys whose nearest grid point is a top point of the cell's map");
    defs.put("mean_distance_to_top", "mean distance, in at.% on the ternary diagram, from the high-GFA alloys to the nearest top point");
    ArrayNode cells = root.putArray("cells");
    ArrayNode perSystem = root.putArray("reported");
    for (SystemStudy s : study) {
      ReportedAlloys r = s.reported();
      ObjectNode ps = perSystem.addObject();
      ps.put("system", s.system().name());
      ps.put("alloys", r.count());
      ps.put("high_gfa_alloys", r.high().length);
      ps.put("high_gfa_rule", r.highRule());
      putNumber(ps, "min_D_max", r.min());
      putNumber(ps, "max_D_max", r.max());
      for (StudyCell c : s.cells()) {
        cells.add(cell(s, c));
      }
    }
    ArrayNode w = root.putArray("warnings");
    warnings.forEach(w::add);
    ArrayNode files = root.putArray("outputs");
    List.of(CSV, JSON, REPORTED, PLOT + ".png", PLOT + ".svg").forEach(files::add);
    study.forEach(s -> {
      files.add(mapsFile(s.system()) + ".png");
      files.add(mapsFile(s.system()) + ".svg");
    });
    if (cellGrids) {
      files.add("cells/");
    }
    ObjectNode times = root.putObject("timings");
    timings.forEach((k, v) -> times.put(k, Math.round(v * 1000) / 1000.0));
    try {
      return pretty ? mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) : mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode cell(SystemStudy s, StudyCell c) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("system", s.system().name());
    node.put("level", c.level().level());
    node.put("rows_trained", c.rowsTrained());
    ObjectNode removed = node.putObject("removed");
    for (PruningCategory cat : REMOVABLE) {
      removed.put(cat.roman(), c.removed(cat));
    }
    node.put("reported_alloys", s.reported().count());
    node.put("high_gfa_alloys", s.reported().high().length);
    putNumber(node, "rmse", c.rmse());
    putNumber(node, "rmse_scaled_by_max", c.rmseScaledByMax());
    putNumber(node, "overlap", c.overlap().fraction());
    node.put("overlap_hits", c.overlap().hits());
    putNumber(node, "mean_distance_to_top", c.overlap().meanDistanceToTop());
    var sel = c.selection();
    node.put("predicted_max_at", sel.grid().composition(sel.argmax()).format());
    node.put("predicted_min", sel.min());
    node.put("predicted_max", sel.max());
    node.put("top_points", sel.topCount());
    node.put("seconds", Math.round(c.seconds() * 1000) / 1000.0);
    return node;
  }

  /** NaN and infinities are not JSON numbers: written as null. */
  private static void putNumber(ObjectNode node, String key, double v) {
    if (Double.isFinite(v)) {
      node.put(key, v);
    } else {
      node.putNull(key);
    }
  }

  /** The printed result: one line per cell, then RMSE by system and level. */
  public String table() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "pruning study: %d system%s x %d level%s; models: %s%n", study.size(),
        study.size() == 1 ? "" : "s", levels.size(), levels.size() == 1 ? "" : "s", modelNote));
    s.append(String.format(Locale.ROOT, "%-10s %5s %6s %8s %8s %9s  %-18s %8s%n", "system", "level", "rows", "rmse", "overlap",
        "dist_top", "predicted max at", "seconds"));
    for (SystemStudy sys : study) {
      for (StudyCell c : sys.cells()) {
        String overlap = c.overlap().alloys() == 0 ? "-" : c.overlap().hits() + "/" + c.overlap().alloys();
        s.append(String.format(Locale.ROOT, "%-10s %5d %6d %8s %8s %9s  %-18s %8.1f%n", sys.system().name(), c.level().level(),
            c.rowsTrained(), fixed(c.rmse(), 3), overlap, fixed(c.overlap().meanDistanceToTop(), 1),
            c.selection().grid().composition(c.selection().argmax()).format(), c.seconds()));
      }
    }
    s.append(String.format(Locale.ROOT, "%nRMSE by subdataset (normalised D_max of the reported alloys; lower is better)%n"));
    s.append(String.format(Locale.ROOT, "%-10s", "system"));
    levels.forEach(l -> s.append(String.format(Locale.ROOT, " %7s", "level " + l.level())));
    s.append('\n');
    for (SystemStudy sys : study) {
      s.append(String.format(Locale.ROOT, "%-10s", sys.system().name()));
      sys.cells().forEach(c -> s.append(String.format(Locale.ROOT, " %7s", fixed(c.rmse(), 3))));
      s.append('\n');
    }
    s.append(String.format(Locale.ROOT, "%nthe same with the reported D_max scaled by the system's highest (rmse_scaled_by_max in study.json)%n"));
    for (SystemStudy sys : study) {
      s.append(String.format(Locale.ROOT, "%-10s", sys.system().name()));
      sys.cells().forEach(c -> s.append(String.format(Locale.ROOT, " %7s", fixed(c.rmseScaledByMax(), 3))));
      s.append('\n');
    }
    return s.toString();
  }

  private static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

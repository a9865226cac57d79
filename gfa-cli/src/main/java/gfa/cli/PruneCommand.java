package gfa.cli;

import gfa.cli.workflow.TrainingSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.Composition;
import gfa.core.GfaInputException;
import gfa.core.dataset.DatasetReader;
import gfa.core.io.CsvTable;
import gfa.core.pruning.Pruning;
import gfa.core.pruning.PruningCategory;
import gfa.core.pruning.PruningLevel;
import gfa.core.pruning.PruningResult;
import gfa.core.pruning.TernarySystem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa prune}: the paper's subdataset of a training file for a target ternary system. */
@Command(
    name = "prune",
    sortOptions = false,
    description = {
      "Remove from a training file the alloys related to a target ternary system A-B-C, by "
          + "category (docs/method.md §5): (i) one of A, B, C; (ii) a binary of two of them; (iii) two of "
          + "them with other elements; (iv) all three with other elements; (v) the ternary itself. "
          + "Level 1 removes (v), 2 also (iv), 3 also (iii) (the paper's choice: predict the system "
          + "as an unexplored one), 4 also (ii), 5 also (i). Alloys sharing no element with the "
          + "system are always kept. Only element sets count, never amounts.",
      "",
      "The kept rows are written unchanged (all columns, in their order). stdout lists per "
          + "category the rows read, removed and kept; with --json one JSON object instead.",
    })
public final class PruneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-d", "--data"}, paramLabel = "FILE",
      description = "CSV with a 'composition' column (other columns are carried through); "
          + TrainingSource.DEFAULT_HELP + ".")
  Path data;

  @Option(names = "--system", required = true, paramLabel = "A-B-C",
      description = "Target ternary system, e.g. Zr-Al-Cu (element symbols, case-sensitive).")
  String system;

  @Option(names = "--level", defaultValue = "3", paramLabel = "N",
      description = "Pruning level 1..5, the paper's subdataset (default: ${DEFAULT-VALUE}).")
  int level;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "CSV to write, atomically; its directory must exist. '-' writes standard output "
          + "(the listing then goes to stderr).")
  Path output;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    TernarySystem target = TernarySystem.parse(system);
    PruningLevel pruningLevel = PruningLevel.of(level);
    TrainingSource source = TrainingSource.of(data);
    OutputFile.check("--output", output, common, data);
    DatasetReader reader = source.reader();
    List<Composition> compositions = reader.compositions();
    PruningResult result = Pruning.prune(compositions, target, pruningLevel);
    CsvTable table = reader.table();
    List<String[]> kept = new ArrayList<>(result.keptCount());
    for (int r : result.keptRows()) {
      kept.add(table.row(r));
    }
    new CsvTable(table.header(), kept).writeAtomically(output);
    double seconds = (System.nanoTime() - start) / 1e9;

    // with the table itself on stdout ('-'), the listing goes to stderr
    PrintWriter out = OutputFile.isStandardOutput(output) ? spec.commandLine().getErr() : spec.commandLine().getOut();
    if (common.json()) {
      out.println(json(source, result, seconds));
      out.flush();
    } else if (out == spec.commandLine().getOut() || !common.quiet()) {
      out.print(listing(result));
      out.flush();
    }
    if (!common.quiet() && !common.json()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "kept %d of %d rows for %s at level %d in %.1f s -> %s%n", result.keptCount(),
          result.inputCount(), target.name(), pruningLevel.level(), seconds, output);
      err.flush();
    }
    return ExitCodes.OK;
  }

  /** The per-category table printed on stdout. */
  static String listing(PruningResult r) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%s, level %d (subdataset %d)%n", r.system().name(), r.level().level(), r.level().level()));
    String row = "%-9s %-48s %6s %8s %6s%n";
    s.append(String.format(Locale.ROOT, row, "category", "", "rows", "removed", "kept"));
    for (PruningCategory c : PruningCategory.values()) {
      s.append(String.format(Locale.ROOT, row, name(c), c.description(), r.total(c), r.removed(c), r.total(c) - r.removed(c)));
    }
    s.append(String.format(Locale.ROOT, row, "total", "", r.inputCount(), r.removedCount(), r.keptCount()));
    return s.toString();
  }

  /** {@code (i)}..{@code (v)}, or {@code unrelated}. */
  private static String name(PruningCategory c) {
    return c == PruningCategory.UNRELATED ? "unrelated" : c.label();
  }

  private String json(TrainingSource source, PruningResult r, double seconds) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("data", source.toString());
    source.describeFully(root.putObject("data_source"));
    root.put("output", output.toString());
    root.put("system", r.system().name());
    root.put("level", r.level().level());
    root.put("rows", r.inputCount());
    root.put("removed", r.removedCount());
    root.put("kept", r.keptCount());
    ArrayNode categories = root.putArray("categories");
    for (PruningCategory c : PruningCategory.values()) {
      categories.addObject()
          .put("category", name(c))
          .put("name", c.name().toLowerCase(Locale.ROOT))
          .put("description", c.description())
          .put("rows", r.total(c))
          .put("removed", r.removed(c))
          .put("kept", r.total(c) - r.removed(c));
    }
    root.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return root.toString();
  }
}

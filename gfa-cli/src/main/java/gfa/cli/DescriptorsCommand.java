package gfa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.data.MiedemaVersion;
import gfa.features.DescriptorFamily;
import gfa.features.Featurizer;
import gfa.features.Preset;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gfa descriptors}: every column gfa computes, with its family and whom to cite. */
@Command(
    name = "descriptors",
    sortOptions = false,
    description = {
        "List the descriptor columns 'gfa featurize' writes, in output order, each with the "
            + "descriptor family that computes it and the reference to cite.",
    })
public final class DescriptorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;



  @Mixin DescriptorOptions descriptorSet;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    Featurizer featurizer = descriptorSet.featurizer();
    PrintWriter out = spec.commandLine().getOut();
    if (common.json()) {
      out.println(json(featurizer));
    } else {
      table(out, featurizer, descriptorSet.miedema());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private String json(Featurizer featurizer) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("preset", OptionValues.name(descriptorSet.preset()));
    root.put("miedema", OptionValues.name(descriptorSet.miedema()));
    root.put("miedema_reproduces", descriptorSet.miedema().reproduces());
    ArrayNode columns = root.putArray("columns");
    for (String column : featurizer.columns()) {
      DescriptorFamily family = featurizer.familyOf(column);
      columns.addObject()
          .put("name", column)
          .put("family", family.name())
          .put("citation", family.citation());
    }
    ArrayNode families = root.putArray("families");
    for (DescriptorFamily family : featurizer.families()) {
      ObjectNode f = families.addObject().put("name", family.name()).put("citation", family.citation());
      family.columns().forEach(f.putArray("columns")::add);
    }
    return root.toString();
  }

  private static void table(PrintWriter out, Featurizer featurizer, MiedemaVersion miedema) {
    List<String> columns = featurizer.columns();
    int width = "column".length();
    for (String column : columns) {
      width = Math.max(width, column.length());
    }
    String row = "%3s  %-" + width + "s  %s%n";
    out.printf(row, "#", "column", "family");
    for (int i = 0; i < columns.size(); i++) {
      out.printf(row, i + 1, columns.get(i), featurizer.familyOf(columns.get(i)).name());
    }
    out.println();
    out.println("References:");
    for (DescriptorFamily family : featurizer.families()) {
      out.printf("  %s: %s%n", family.name(), family.citation());
    }
    out.println();
    out.printf("Miedema variant %s reproduces %s.%n", OptionValues.name(miedema), miedema.reproduces());
  }
}

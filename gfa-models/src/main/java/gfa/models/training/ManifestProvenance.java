package gfa.models.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.models.search.EarlyStopping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance fields of {@code manifest.json}, read into a {@link Provenance}. Reading is
 * lenient, as it was before the record existed: a field a manifest lacks (one written by an earlier
 * gfa, or by hand) comes back null (0 for the counts), never as an error; what a model needs to
 * predict is checked by {@link ModelStore#load} itself.
 */
final class ManifestProvenance {
  private ManifestProvenance() {}

  static Provenance read(JsonNode m) {
    JsonNode data = m.path("data");
    JsonNode pruning = m.path("pruning");
    JsonNode descriptors = m.path("descriptors");
    boolean pruned = pruning.isObject();
    return new Provenance(
        text(m.path("gfa_version")), text(data.path("file")), text(data.path("sha256")), data.path("rows").asInt(),
        text(data.path("target")), text(data.path("descriptor_source")), text(descriptors.path("preset")),
        text(descriptors.path("miedema")), text(descriptors.path("tables_version")),
        pruned ? text(pruning.path("system")) : null,
        pruned && pruning.path("level").isNumber() ? Integer.valueOf(pruning.path("level").asInt()) : null,
        tuning(m), runtime(m.path("runtime")));
  }

  private static Provenance.Tuning tuning(JsonNode m) {
    List<String> learners = new ArrayList<>();
    m.path("models").fieldNames().forEachRemaining(learners::add);
    Map<String, Provenance.StoredBudget> budgets = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = m.path("budget").path("learners").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> e = entries.next();
      budgets.put(e.getKey(), budget(e.getValue()));
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    m.path("fusion").path("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
    return new Provenance.Tuning(learners, m.path("folds").asInt(), m.path("seed").asLong(), text(m.path("cv")), budgets,
        budget(m.path("budget").path("fusion")), weights);
  }

  private static Provenance.StoredBudget budget(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    JsonNode wall = node.path("wall_seconds");
    JsonNode early = node.path("early_stopping");
    EarlyStopping rule = early.isObject()
        ? new EarlyStopping(early.path("min_folds").asInt(), early.path("margin").asDouble())
        : EarlyStopping.NEVER; // written before gfa stopped trials early, or by a search that did not
    return new Provenance.StoredBudget(
        node.path("max_trials").asInt(), node.path("patience").asInt(), wall.isNumber() ? Long.valueOf(wall.asLong()) : null,
        rule);
  }

  /** A manifest without a {@code runtime} object (gfa before it recorded one) gives {@link RuntimeInfo#UNKNOWN}. */
  private static RuntimeInfo runtime(JsonNode r) {
    if (!r.isObject()) {
      return RuntimeInfo.UNKNOWN;
    }
    return new RuntimeInfo(text(r.path("java_version")), text(r.path("java_vendor")), text(r.path("os_name")),
        text(r.path("os_version")), text(r.path("arch")), text(r.path("xgboost4j")), text(r.path("lightgbm4j")));
  }

  static void writeBudget(ObjectNode node, Provenance.StoredBudget b) {
    node.put("max_trials", b.maxTrials());
    node.put("patience", b.patience());
    if (b.wallSeconds() == null) {
      node.putNull("wall_seconds");
    } else {
      node.put("wall_seconds", b.wallSeconds().longValue());
    }
    if (b.earlyStopping().active()) {
      ObjectNode early = node.putObject("early_stopping");
      early.put("min_folds", b.earlyStopping().minFolds());
      early.put("margin", b.earlyStopping().margin());
    }
  }

  static void writeRuntime(ObjectNode node, RuntimeInfo r) {
    node.put("java_version", r.javaVersion());
    node.put("java_vendor", r.javaVendor());
    node.put("os_name", r.osName());
    node.put("os_version", r.osVersion());
    node.put("arch", r.arch());
    node.put("xgboost4j", r.xgboost4j());
    node.put("lightgbm4j", r.lightgbm4j());
  }

  /** A string field, or null where the manifest has none (or null). */
  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }
}

package gfa.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gfa.core.campaign.Ledger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash a campaign records of its own settings ({@code campaign.json}), so that an edited seed,
 * level or system is noticed: SHA-256 of the file's canonical JSON without the field that holds
 * the hash. Canonical: object keys sorted at every depth, no white space, numbers and strings as
 * Jackson writes them. A field in the file rather than a sidecar so that the file stays the one
 * record of what fixes the campaign; canonical rather than the file's bytes so that the hash does
 * not depend on indentation. The hash also anchors the ledger's first line and is repeated in
 * every iteration's summary.
 */
public final class CampaignSeal {
  /** The field of campaign.json that holds its hash. */
  public static final String FIELD = "campaign_sha256";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CampaignSeal() {}

  /** The hash of {@code settings} as it would be recorded: over every field but {@link #FIELD}. */
  public static String of(JsonNode settings) {
    ObjectNode copy = ((ObjectNode) settings).deepCopy();
    copy.remove(FIELD);
    try {
      return Ledger.sha256(JSON.writeValueAsString(sorted(copy)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree read from JSON can always be written back
    }
  }

  /** Records the hash in the settings; call it last, when nothing else will be added. */
  public static void seal(ObjectNode settings) {
    settings.put(FIELD, of(settings));
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
      ObjectNode out = JSON.createObjectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(sorted(n)));
      return out;
    }
    return node;
  }

  /**
   * What differs between two versions of the settings, as {@code seed 7 (recorded 42)} items, by
   * dotted field path; at most {@code limit} items. For messages, so they name what was changed.
   */
  public static List<String> differences(JsonNode now, JsonNode recorded, int limit) {
    List<String> out = new ArrayList<>();
    diff("", now, recorded, out, limit);
    return out;
  }

  private static void diff(String path, JsonNode now, JsonNode recorded, List<String> out, int limit) {
    if (out.size() >= limit || now.equals(recorded)) {
      return;
    }
    if (now.isObject() && recorded.isObject()) {
      TreeMap<String, Boolean> names = new TreeMap<>();
      now.fieldNames().forEachRemaining(n -> names.put(n, true));
      recorded.fieldNames().forEachRemaining(n -> names.put(n, true));
      for (Iterator<String> it = names.keySet().iterator(); it.hasNext() && out.size() < limit;) {
        String name = it.next();
        if (name.equals(FIELD) && path.isEmpty()) {
          continue;
        }
        diff(path.isEmpty() ? name : path + "." + name, now.path(name), recorded.path(name), out, limit);
      }
      return;
    }
    out.add(path + " " + text(now) + " (recorded " + text(recorded) + ")");
  }

  private static String text(JsonNode n) {
    if (n.isMissingNode()) {
      return "absent";
    }
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}

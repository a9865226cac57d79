package gfa.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming trees against the mapper's: the same nodes read, the same text written. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void readsEveryKindOfValueAsTheMapperDoes() throws IOException {
    List<String> texts = List.of(
        "{\"a\":1,\"b\":-2147483649,\"c\":123456789012345678901234567890,\"d\":0.1,\"e\":-0.0,\"f\":1e300,"
            + "\"g\":5e-324,\"h\":\"\\u00e9 \\\"q\\\" \\n\",\"i\":true,\"j\":false,\"k\":null,\"l\":[],\"m\":{},"
            + "\"n\":[1,[2,[3,{\"o\":4.5}]]],\"a\":\"last\"}",
        "[1, 2.0, \"x\"] trailing tokens are ignored",
        "3",
        "\"text\"",
        "{\"format\": \"gfa-model/1\", \"weights\": {\"svr\": 0.25, \"rf\": 0}}");
    for (String text : texts) {
      assertEquals(MAPPER.readTree(text), JsonTrees.parse(text), text);
    }
    assertTrue(JsonTrees.parse("").isMissingNode());
    assertTrue(JsonTrees.parse("  ").isMissingNode());
    assertThrows(IOException.class, () -> JsonTrees.parse("{\"a\": }"));
  }

  @Test
  void readsAFileAsTheMapperDoes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("m.json");
    Files.writeString(file, "{\"descriptors\":{\"columns\":[\"mean X\",\"Yang \u03b4\"]},\"seed\":2}\n");
    assertEquals(MAPPER.readTree(file.toFile()), JsonTrees.read(file));
    Files.writeString(file, "");
    assertTrue(JsonTrees.read(file).isMissingNode());
  }

  @Test
  void writesTheMappersIndentedText() throws IOException {
    ObjectNode root = JsonTrees.object();
    root.put("int", 3).put("long", 1L << 40).put("double", 0.1 + 0.2).put("float", 1.5f).put("short", (short) 7);
    root.put("big", new BigInteger("123456789012345678901234567890")).put("decimal", new BigDecimal("1.50"));
    root.put("text", "\u00e9\t\"x\"").put("yes", true).putNull("nothing");
    root.put("nan", Double.NaN).put("infinite", Double.NEGATIVE_INFINITY);
    root.putArray("empty");
    root.putObject("nested").putArray("list").add(1).add(2.5).addObject().put("deep", "er");
    assertEquals(PRETTY.writeValueAsString(root), JsonTrees.toPrettyString(root));
    assertEquals(PRETTY.writeValueAsString(JsonTrees.object()), JsonTrees.toPrettyString(JsonTrees.object()));
  }

  @Test
  void randomTreesRoundTripAsWithTheMapper() throws IOException {
    Random random = new Random(3);
    for (int t = 0; t < 200; t++) {
      JsonNode tree = randomObject(random, 0);
      String pretty = JsonTrees.toPrettyString(tree);
      assertEquals(PRETTY.writeValueAsString(tree), pretty);
      assertEquals(MAPPER.readTree(pretty), JsonTrees.parse(pretty));
      String compact = MAPPER.writeValueAsString(tree);
      assertEquals(MAPPER.readTree(compact), JsonTrees.parse(compact));
    }
  }

  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode node = JsonTrees.object();
    int fields = random.nextInt(6);
    for (int f = 0; f < fields; f++) {
      String name = "f" + random.nextInt(8);
      switch (random.nextInt(depth < 3 ? 8 : 6)) {
        case 0 -> node.put(name, random.nextInt());
        case 1 -> node.put(name, random.nextLong());
        case 2 -> node.put(name, Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL));
        case 3 -> node.put(name, random.nextGaussian());
        case 4 -> node.put(name, "s" + (char) ('a' + random.nextInt(26)) + "\u00b7\"");
        case 5 -> node.put(name, random.nextBoolean());
        case 6 -> node.set(name, randomObject(random, depth + 1));
        default -> {
          ArrayNode array = node.putArray(name);
          for (int k = random.nextInt(4); k > 0; k--) {
            array.add(random.nextBoolean() ? randomObject(random, depth + 1) : JsonTrees.object().numberNode(random.nextDouble()));
          }
        }
      }
    }
    return node;
  }
}

package gfa.models.training;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming parser and generator, without an
 * {@code ObjectMapper}: the trees and the text are the ones {@code ObjectMapper.readTree} and
 * {@code writeValueAsString} (with {@code INDENT_OUTPUT}) give, and tests hold them to that.
 *
 * <p>Why not the mapper: its class initialises default settings that load the time-zone database
 * and the locale providers, and its first tree read and write go through its deserializer and
 * serializer factories. For the 5 KB manifest of a model that was 80-90 ms of a fresh JVM against
 * 25-30 ms this way, on {@code predict-ternary --model}'s serial path at its start and its end
 * (docs/benchmarks.md, session 12). Commands that map objects keep the mapper.
 */
public final class JsonTrees {
  /**
   * With Jackson's fast double parser (FastDoubleParser): correctly rounded as the JDK's, so the
   * same doubles as the mapper's, where the JDK's parser took its slow big-number path on most of
   * calibration.json's 17-digit numbers.
   */
  private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private JsonTrees() {}

  /** A new empty object node (as {@code ObjectMapper.createObjectNode()} makes it). */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The tree of a file's first JSON value; a missing node for a file with none. */
  public static JsonNode read(Path file) throws IOException {
    try (JsonParser p = FACTORY.createParser(file.toFile())) {
      return p.nextToken() == null ? MissingNode.getInstance() : value(p);
    }
  }

  /** A streaming parser over {@code text}, for a reader that takes its values without a tree. */
  public static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  /** The tree of a text's first JSON value; a missing node for a text with none. */
  public static JsonNode parse(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      return p.nextToken() == null ? MissingNode.getInstance() : value(p);
    }
  }

  /** The value whose first token the parser is on; the parser's depth limit bounds the recursion. */
  private static JsonNode value(JsonParser p) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          object.set(name, value(p)); // a repeated name keeps its last value, as the mapper's tree does
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(p));
        }
        yield array;
      }
      case VALUE_STRING -> nodes.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> nodes.numberNode(p.getIntValue());
        case LONG -> nodes.numberNode(p.getLongValue());
        default -> nodes.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
          ? nodes.numberNode(p.getDecimalValue()) : nodes.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> throw new IOException("unexpected " + p.currentToken() + " at " + p.currentLocation().offsetDescription());
    };
  }

  /** The tree as the mapper writes it with {@code INDENT_OUTPUT} (two spaces, " : "), no line break at the end. */
  public static String toPrettyString(JsonNode node) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      write(node, g);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void write(JsonNode node, JsonGenerator g) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(field.getValue(), g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(element, g);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> g.writeNumber(node.intValue());
          case LONG -> g.writeNumber(node.longValue());
          case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
          case FLOAT -> g.writeNumber(node.floatValue());
          case DOUBLE -> g.writeNumber(node.doubleValue());
          case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL -> g.writeNull();
      default -> throw new IllegalArgumentException("a " + node.getNodeType() + " node is not written here");
    }
  }
}

package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One line parsed to a Jackson tree. The tree is built here rather than by {@code readTree} for two
 * reasons: floats become exact {@link java.math.BigDecimal}s (never doubles, trailing zeros kept), and
 * a duplicate key does not abort parsing (as STRICT_DUPLICATE_DETECTION would) but is remembered, so
 * the walk can report it only if no earlier defect in document order exists.
 */
record JsonLine(JsonNode root, Duplicate duplicate) {

    /**
     * The first duplicate key in document order: it stood at {@code position} (the number of distinct
     * fields before it) of the object at {@code objectPath}. Its value is dropped from the tree.
     */
    record Duplicate(String objectPath, int position, String name, String fieldPath) {
    }

    /** Parses one complete JSON value; throws INVALID_JSON when the text is not exactly one. */
    static JsonLine parse(JsonFactory factory, String text) {
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() == null) {
                throw InvalidClaimException.invalidJson("expected a JSON object, got a blank line");
            }
            TreeBuilder builder = new TreeBuilder(parser);
            JsonNode root = builder.value();
            if (parser.nextToken() != null) {
                throw InvalidClaimException.invalidJson("expected one JSON object, got more content after it at column "
                        + parser.currentLocation().getColumnNr());
            }
            return new JsonLine(root, builder.duplicate);
        } catch (JsonProcessingException e) {
            throw InvalidClaimException.invalidJson("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
        } catch (NumberFormatException e) {
            // An exponent beyond BigDecimal's range (1e-9999999999) is still a syntactically valid number.
            throw InvalidClaimException.invalidJson("not a usable JSON number: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when parsing a String
        }
    }

    private static final class TreeBuilder {
        private final JsonParser parser;
        private Duplicate duplicate;

        TreeBuilder(JsonParser parser) {
            this.parser = parser;
        }

        /** The value at the current token; recursion depth is bounded by the parser's nesting limit. */
        JsonNode value() throws IOException {
            return switch (parser.currentToken()) {
                case START_OBJECT -> object();
                case START_ARRAY -> array();
                case VALUE_STRING -> TextNode.valueOf(parser.getText());
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> IntNode.valueOf(parser.getIntValue());
                    case LONG -> LongNode.valueOf(parser.getLongValue());
                    default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> DecimalNode.valueOf(parser.getDecimalValue());
                case VALUE_TRUE -> BooleanNode.TRUE;
                case VALUE_FALSE -> BooleanNode.FALSE;
                case VALUE_NULL -> NullNode.getInstance();
                default -> throw new IllegalStateException("not a value token: " + parser.currentToken());
            };
        }

        private ObjectNode object() throws IOException {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (node.has(name)) {
                    if (duplicate == null) {
                        JsonStreamContext context = parser.getParsingContext();
                        duplicate = new Duplicate(path(context.getParent()), node.size(), name, path(context));
                    }
                    parser.nextToken();
                    parser.skipChildren();
                } else {
                    parser.nextToken();
                    node.set(name, value());
                }
            }
            return node;
        }

        private ArrayNode array() throws IOException {
            ArrayNode node = JsonNodeFactory.instance.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                node.add(value());
            }
            return node;
        }

        /** The dotted path of the parser's current position, spelled as {@link Path} spells it. */
        private static String path(JsonStreamContext context) {
            if (context == null || context.inRoot()) {
                return "";
            }
            String parent = path(context.getParent());
            return context.inArray()
                    ? Path.join(parent, context.getCurrentIndex())
                    : Path.join(parent, context.getCurrentName());
        }
    }
}

/*
 * A frozen copy of the tree reader the codec used before it read claims straight from the token
 * stream (#14): the reference the streaming reader is proven against (StreamingEquivalenceTest).
 * Do not "fix" it: it is what the old code did, warts included.
 */
package io.autoclaims.model.json.tree;

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
import io.autoclaims.model.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One line parsed to a Jackson tree. The tree is built here rather than by {@code readTree} for two
 * reasons: floats become exact {@link java.math.BigDecimal}s (never doubles, trailing zeros kept), and
 * a duplicate key does not abort parsing (as STRICT_DUPLICATE_DETECTION would) but is remembered, so
 * the walk can report it only if no earlier defect in document order exists.
 */
record JsonLine(JsonNode root, Duplicate duplicate) {

    /** Valid JSON holding an escaped lone surrogate, with the top-level claimId when it came before it. */
    static final class Unwritable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String claimId;
        final transient InputError error;

        Unwritable(String claimId, InputError error) {
            super(error.message(), null, false, false);
            this.claimId = claimId;
            this.error = error;
        }
    }

    /**
     * The first duplicate key in document order: it stood at {@code position} (the number of distinct
     * fields before it) of the object at {@code objectPath}. Its value is dropped from the tree.
     */
    record Duplicate(String objectPath, int position, String name, String fieldPath) {
    }

    /**
     * Parses one complete JSON value from UTF-8 bytes already checked by {@link TextCheck}; throws
     * INVALID_JSON when they are not exactly one, INVALID_ENCODING for an escaped lone surrogate.
     */
    static JsonLine parse(JsonFactory factory, byte[] utf8, int off, int len) {
        try (JsonParser parser = factory.createParser(utf8, off, len)) {
            if (parser.nextToken() == null) {
                throw Invalid.invalidJson("expected a JSON object, got a blank line");
            }
            TreeBuilder builder = new TreeBuilder(parser);
            JsonNode root = builder.value();
            if (parser.nextToken() != null) {
                throw Invalid.invalidJson("expected one JSON object, got more content after it at column "
                        + parser.currentLocation().getColumnNr());
            }
            return new JsonLine(root, builder.duplicate);
        } catch (JsonProcessingException e) {
            throw Invalid.invalidJson("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
        } catch (NumberFormatException e) {
            // An exponent beyond BigDecimal's range (1e-9999999999) is still a syntactically valid number.
            throw Invalid.invalidJson("not a usable JSON number: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when parsing bytes in memory
        }
    }

    private static final class TreeBuilder {
        private final JsonParser parser;
        private Duplicate duplicate;
        private String claimId;

        TreeBuilder(JsonParser parser) {
            this.parser = parser;
        }

        /** The value at the current token; recursion depth is bounded by the parser's nesting limit. */
        JsonNode value() throws IOException {
            return switch (parser.currentToken()) {
                case START_OBJECT -> object();
                case START_ARRAY -> array();
                case VALUE_STRING -> TextNode.valueOf(text(parser.getText(), false));
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
                String name = text(parser.currentName(), true);
                if (node.has(name)) {
                    if (duplicate == null) {
                        JsonStreamContext context = parser.getParsingContext();
                        duplicate = new Duplicate(path(context.getParent()), node.size(), name, path(context));
                    }
                    parser.nextToken();
                    parser.skipChildren();
                } else {
                    parser.nextToken();
                    JsonNode value = value();
                    node.set(name, value);
                    if (value.isTextual() && name.equals("claimId") && parser.getParsingContext().getParent().inRoot()) {
                        claimId = value.textValue();
                    }
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

        /**
         * The string, unless an escape made a lone surrogate of it (JSON allows {@code "\\uD800"}):
         * that is not a character, and no record holding it could be written as UTF-8.
         */
        private String text(String s, boolean fieldName) {
            int at = Invalid.loneSurrogate(s);
            if (at >= 0) {
                JsonStreamContext context = parser.getParsingContext();
                String field = path(fieldName ? context.getParent() : context);
                throw new Unwritable(claimId, new InputError("INVALID_ENCODING",
                        field.isEmpty() ? null : field, "the " + (fieldName ? "field name" : "string")
                        + " holds the escape \\u" + Invalid.codePoint(s.charAt(at))
                        + ", a lone UTF-16 surrogate: half of a pair, not a character"));
            }
            return s;
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

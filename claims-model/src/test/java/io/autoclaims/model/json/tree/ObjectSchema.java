/*
 * A frozen copy of the tree reader the codec used before it read claims straight from the token
 * stream (#14): the reference the streaming reader is proven against (StreamingEquivalenceTest).
 * Do not "fix" it: it is what the old code did, warts included.
 */
package io.autoclaims.model.json.tree;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that knows an object's fields: name, required or default, value type, and the
 * record accessor used to write it back. Reading walks the JSON fields in document order and stops
 * at the first defect; missing required fields come after the object's own fields, then the
 * object's cross-field checks (in {@link Build}).
 */
final class ObjectSchema<T> implements ValueType<T> {

    private record Field<T, V>(String name, boolean required, V defaultValue, ValueType<V> type, Function<T, V> getter) {
    }

    /** Makes the record from the object's values; may throw for a check across its fields. */
    @FunctionalInterface
    interface Build<T> {
        T build(Values values, Path at);
    }

    /** The values read from one JSON object, defaults applied. */
    static final class Values {
        private final Map<String, ? extends Field<?, ?>> fields;
        private final Map<String, Object> read;

        private Values(Map<String, ? extends Field<?, ?>> fields, Map<String, Object> read) {
            this.fields = fields;
            this.read = read;
        }

        /** The value read, else the field's default (null when it has none). */
        @SuppressWarnings("unchecked")
        <V> V get(String name) {
            Field<?, ?> field = field(name);
            return (V) (read.containsKey(name) ? read.get(name) : field.defaultValue());
        }

        /** True when the JSON object gave the field a non-null value. */
        boolean has(String name) {
            field(name);
            return read.containsKey(name);
        }

        private Field<?, ?> field(String name) {
            Field<?, ?> field = fields.get(name);
            if (field == null) {
                throw new IllegalArgumentException("no field " + name + " in " + fields.keySet());
            }
            return field;
        }
    }

    private final Map<String, Field<T, ?>> fields;
    private final Build<T> build;
    private final String knownFields;

    private ObjectSchema(Map<String, Field<T, ?>> fields, Build<T> build) {
        this.fields = fields;
        this.build = build;
        this.knownFields = String.join(", ", fields.keySet());
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public T read(JsonNode node, Path at) {
        if (!node.isObject()) {
            throw Invalid.invalidField(at, "must be an object, got " + ValueTypes.describe(node));
        }
        Map<String, Object> read = new HashMap<>();
        int position = 0;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            at.checkDuplicateAt(position++);
            String name = entry.getKey();
            Field<T, ?> field = fields.get(name);
            if (field == null) {
                throw Invalid.unknownField(at.field(name), unknownFieldMessage(name));
            }
            if (!entry.getValue().isNull()) { // null reads as absent
                read.put(name, field.type().read(entry.getValue(), at.field(name)));
            }
        }
        at.checkDuplicateAt(position);
        for (Field<T, ?> field : fields.values()) {
            if (field.required() && !read.containsKey(field.name())) {
                throw Invalid.missingField(at.field(field.name()), "required field \"" + field.name()
                        + "\" is " + (node.has(field.name()) ? "null (null reads as absent)" : "missing"));
            }
        }
        return build.build(new Values(fields, read), at);
    }

    @Override
    public void write(JsonGenerator out, T value) throws IOException {
        out.writeStartObject();
        for (Field<T, ?> field : fields.values()) {
            writeField(out, field, value);
        }
        out.writeEndObject();
    }

    /** Null values are optional fields without a value: they are left out. */
    private static <T, V> void writeField(JsonGenerator out, Field<T, V> field, T owner) throws IOException {
        V value = field.getter().apply(owner);
        if (value != null) {
            out.writeFieldName(field.name());
            field.type().write(out, value);
        }
    }

    private String unknownFieldMessage(String name) {
        String nearest = fields.keySet().stream()
                .min((a, b) -> Integer.compare(distance(name, a), distance(name, b)))
                .orElseThrow();
        return "unknown field \"" + name + "\"; did you mean \"" + nearest + "\"? Known fields: " + knownFields;
    }

    /** Levenshtein distance ignoring case, so that "VIN" and "odometer" find their field. */
    private static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length()];
    }

    /** Declares fields in contract order: the order of missing-field checks and of writing. */
    static final class Builder<T> {
        private final List<Field<T, ?>> fields = new ArrayList<>();

        <V> Builder<T> required(String name, ValueType<V> type, Function<T, V> getter) {
            fields.add(new Field<>(name, true, null, type, getter));
            return this;
        }

        <V> Builder<T> optional(String name, ValueType<V> type, Function<T, V> getter) {
            return optional(name, type, null, getter);
        }

        <V> Builder<T> optional(String name, ValueType<V> type, V defaultValue, Function<T, V> getter) {
            fields.add(new Field<>(name, false, defaultValue, type, getter));
            return this;
        }

        ObjectSchema<T> build(Build<T> build) {
            Map<String, Field<T, ?>> byName = fields.stream().collect(Collectors.toMap(
                    Field::name, field -> field, (a, b) -> {
                        throw new IllegalStateException("field declared twice: " + a.name());
                    }, LinkedHashMap::new));
            return new ObjectSchema<>(Collections.unmodifiableMap(byName), build);
        }
    }
}

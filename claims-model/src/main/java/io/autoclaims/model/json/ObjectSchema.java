package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import io.autoclaims.model.internal.Contract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that knows an object's fields: name, required or default, value type, and the
 * record accessor used to write it back. Reading takes the JSON fields from the parser in document
 * order and stops at the first defect: a duplicate or unknown key where it stands; missing required
 * fields after the object's own fields, then the object's cross-field checks (in {@link Build}).
 */
final class ObjectSchema<T> implements ValueType<T> {

    /** At most 64 fields, so that one {@code long} holds which were seen. */
    private static final int MAX_FIELDS = Long.SIZE;

    private record Field<T, V>(int index, String name, boolean required, V defaultValue, ValueType<V> type,
                               Function<T, V> getter) {
    }

    /** Makes the record from the object's values; may throw for a check across its fields. */
    @FunctionalInterface
    interface Build<T> {
        T build(Values values, Path at);
    }

    /** The values read from one JSON object, defaults applied. */
    static final class Values {
        private final ObjectSchema<?> schema;
        /** By field index; a field is read when its bit of {@link #read} is set. */
        private final Object[] values;
        private final long read;

        private Values(ObjectSchema<?> schema, Object[] values, long read) {
            this.schema = schema;
            this.values = values;
            this.read = read;
        }

        /** The value read, else the field's default (null when it has none). */
        @SuppressWarnings("unchecked")
        <V> V get(String name) {
            Field<?, ?> field = field(name);
            return (V) (isRead(field) ? values[field.index()] : field.defaultValue());
        }

        /** True when the JSON object gave the field a non-null value. */
        boolean has(String name) {
            return isRead(field(name));
        }

        private boolean isRead(Field<?, ?> field) {
            return (read & (1L << field.index())) != 0;
        }

        private Field<?, ?> field(String name) {
            Field<?, ?> field = schema.lookup(name);
            if (field == null) {
                throw new IllegalArgumentException("no field " + name + " in " + schema.knownFields);
            }
            return field;
        }
    }

    private final Map<String, Field<T, ?>> fields;
    /** The fields by index: declaration order. */
    private final List<Field<T, ?>> declared;
    /**
     * The fields by name, open addressing on the name's hash: looked up for every key of every claim
     * (a {@code HashMap} behind {@code unmodifiableMap} took a tenth of the reading).
     */
    private final Field<T, ?>[] table;
    private final Build<T> build;
    private final String knownFields;

    @SuppressWarnings("unchecked")
    private ObjectSchema(Map<String, Field<T, ?>> fields, Build<T> build) {
        this.fields = fields;
        this.declared = List.copyOf(fields.values());
        this.table = new Field[Integer.highestOneBit(Math.max(1, fields.size()) * 4 - 1) << 1];
        for (Field<T, ?> field : declared) {
            int i = slot(field.name());
            while (table[i] != null) {
                i = (i + 1) & (table.length - 1);
            }
            table[i] = field;
        }
        this.build = build;
        this.knownFields = String.join(", ", fields.keySet());
    }

    private int slot(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & (table.length - 1);
    }

    /** The field of that name, or null. */
    private Field<T, ?> lookup(String name) {
        for (int i = slot(name); ; i = (i + 1) & (table.length - 1)) {
            Field<T, ?> field = table[i];
            if (field == null || field.name().equals(name)) {
                return field;
            }
        }
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    @Override
    public T read(Tokens in, Path at) throws IOException {
        if (in.token() != JsonToken.START_OBJECT) {
            throw Defects.invalidField(at, "must be an object, got " + in.describe());
        }
        Object[] values = new Object[declared.size()];
        long seen = 0; // null or not
        long read = 0; // not null
        while (in.next() == JsonToken.FIELD_NAME) {
            String name = in.name();
            Field<T, ?> field = lookup(name);
            if (field == null) {
                throw Defects.unknownField(at.field(name), unknownFieldMessage(name));
            }
            long bit = 1L << field.index();
            if ((seen & bit) != 0) {
                throw Defects.duplicateField(at.field(name), name);
            }
            seen |= bit;
            if (in.next() != JsonToken.VALUE_NULL) { // null reads as absent
                values[field.index()] = field.type().read(in, at.field(name));
                read |= bit;
            }
        }
        for (Field<T, ?> field : declared) {
            long bit = 1L << field.index();
            if (field.required() && (read & bit) == 0) {
                throw Defects.missingField(at.field(field.name()), (seen & bit) != 0
                        ? "required field \"" + field.name() + "\" is null (null reads as absent)"
                        : Contract.missing(field.name()));
            }
        }
        return build.build(new Values(this, values, read), at);
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
            fields.add(new Field<>(fields.size(), name, true, null, type, getter));
            return this;
        }

        <V> Builder<T> optional(String name, ValueType<V> type, Function<T, V> getter) {
            return optional(name, type, null, getter);
        }

        <V> Builder<T> optional(String name, ValueType<V> type, V defaultValue, Function<T, V> getter) {
            fields.add(new Field<>(fields.size(), name, false, defaultValue, type, getter));
            return this;
        }

        ObjectSchema<T> build(Build<T> build) {
            if (fields.size() > MAX_FIELDS) {
                throw new IllegalStateException("more than " + MAX_FIELDS + " fields: " + fields.size());
            }
            Map<String, Field<T, ?>> byName = fields.stream().collect(Collectors.toMap(
                    Field::name, field -> field, (a, b) -> {
                        throw new IllegalStateException("field declared twice: " + a.name());
                    }, LinkedHashMap::new));
            return new ObjectSchema<>(Collections.unmodifiableMap(byName), build);
        }
    }
}

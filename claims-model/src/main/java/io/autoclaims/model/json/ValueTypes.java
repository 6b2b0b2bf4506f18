package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import io.autoclaims.model.internal.Contract;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scalar, list and free-form value types of the contract, read from the parser's tokens. Nothing
 * is coerced: each reader checks the JSON token first, and every message says what was expected and
 * what was found.
 */
final class ValueTypes {

    private ValueTypes() {
    }

    private static final Pattern DATE_TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    private static final DateTimeFormatter DATE_TIME_READ =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);

    @FunctionalInterface
    private interface Reader<V> {
        V read(Tokens in, Path at) throws IOException;
    }

    @FunctionalInterface
    private interface Writer<V> {
        void write(JsonGenerator out, V value) throws IOException;
    }

    private record Simple<V>(Reader<V> reader, Writer<V> writer) implements ValueType<V> {
        @Override
        public V read(Tokens in, Path at) throws IOException {
            return reader.read(in, at);
        }

        @Override
        public void write(JsonGenerator out, V value) throws IOException {
            writer.write(out, value);
        }
    }

    static final ValueType<String> STRING =
            new Simple<>((in, at) -> text(in, at, "must be a string"), JsonGenerator::writeString);

    static final ValueType<String> CLAIM_ID = codePoints(1, Contract.MAX_CLAIM_ID_LENGTH, Contract.CLAIM_ID);

    /** Ids and codes other than claimId: lineId, shop ids, policyNo, problem codes. */
    static final ValueType<String> CODE = codePoints(0, Contract.MAX_CODE_LENGTH, Contract.CODE);

    /** Free text: part names or numbers. */
    static final ValueType<String> TEXT = codePoints(0, Contract.MAX_TEXT_LENGTH, Contract.TEXT);

    static final ValueType<String> VIN = codePoints(Contract.VIN_LENGTH, Contract.VIN_LENGTH, Contract.VIN);

    static final ValueType<Boolean> BOOLEAN = new Simple<>((in, at) -> switch (in.token()) {
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        default -> throw Defects.invalidField(at, "must be true or false, got " + in.describe());
    }, JsonGenerator::writeBoolean);

    static final ValueType<Integer> NON_NEGATIVE_INT = new Simple<>((in, at) -> {
        Number n = in.token() == JsonToken.VALUE_NUMBER_INT ? in.number() : null;
        if (n == null || signum(n) < 0) {
            throw Defects.invalidField(at, Contract.got(Contract.NON_NEGATIVE_INTEGER, in.describe()));
        }
        if (n instanceof BigInteger b ? b.bitLength() >= Integer.SIZE : n.longValue() > Integer.MAX_VALUE) {
            throw Defects.invalidField(at,
                    "must be an integer from 0 to " + Integer.MAX_VALUE + ", got " + in.describe());
        }
        return n.intValue();
    }, (out, value) -> out.writeNumber(value.intValue()));

    /** Money keeps scale 2 whatever the input's trailing zeros, so equal amounts are equal records. */
    static final ValueType<BigDecimal> MONEY = new Simple<>((in, at) -> {
        BigDecimal value = number(in, at, Contract.MONEY);
        if (!Contract.isMoney(value)) {
            throw Defects.invalidField(at, Contract.got(Contract.MONEY, in.describe()));
        }
        return Contract.money(value);
    }, JsonGenerator::writeNumber);

    static final ValueType<BigDecimal> NON_NEGATIVE_NUMBER = new Simple<>((in, at) -> {
        BigDecimal value = number(in, at, Contract.NON_NEGATIVE_NUMBER);
        if (value.signum() < 0) {
            throw Defects.invalidField(at, Contract.got(Contract.NON_NEGATIVE_NUMBER, in.describe()));
        }
        return value;
    }, JsonGenerator::writeNumber);

    static final ValueType<BigDecimal> DEDUCTIBLE_RATE = new Simple<>((in, at) -> {
        BigDecimal value = number(in, at, Contract.DEDUCTIBLE_RATE);
        if (!Contract.isDeductibleRate(value)) {
            throw Defects.invalidField(at, Contract.got(Contract.DEDUCTIBLE_RATE, in.describe()));
        }
        return value;
    }, JsonGenerator::writeNumber);

    static final ValueType<LocalDate> LOCAL_DATE = new Simple<>((in, at) -> {
        String text = text(in, at, Contract.DATE);
        if (!isDateShape(text)) {
            throw Defects.invalidField(at, Contract.got(Contract.DATE, quote(text)));
        }
        try {
            // the shape is checked: the digits are read directly (DateTimeFormatter costs ~1 us per date)
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            throw Defects.invalidField(at, "must be a date that exists (yyyy-MM-dd), got " + quote(text));
        }
    }, (out, value) -> out.writeString(Contract.formatDate(value)));

    static final ValueType<LocalDateTime> LOCAL_DATE_TIME = new Simple<>((in, at) -> {
        String expected = Contract.DATE_TIME;
        String text = text(in, at, expected);
        if (!DATE_TIME_SHAPE.matcher(text).matches()) {
            throw Defects.invalidField(at, expected + ", got " + quote(text));
        }
        try {
            return LocalDateTime.parse(text, DATE_TIME_READ);
        } catch (DateTimeParseException e) {
            throw Defects.invalidField(at, "must be a date-time that exists, got " + quote(text));
        }
    }, (out, value) -> out.writeString(Contract.formatDateTime(value)));

    /** A free-form object (extensions): JSON's natural Java shape, floats as BigDecimal, unmodifiable. */
    static final ValueType<Map<String, Object>> FREE_FORM_OBJECT = new Simple<>((in, at) -> {
        if (in.token() != JsonToken.START_OBJECT) {
            throw Defects.invalidField(at, "must be an object, got " + in.describe());
        }
        return freeFormObject(in, at);
    }, ValueTypes::writeFreeForm);

    static <E extends Enum<E>> ValueType<E> enumOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String expected = "must be one of "
                + Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(" | "));
        Map<String, E> byName = new java.util.HashMap<>();
        for (E constant : constants) {
            byName.put(constant.name(), constant);
        }
        return new Simple<>((in, at) -> {
            E constant = in.token() == JsonToken.VALUE_STRING ? byName.get(in.text()) : null;
            if (constant != null) {
                return constant;
            }
            throw Defects.invalidField(at, expected + ", got " + in.describe());
        }, (out, value) -> out.writeString(value.name()));
    }

    static <E> ValueType<List<E>> listOf(ValueType<E> element) {
        return new Simple<>((in, at) -> {
            if (in.token() != JsonToken.START_ARRAY) {
                throw Defects.invalidField(at, "must be an array, got " + in.describe());
            }
            if (in.next() == JsonToken.END_ARRAY) {
                return List.of();
            }
            List<E> values = new ArrayList<>();
            do {
                values.add(element.read(in, at.index(values.size())));
            } while (in.next() != JsonToken.END_ARRAY);
            return List.copyOf(values);
        }, (out, values) -> {
            out.writeStartArray();
            for (E value : values) {
                element.write(out, value);
            }
            out.writeEndArray();
        });
    }

    /**
     * Writes a free-form value: extension data or a reason's fact value. Dates are written as the
     * contract spells them; a type with no JSON meaning is a programming error.
     */
    static void writeFreeForm(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String s) {
            out.writeString(s);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            out.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            out.writeNumber(i);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (value instanceof LocalDate d) {
            out.writeString(Contract.formatDate(d));
        } else if (value instanceof LocalDateTime t) {
            out.writeString(Contract.formatDateTime(t));
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                writeFreeForm(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                writeFreeForm(out, item);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName() + ": " + value);
        }
    }

    /** A string in quotes, cut short so that a huge value cannot flood the error record. */
    static String quote(String text) {
        return Contract.quote(text);
    }

    static String shorten(String text) {
        return Contract.shorten(text);
    }

    /** {@code \d{4}-\d{2}-\d{2}} without a regex: read once per date of every claim. */
    private static boolean isDateShape(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && !isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static ValueType<String> codePoints(int min, int max, String expected) {
        return new Simple<>((in, at) -> {
            String text = text(in, at, expected);
            String problem = Contract.lengthProblem(text, min, max, expected);
            if (problem != null) {
                throw Defects.invalidField(at, problem);
            }
            return text;
        }, JsonGenerator::writeString);
    }

    private static String text(Tokens in, Path at, String expected) throws IOException {
        if (in.token() != JsonToken.VALUE_STRING) {
            throw Defects.invalidField(at, expected + ", got " + in.describe());
        }
        return in.text();
    }

    private static int signum(Number integer) {
        return integer instanceof BigInteger b ? b.signum() : Long.signum(integer.longValue());
    }

    /** The exact value of a JSON number (integral or not), within bounds any real input respects. */
    private static BigDecimal number(Tokens in, Path at, String expected) throws IOException {
        JsonToken token = in.token();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw Defects.invalidField(at, expected + ", got " + in.describe());
        }
        BigDecimal value = Tokens.decimal(in.number());
        if (!Contract.withinBounds(value)) {
            throw Defects.invalidField(at, Contract.got(Contract.NUMBER_BOUNDS, in.describe()));
        }
        return Contract.number(value);
    }

    /** A free-form object as the contract's natural Java shape; a duplicate key is a defect where it stands. */
    private static Map<String, Object> freeFormObject(Tokens in, Path at) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        while (in.next() == JsonToken.FIELD_NAME) {
            String name = in.name();
            if (values.containsKey(name)) {
                throw Defects.duplicateField(at.field(name), name);
            }
            in.next();
            values.put(name, freeForm(in, at.field(name)));
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object freeForm(Tokens in, Path at) throws IOException {
        return switch (in.token()) {
            case START_OBJECT -> freeFormObject(in, at);
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                while (in.next() != JsonToken.END_ARRAY) {
                    items.add(freeForm(in, at.index(items.size())));
                }
                yield Collections.unmodifiableList(items);
            }
            case VALUE_STRING -> in.text();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> in.number();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null; // VALUE_NULL: a parser of JSON text yields no other value tokens
        };
    }
}

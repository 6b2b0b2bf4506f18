package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import io.autoclaims.model.ClaimChecks;
import io.autoclaims.model.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME_READ =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** Integer digits and decimals beyond any real amount; the bound keeps 1e999999999 from exhausting memory. */
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMALS = 100;
    private static final BigDecimal MAX_DEDUCTIBLE_RATE = new BigDecimal("0.20");

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

    static final ValueType<String> CLAIM_ID = codePoints(1, 64, "must be a string of 1 to 64 characters");

    /** Ids and codes other than claimId: lineId, shop ids, policyNo, problem codes. */
    static final ValueType<String> CODE = codePoints(0, ClaimChecks.MAX_CODE_LENGTH,
            "must be a string of at most " + ClaimChecks.MAX_CODE_LENGTH + " characters");

    /** Free text: part names or numbers. */
    static final ValueType<String> TEXT = codePoints(0, ClaimChecks.MAX_TEXT_LENGTH,
            "must be a string of at most " + ClaimChecks.MAX_TEXT_LENGTH + " characters");

    static final ValueType<String> VIN = codePoints(17, 17, "must be a string of exactly 17 characters");

    static final ValueType<Boolean> BOOLEAN = new Simple<>((in, at) -> switch (in.token()) {
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        default -> throw Defects.invalidField(at, "must be true or false, got " + in.describe());
    }, JsonGenerator::writeBoolean);

    static final ValueType<Integer> NON_NEGATIVE_INT = new Simple<>((in, at) -> {
        Number n = in.token() == JsonToken.VALUE_NUMBER_INT ? in.number() : null;
        if (n == null || signum(n) < 0) {
            throw Defects.invalidField(at, "must be an integer >= 0, got " + in.describe());
        }
        if (n instanceof BigInteger b ? b.bitLength() >= Integer.SIZE : n.longValue() > Integer.MAX_VALUE) {
            throw Defects.invalidField(at,
                    "must be an integer from 0 to " + Integer.MAX_VALUE + ", got " + in.describe());
        }
        return n.intValue();
    }, (out, value) -> out.writeNumber(value.intValue()));

    /** Money keeps scale 2 whatever the input's trailing zeros, so equal amounts are equal records. */
    static final ValueType<BigDecimal> MONEY = new Simple<>((in, at) -> {
        String expected = "must be an amount >= 0 with at most 2 decimal places";
        BigDecimal value = number(in, at, expected);
        if (value.signum() < 0 || (value.scale() > 2 && !Money.isFen(value))) { // scale <= 2: whole fen already
            throw Defects.invalidField(at, expected + ", got " + in.describe());
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }, JsonGenerator::writeNumber);

    static final ValueType<BigDecimal> NON_NEGATIVE_NUMBER = new Simple<>((in, at) -> {
        String expected = "must be a number >= 0";
        BigDecimal value = number(in, at, expected);
        if (value.signum() < 0) {
            throw Defects.invalidField(at, expected + ", got " + in.describe());
        }
        return value;
    }, JsonGenerator::writeNumber);

    static final ValueType<BigDecimal> DEDUCTIBLE_RATE = new Simple<>((in, at) -> {
        String expected = "must be a number from 0 to 0.20";
        BigDecimal value = number(in, at, expected);
        if (value.signum() < 0 || value.compareTo(MAX_DEDUCTIBLE_RATE) > 0) {
            throw Defects.invalidField(at, expected + ", got " + in.describe());
        }
        return value;
    }, JsonGenerator::writeNumber);

    static final ValueType<LocalDate> LOCAL_DATE = new Simple<>((in, at) -> {
        String text = text(in, at, "must be a date yyyy-MM-dd");
        if (!isDateShape(text)) {
            throw Defects.invalidField(at, "must be a date yyyy-MM-dd, got " + quote(text));
        }
        try {
            // the shape is checked: the digits are read directly (DateTimeFormatter costs ~1 us per date)
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException e) {
            throw Defects.invalidField(at, "must be a date that exists (yyyy-MM-dd), got " + quote(text));
        }
    }, (out, value) -> out.writeString(formatDate(value)));

    static final ValueType<LocalDateTime> LOCAL_DATE_TIME = new Simple<>((in, at) -> {
        String expected = "must be a date-time yyyy-MM-ddTHH:mm or yyyy-MM-ddTHH:mm:ss";
        String text = text(in, at, expected);
        if (!DATE_TIME_SHAPE.matcher(text).matches()) {
            throw Defects.invalidField(at, expected + ", got " + quote(text));
        }
        try {
            return LocalDateTime.parse(text, DATE_TIME_READ);
        } catch (DateTimeParseException e) {
            throw Defects.invalidField(at, "must be a date-time that exists, got " + quote(text));
        }
    }, (out, value) -> out.writeString(formatDateTime(value)));

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
            out.writeString(formatDate(d));
        } else if (value instanceof LocalDateTime t) {
            out.writeString(formatDateTime(t));
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
        return "\"" + shorten(text) + "\"";
    }

    static String shorten(String text) {
        int limit = 60;
        return text.length() <= limit || text.codePointCount(0, text.length()) <= limit ? text
                : text.substring(0, text.offsetByCodePoints(0, limit)) + "...";
    }

    private static String formatDate(LocalDate date) {
        // LocalDate.toString spells years 0..9999 as uuuu-MM-dd does, and much faster
        return date.getYear() >= 0 && date.getYear() <= 9999 ? date.toString() : DATE.format(date);
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

    private static String formatDateTime(LocalDateTime time) {
        return (time.getSecond() == 0 && time.getNano() == 0 ? DATE_TIME_MINUTES : DATE_TIME_SECONDS).format(time);
    }

    private static ValueType<String> codePoints(int min, int max, String expected) {
        return new Simple<>((in, at) -> {
            String text = text(in, at, expected);
            int length = text.codePointCount(0, text.length());
            if (length < min || length > max) {
                throw Defects.invalidField(at, expected + ", got " + length
                        + (length == 1 ? " character: " : " characters: ") + quote(text));
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
        if (!surelyWithinBounds(value) && outOfBounds(value.stripTrailingZeros())) {
            throw Defects.invalidField(at, "must be a number below 10^" + MAX_INTEGER_DIGITS
                    + " with at most " + MAX_DECIMALS + " decimal places, got " + in.describe());
        }
        // 1e3 and 1000 are one value; a negative scale would print as 1E+3 and read back differently.
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    /** A free-form object as the contract's natural Java shape; a duplicate key is a defect where it stands. */
    /**
     * A shortcut for {@link #outOfBounds}: the integer digits ({@code precision - scale}) of a
     * non-zero number do not change when trailing zeros are stripped, and stripping only lowers the
     * scale. Most amounts pass here without the stripped copy.
     */
    private static boolean surelyWithinBounds(BigDecimal value) {
        return value.signum() != 0 && value.precision() - value.scale() <= MAX_INTEGER_DIGITS
                && value.scale() <= MAX_DECIMALS;
    }

    private static boolean outOfBounds(BigDecimal stripped) {
        return stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS || stripped.scale() > MAX_DECIMALS;
    }

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

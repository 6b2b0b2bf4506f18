package io.autoclaims.rules.internal.table;

import io.autoclaims.rules.internal.run.Quote;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The type of a fact: what its cells may hold, how they are written in the type row. */
public record ValueType(Kind kind, Class<? extends Enum<?>> enumClass) {

    /** Kinds of values. {@code ENUM_SET} facts hold several constants at once. */
    public enum Kind { ENUM, ENUM_SET, INTEGER, MONEY, RATE, DECIMAL, DATE, BOOLEAN, CODE, TEXT }

    public static final ValueType INTEGER = new ValueType(Kind.INTEGER, null);
    public static final ValueType MONEY = new ValueType(Kind.MONEY, null);
    public static final ValueType RATE = new ValueType(Kind.RATE, null);
    public static final ValueType DECIMAL = new ValueType(Kind.DECIMAL, null);
    public static final ValueType DATE = new ValueType(Kind.DATE, null);
    public static final ValueType BOOLEAN = new ValueType(Kind.BOOLEAN, null);
    public static final ValueType CODE = new ValueType(Kind.CODE, null);
    /** Free text: only for placeholders in reason texts, never a condition; quoted {@link Quote shortened}. */
    public static final ValueType TEXT = new ValueType(Kind.TEXT, null);

    public ValueType {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ENUM || kind == Kind.ENUM_SET) != (enumClass != null)) {
            throw new IllegalArgumentException("enum kinds need an enum class, others none");
        }
    }

    public static ValueType enumOf(Class<? extends Enum<?>> type) {
        return new ValueType(Kind.ENUM, type);
    }

    public static ValueType enumSetOf(Class<? extends Enum<?>> type) {
        return new ValueType(Kind.ENUM_SET, type);
    }

    /** The type row text of a condition column on a fact of this type, e.g. {@code enum set Cause}. */
    public String conditionName() {
        return switch (kind) {
            case ENUM, ENUM_SET -> "enum set " + enumClass.getSimpleName();
            case INTEGER -> "integer range";
            case MONEY -> "money range";
            case RATE -> "rate range";
            case DECIMAL -> "decimal range";
            case DATE -> "date range";
            case BOOLEAN -> "boolean";
            case CODE -> "code set";
            case TEXT -> "text";
        };
    }

    /** The type row text of an output column setting a fact of this type, e.g. {@code enum Remedy}. */
    public String outputName() {
        return switch (kind) {
            case ENUM -> "enum " + enumClass.getSimpleName();
            case ENUM_SET -> "enum set " + enumClass.getSimpleName();
            case INTEGER -> "integer";
            case MONEY -> "money";
            case RATE -> "rate";
            case DECIMAL -> "decimal";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case CODE -> "code";
            case TEXT -> "text";
        };
    }

    /** The constants of an enum type, in declaration order. */
    public List<String> constants() {
        return Arrays.stream(enumClass.getEnumConstants()).map(Enum::name).toList();
    }

    /** The constant with that exact name, or null. */
    public Enum<?> constant(String name) {
        for (Enum<?> e : enumClass.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}

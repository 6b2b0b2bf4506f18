package io.autoclaims.rules.internal.table;

import io.autoclaims.rules.internal.run.Combine;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One fact of the catalogue: its name as analysts write it ({@code line.cause}), whether it belongs to
 * the claim or to a line, its type, the bean property Drools constraints use, how to read its value
 * for reasons, and, for facts rows may set, its slot and how values combine.
 */
public record FactDef(
        String name,
        Scope scope,
        ValueType type,
        String property,
        Function<Object, Object> reader,
        int slot,
        Combine combine,
        String meaning) {

    public FactDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(combine, "combine");
    }

    /** True when rows may set this fact in a THEN column. */
    public boolean settable() {
        return slot >= 0 || combine == Combine.ROW;
    }

    /** True when the fact may be a condition (has a property Drools can read). */
    public boolean condition() {
        return property != null;
    }

    /** The fact's value on a claim or line fact object of its own scope. */
    public Object read(Object facts) {
        return reader.apply(facts);
    }

    /** The accessor a Drools constraint of a table with that scope uses, e.g. {@code claim.regime}. */
    public String accessorFrom(Scope tableScope) {
        return tableScope == Scope.LINE && scope == Scope.CLAIM ? "claim." + property : property;
    }

    /**
     * The unit messages print after a value of this fact ({@code 494 km}, {@code 494 公里}), so that
     * every number an analyst reads says what it counts; "" for a fact that is not a count or an
     * amount. {@code io.autoclaims.rules.FactUnits} gives it to hosts by the fact's name.
     */
    public String unit(boolean zh) {
        ValueType.Kind kind = type.kind();
        if (kind == ValueType.Kind.MONEY || name.endsWith("Cny")) {
            return zh ? "元" : "CNY";
        }
        if (kind != ValueType.Kind.INTEGER && kind != ValueType.Kind.DECIMAL) {
            return ""; // rates print as rates, dates as dates, enums and codes as themselves
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("months")) {
            return zh ? "个月" : "months";
        }
        if (lower.contains("km")) {
            return zh ? "公里" : "km";
        }
        if (lower.contains("days")) {
            return zh ? "天" : "days";
        }
        if (lower.contains("hours")) {
            return zh ? "小时" : "hours";
        }
        if (lower.endsWith("count") && lower.startsWith("lines.")) {
            return zh ? "条明细" : "line(s)";
        }
        if (lower.endsWith("repairs") || lower.endsWith("replacements") || lower.endsWith("count")
                || lower.endsWith("hits")) {
            return zh ? "次" : "time(s)";
        }
        return "";
    }

    @Override
    public String toString() {
        return name;
    }
}

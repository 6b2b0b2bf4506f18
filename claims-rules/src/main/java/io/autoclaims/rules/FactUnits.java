package io.autoclaims.rules;

import io.autoclaims.rules.internal.run.FactCatalog;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.ValueType;

/**
 * The unit of a number fact as messages print it after a value ({@code 494 km}, {@code 494 公里}):
 * every number an analyst reads says what it counts.
 */
public final class FactUnits {
    private FactUnits() {
    }

    /**
     * The unit of a fact, as messages print it after a value.
     *
     * @param factName the fact's dotted name, e.g. {@code line.kmOverTerm}
     * @param zh       true for Chinese ({@code 公里}), false for English ({@code km})
     * @return the unit, or "" for an unknown fact or one that is not a count or an amount
     */
    public static String of(String factName, boolean zh) {
        FactDef fact = FactCatalog.get(java.util.Objects.requireNonNull(factName, "factName"));
        return fact == null ? "" : of(fact, zh);
    }

    /**
     * As {@link #of(String, boolean)} for a fact of the catalogue.
     *
     * @param fact the fact's definition
     * @param zh   true for Chinese, false for English
     * @return the unit, or ""
     */
    public static String of(FactDef fact, boolean zh) {
        java.util.Objects.requireNonNull(fact, "fact");
        ValueType.Kind kind = fact.type().kind();
        String n = fact.name();
        if (kind == ValueType.Kind.MONEY || n.endsWith("Cny")) {
            return zh ? "元" : "CNY";
        }
        if (kind != ValueType.Kind.INTEGER && kind != ValueType.Kind.DECIMAL) {
            return ""; // rates print as rates, dates as dates, enums and codes as themselves
        }
        String lower = n.toLowerCase(java.util.Locale.ROOT);
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

    /**
     * A value with its unit.
     *
     * @param value    the value
     * @param factName the fact's dotted name
     * @param zh       true for Chinese, false for English
     * @return {@code value} followed by the fact's unit: {@code 494 km}, {@code 494 公里}, or the value alone
     */
    public static String with(Object value, String factName, boolean zh) {
        String unit = of(factName, zh);
        return unit.isEmpty() ? String.valueOf(value) : value + " " + unit;
    }
}

package io.autoclaims.rules;

import io.autoclaims.rules.internal.run.FactCatalog;
import io.autoclaims.rules.internal.table.FactDef;

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
        return fact == null ? "" : fact.unit(zh);
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

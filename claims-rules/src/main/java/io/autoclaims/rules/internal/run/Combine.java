package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Remedy;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** How a value set by a row combines with a value the fact already holds. */
public enum Combine {
    /** The new value replaces the old one. */
    REPLACE,
    /** The stronger remedy wins. */
    STRONGEST,
    /** The lower rate wins. */
    LOWEST,
    /** The sets are united. */
    UNION,
    /**
     * Not kept in a slot: the row's value acts when the row fires (a formula is applied, a charge
     * is added).
     */
    ROW;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object apply(Object old, Object value) {
        if (old == null || this == REPLACE) {
            return value;
        }
        return switch (this) {
            case STRONGEST -> ((Remedy) old).strongest((Remedy) value);
            case LOWEST -> ((BigDecimal) old).min((BigDecimal) value);
            case UNION -> {
                Set merged = EnumSet.copyOf((Set) old);
                merged.addAll((Set) value);
                yield merged;
            }
            case REPLACE, ROW -> value;
        };
    }
}

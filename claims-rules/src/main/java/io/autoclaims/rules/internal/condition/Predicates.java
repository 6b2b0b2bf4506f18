package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.internal.condition.Predicate.BoolIs;
import io.autoclaims.rules.internal.condition.Predicate.CodeIn;
import io.autoclaims.rules.internal.condition.Predicate.EnumIn;
import io.autoclaims.rules.internal.condition.Predicate.Range;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Evaluates a condition cell against a fact's value outside Drools, for explanations ("why not
 * this row") and analysis only: adjudication is always Drools executing the generated rules.
 */
public final class Predicates {
    private Predicates() {
    }

    /** True when the value satisfies the condition; a blank value satisfies no condition. */
    public static boolean test(Predicate p, Object value) {
        if (p instanceof EnumIn in) {
            if (value instanceof Collection<?> set) {
                boolean any = in.values().stream().anyMatch(set::contains);
                return any != in.negated();
            }
            return value != null && in.values().contains(value) != in.negated();
        }
        if (p instanceof CodeIn in) {
            return value != null && in.values().contains(value);
        }
        if (p instanceof BoolIs b) {
            return value != null && value.equals(b.value());
        }
        BigDecimal v = number(value);
        if (v == null) {
            return false;
        }
        Range r = (Range) p;
        boolean low = r.low() == null || (r.lowIncluded() ? v.compareTo(r.low()) >= 0 : v.compareTo(r.low()) > 0);
        boolean high = r.high() == null || (r.highIncluded() ? v.compareTo(r.high()) <= 0 : v.compareTo(r.high()) < 0);
        return low && high;
    }

    /** How far a number is outside a range (0 inside), or null for other kinds of condition. */
    public static BigDecimal distance(Predicate p, Object value) {
        BigDecimal v = number(value);
        if (!(p instanceof Range r) || v == null) {
            return null;
        }
        if (r.low() != null && v.compareTo(r.low()) < 0) {
            return r.low().subtract(v);
        }
        if (r.high() != null && v.compareTo(r.high()) > 0) {
            return v.subtract(r.high());
        }
        return BigDecimal.ZERO;
    }

    /** Numbers as decimals, dates as epoch days (as range cells store them). */
    public static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof LocalDate d) {
            return BigDecimal.valueOf(d.toEpochDay());
        }
        return null;
    }
}

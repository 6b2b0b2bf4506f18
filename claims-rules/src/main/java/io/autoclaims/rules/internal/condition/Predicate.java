package io.autoclaims.rules.internal.condition;

import java.math.BigDecimal;
import java.util.List;

/** What a condition cell says about its fact, already typed. Blank cells have no predicate. */
public sealed interface Predicate {

    /**
     * The fact is one of these constants (for a set-valued fact: contains any of them); negated, it
     * is none of them (contains none of them).
     */
    record EnumIn(List<Enum<?>> values, boolean negated) implements Predicate {
        public EnumIn {
            values = List.copyOf(values);
        }
    }

    /** The fact is one of these codes. */
    record CodeIn(List<String> values) implements Predicate {
        public CodeIn {
            values = List.copyOf(values);
        }
    }

    /** The fact is TRUE or FALSE. */
    record BoolIs(boolean value) implements Predicate {
    }

    /**
     * A range of numbers (integers, money, rates, or dates as epoch days). A null bound is open.
     */
    record Range(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) implements Predicate {
    }
}

package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The builders' checks: one builder's fields, in the contract's order, against {@link Contract}'s
 * rules, keeping the first problem with its dotted path. A builder's {@code check(FieldChecks)}
 * names each field once; it is walked twice, as the codec reads a line: first for a lone surrogate in any
 * string (a whole-line problem, reported wherever it stands), then for the contract, where each
 * object's present values come first, then its missing required fields, then its own rules.
 */
final class FieldChecks {

    /**
     * The first problem of the object a builder holds, {@code check} naming its fields, their paths
     * prefixed by {@code at} ({@code ""} at a claim's root); null when there is none.
     */
    static InputError problem(Consumer<FieldChecks> check, String at) {
        FieldChecks encoding = new FieldChecks(at, true);
        check.accept(encoding);
        if (encoding.first != null) {
            return encoding.first;
        }
        FieldChecks contract = new FieldChecks(at, false);
        check.accept(contract);
        return contract.first;
    }

    /** The record {@code create} makes once {@code check} finds nothing; else the {@link InvalidClaimException}. */
    static <T> T build(Consumer<FieldChecks> check, Supplier<T> create) {
        InputError problem = problem(check, "");
        if (problem != null) {
            throw new InvalidClaimException(problem);
        }
        return create.get();
    }

    /** The path of the object checked, ending in a dot: spelled out only for a problem (most claims have none). */
    private String at;
    private final FieldChecks parent;
    /** This object's field in its parent, and its index when it is a list's element (else -1). */
    private final String field;
    private final int index;
    /** True on the first walk: only strings are looked at, for lone surrogates. */
    private final boolean encoding;
    private InputError first;

    private FieldChecks(String at, boolean encoding) {
        this.at = at;
        this.parent = null;
        this.field = null;
        this.index = -1;
        this.encoding = encoding;
    }

    private FieldChecks(FieldChecks parent, String field, int index) {
        this.parent = parent;
        this.field = field;
        this.index = index;
        this.encoding = parent.encoding;
    }

    private String at() {
        if (at == null) {
            at = parent.at() + field + (index < 0 ? "" : "[" + index + "]") + ".";
        }
        return at;
    }

    private boolean skip() {
        return first != null;
    }

    private FieldChecks invalid(String name, String message) {
        first = new InputError("INVALID_FIELD", at() + name, message);
        return this;
    }

    private boolean encoded(String name, String value) {
        int lone = Contract.loneSurrogate(value);
        if (lone >= 0) {
            first = new InputError(Contract.INVALID_ENCODING, at() + name,
                    Contract.loneSurrogateMessage(false, value.charAt(lone)));
            return false;
        }
        return true;
    }

    private FieldChecks string(String name, String value, int min, int max, String expected) {
        if (skip() || value == null) {
            return this;
        }
        if (encoding) {
            encoded(name, value);
            return this;
        }
        String problem = Contract.lengthProblem(value, min, max, expected);
        return problem == null ? this : invalid(name, problem);
    }

    FieldChecks claimId(String name, String value) {
        return string(name, value, 1, Contract.MAX_CLAIM_ID_LENGTH, Contract.CLAIM_ID);
    }

    FieldChecks vin(String name, String value) {
        return string(name, value, Contract.VIN_LENGTH, Contract.VIN_LENGTH, Contract.VIN);
    }

    FieldChecks code(String name, String value) {
        return string(name, value, 0, Contract.MAX_CODE_LENGTH, Contract.CODE);
    }

    FieldChecks text(String name, String value) {
        return string(name, value, 0, Contract.MAX_TEXT_LENGTH, Contract.TEXT);
    }

    FieldChecks nonNegativeInt(String name, Integer value) {
        if (skip() || encoding || value == null || value >= 0) {
            return this;
        }
        return invalid(name, Contract.got(Contract.NON_NEGATIVE_INTEGER, value.toString()));
    }

    private boolean bounded(String name, BigDecimal value) {
        if (Contract.withinBounds(value)) {
            return true;
        }
        invalid(name, Contract.got(Contract.NUMBER_BOUNDS, Contract.describe(value)));
        return false;
    }

    FieldChecks money(String name, BigDecimal value) {
        if (skip() || encoding || value == null || !bounded(name, value) || Contract.isMoney(value)) {
            return this;
        }
        return invalid(name, Contract.got(Contract.MONEY, Contract.describe(value)));
    }

    FieldChecks nonNegative(String name, BigDecimal value) {
        if (skip() || encoding || value == null || !bounded(name, value) || value.signum() >= 0) {
            return this;
        }
        return invalid(name, Contract.got(Contract.NON_NEGATIVE_NUMBER, Contract.describe(value)));
    }

    FieldChecks deductibleRate(String name, BigDecimal value) {
        if (skip() || encoding || value == null || !bounded(name, value) || Contract.isDeductibleRate(value)) {
            return this;
        }
        return invalid(name, Contract.got(Contract.DEDUCTIBLE_RATE, Contract.describe(value)));
    }

    FieldChecks date(String name, LocalDate value) {
        if (skip() || encoding || value == null || Contract.isDate(value)) {
            return this;
        }
        return invalid(name, Contract.got(Contract.DATE, Contract.quote(Contract.formatDate(value))));
    }

    FieldChecks dateTime(String name, LocalDateTime value) {
        if (skip() || encoding || value == null || Contract.isDateTime(value)) {
            return this;
        }
        return invalid(name, Contract.got(Contract.DATE_TIME, Contract.describe(value)));
    }

    /** A nested object ({@code check} null when absent): its problems are reported at its place in the claim. */
    FieldChecks object(String name, Consumer<FieldChecks> check) {
        if (skip() || check == null) {
            return this;
        }
        FieldChecks inner = new FieldChecks(this, name, -1);
        check.accept(inner);
        first = inner.first;
        return this;
    }

    /** A list of objects (null when absent), each at its index. */
    <E> FieldChecks objects(String name, List<E> values, BiConsumer<E, FieldChecks> check) {
        for (int i = 0; values != null && i < values.size() && !skip(); i++) {
            FieldChecks inner = new FieldChecks(this, name, i);
            check.accept(values.get(i), inner);
            first = inner.first;
        }
        return this;
    }

    /** Free-form data (extensions): only its strings are checked, for lone surrogates, as the codec reads them. */
    FieldChecks freeForm(String name, Object value) {
        if (skip() || !encoding || value == null) {
            return this;
        }
        if (value instanceof String s) {
            encoded(name, s);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                int lone = Contract.loneSurrogate(key);
                if (lone >= 0) {
                    first = new InputError(Contract.INVALID_ENCODING, at() + name,
                            Contract.loneSurrogateMessage(true, key.charAt(lone)));
                    return this;
                }
                freeForm(name + "." + key, e.getValue());
                if (skip()) {
                    return this;
                }
            }
        } else if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                freeForm(name + "[" + i++ + "]", item);
                if (skip()) {
                    return this;
                }
            }
        }
        return this;
    }

    /** A required field: absent (null) is {@code MISSING_FIELD}, after the object's present values. */
    FieldChecks required(String name, Object value) {
        if (!skip() && !encoding && value == null) {
            first = new InputError("MISSING_FIELD", at() + name, Contract.missing(name));
        }
        return this;
    }

    /** A rule of the object as a whole, once its fields are fine: the error's field is relative to the object. */
    FieldChecks rule(Supplier<InputError> rule) {
        if (!skip() && !encoding) {
            InputError e = rule.get();
            if (e != null) {
                first = new InputError(e.code(), e.field() == null ? null : at() + e.field(), e.message());
            }
        }
        return this;
    }

    /** Null elements are programming errors, named by the parameter and index. */
    static <E> List<E> copy(List<? extends E> values, String parameter) {
        Objects.requireNonNull(values, parameter);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new NullPointerException(parameter + " holds null at index " + i);
            }
        }
        return List.copyOf(values);
    }

    /** As {@link #copy(List, String)}, for varargs. */
    @SafeVarargs
    static <E> List<E> copy(String parameter, E... values) {
        return copy(java.util.Arrays.asList(Objects.requireNonNull(values, parameter).clone()), parameter);
    }
}

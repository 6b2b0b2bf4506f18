package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range cell of a number or date fact ({@code integer}, {@code money}, {@code rate}, {@code decimal},
 * {@code date range}): a value ({@code 36}, a point: both bounds equal), a comparison ({@code <= 7}) or
 * two bounds ({@code 5..10}). Bounds are decimals, dates as epoch days; a null bound is open. What
 * differs by value type is here too: integers and dates close over whole numbers, the others do not.
 */
public record Range(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) implements Predicate {
    private static final Pattern COMPARISON = Pattern.compile("^(>=|<=|>|<|=|≥|≤)?\\s*(\\S+)$");
    private static final Pattern BETWEEN = Pattern.compile("^(\\S+)\\s*\\.\\.\\s*(\\S+)$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** The range a cell states, or null (with an issue) when the cell is wrong. */
    static Range parse(FactDef fact, Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        if (value instanceof BigDecimal || value instanceof LocalDate) {
            BigDecimal v = bound(fact, value, shown, where, issues);
            return v == null ? null : new Range(v, true, v, true);
        }
        if (value instanceof Boolean) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + shown + "\" is not " + Cells.expected(fact),
                    rangeHint(fact)).withZh("\"" + shown + "\" 不是" + Cells.expectedZh(fact), rangeHintZh(fact)));
            return null;
        }
        String s = ((String) value).trim();
        Matcher between = BETWEEN.matcher(s);
        if (between.matches()) {
            BigDecimal low = bound(fact, between.group(1), shown, where, issues);
            BigDecimal high = low == null ? null : bound(fact, between.group(2), shown, where, issues);
            if (low == null || high == null) {
                return null;
            }
            if (low.compareTo(high) > 0) {
                issues.add(WorkbookIssue.error("EMPTY_RANGE", where, "\"" + shown + "\" is an empty range",
                        "write the lower bound first, e.g. 5..10").withZh(
                        "\"" + shown + "\" 是空范围（下限大于上限）", "请先写下限，例如 5..10"));
                return null;
            }
            return new Range(low, true, high, true);
        }
        Matcher cmp = COMPARISON.matcher(s);
        if (!cmp.matches()) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + shown + "\" is not " + Cells.expected(fact),
                    rangeHint(fact)).withZh("\"" + shown + "\" 不是" + Cells.expectedZh(fact), rangeHintZh(fact)));
            return null;
        }
        BigDecimal v = bound(fact, cmp.group(2), shown, where, issues);
        if (v == null) {
            return null;
        }
        String op = cmp.group(1) == null ? "=" : cmp.group(1);
        return switch (op) {
            case ">=", "≥" -> new Range(v, true, null, false);
            case ">" -> new Range(v, false, null, false);
            case "<=", "≤" -> new Range(null, false, v, true);
            case "<" -> new Range(null, false, v, false);
            default -> new Range(v, true, v, true);
        };
    }

    /** One bound of a range as a number (dates as epoch days). */
    private static BigDecimal bound(FactDef fact, Object raw, String shown, CellRef where,
            List<WorkbookIssue> issues) {
        ValueType.Kind kind = fact.type().kind();
        if (kind == ValueType.Kind.DATE) {
            if (raw instanceof LocalDate d) {
                return BigDecimal.valueOf(d.toEpochDay());
            }
            try {
                return BigDecimal.valueOf(LocalDate.parse(raw.toString().trim(), DATE).toEpochDay());
            } catch (DateTimeParseException e) {
                issues.add(WorkbookIssue.error("BAD_VALUE", where,
                        "\"" + raw + "\" is not a date that exists (yyyy-MM-dd)", rangeHint(fact)).withZh(
                        "\"" + raw + "\" 不是存在的日期（yyyy-MM-dd）", rangeHintZh(fact)));
                return null;
            }
        }
        return Cells.number(fact, raw, shown, where, issues);
    }

    private static String rangeHint(FactDef fact) {
        String example = fact.type().kind() == ValueType.Kind.DATE ? ">= 2022-01-01" : "<= 7";
        return "write a value, a comparison such as " + example + ", a range such as 5..10, or leave blank for any";
    }

    private static String rangeHintZh(FactDef fact) {
        String example = fact.type().kind() == ValueType.Kind.DATE ? ">= 2022-01-01" : "<= 7";
        return "请填写一个值、比较式（如 " + example + "）、范围（如 5..10），或留空表示任意";
    }

    /** Numbers as decimals, dates as epoch days (as range cells store them); null for anything else. */
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

    /** Equal bounds: "equal to" ({@code ==} in a rule of its own, a hash key in an index). */
    public boolean isPoint() {
        return low != null && high != null && low.compareTo(high) == 0;
    }

    /** True when every value {@code other} holds is in this range: a row at least as lenient as the law. */
    public boolean covers(Range other) {
        boolean lowOk = low == null || (other.low != null && (low.compareTo(other.low) < 0
                || (low.compareTo(other.low) == 0 && (lowIncluded || !other.lowIncluded))));
        boolean highOk = high == null || (other.high != null && (high.compareTo(other.high) > 0
                || (high.compareTo(other.high) == 0 && (highIncluded || !other.highIncluded))));
        return lowOk && highOk;
    }

    @Override
    public boolean test(Object value) {
        BigDecimal v = number(value);
        if (v == null) {
            return false;
        }
        boolean lowOk = low == null || (lowIncluded ? v.compareTo(low) >= 0 : v.compareTo(low) > 0);
        boolean highOk = high == null || (highIncluded ? v.compareTo(high) <= 0 : v.compareTo(high) < 0);
        return lowOk && highOk;
    }

    /** How far a number is outside the range; 0 inside (an open bound's edge counts as inside). */
    @Override
    public BigDecimal distance(Object value) {
        BigDecimal v = number(value);
        if (v == null) {
            return null;
        }
        if (low != null && v.compareTo(low) < 0) {
            return low.subtract(v);
        }
        if (high != null && v.compareTo(high) > 0) {
            return v.subtract(high);
        }
        return BigDecimal.ZERO;
    }

    @Override
    public String describe(ValueType type, Template.Language language) {
        Function<BigDecimal, String> bound = d -> type.kind() == ValueType.Kind.DATE
                ? LocalDate.ofEpochDay(d.longValueExact()).toString()
                : Template.formatValue(d, type, language).replace(".00", "");
        if (low != null && high != null) {
            return low.compareTo(high) == 0 ? bound.apply(low) : bound.apply(low) + ".." + bound.apply(high);
        }
        if (low != null) {
            return (lowIncluded ? ">= " : "> ") + bound.apply(low);
        }
        return (highIncluded ? "<= " : "< ") + bound.apply(high);
    }

    @Override
    public String constraint(FactDef fact, String accessor, boolean boxed) {
        List<String> parts = new ArrayList<>();
        if (boxed) {
            parts.add(accessor + " != null");
        }
        if (isPoint()) {
            parts.add(accessor + " == " + literal(fact, low));
        } else {
            if (low != null) {
                parts.add(accessor + (lowIncluded ? " >= " : " > ") + literal(fact, low));
            }
            if (high != null) {
                parts.add(accessor + (highIncluded ? " <= " : " < ") + literal(fact, high));
            }
        }
        return String.join(" && ", parts);
    }

    /** A number literal: ints for integers and dates (epoch days), BigDecimal literals otherwise. */
    private static String literal(FactDef fact, BigDecimal value) {
        return whole(fact) ? Long.toString(value.longValueExact()) : value.toPlainString() + "B";
    }

    /** Integer and date facts: their ranges close over whole numbers. */
    private static boolean whole(FactDef fact) {
        return fact.type().kind() == ValueType.Kind.INTEGER || fact.type().kind() == ValueType.Kind.DATE;
    }

    /**
     * BETWEEN for whole numbers (two long fields, both bounds included: an exclusive bound moves by one,
     * an open one becomes the extreme long, a point is both bounds); for decimals POINT (equal to one
     * value), or RANGE with the bounds it has, and whether they are included, in the form.
     */
    @Override
    public String form(FactDef fact) {
        if (whole(fact)) {
            return "BETWEEN";
        }
        if (isPoint()) {
            return "POINT";
        }
        return "RANGE[" + (low != null ? (lowIncluded ? ">=" : ">") : "") + (high != null ? (highIncluded ? "<=" : "<") : "")
                + "]";
    }

    @Override
    public List<String> fields(FactDef fact, int j) {
        if (whole(fact)) {
            return List.of("lo" + j + " : long", "hi" + j + " : long");
        }
        if (isPoint()) {
            return List.of("v" + j + " : java.math.BigDecimal");
        }
        List<String> fields = new ArrayList<>();
        if (low != null) {
            fields.add("lo" + j + " : java.math.BigDecimal");
        }
        if (high != null) {
            fields.add("hi" + j + " : java.math.BigDecimal");
        }
        return fields;
    }

    @Override
    public List<String> constraints(FactDef fact, int j, String value) {
        if (whole(fact)) {
            return List.of("lo" + j + " <= " + value, "hi" + j + " >= " + value);
        }
        if (isPoint()) {
            // equal by value, whatever the scale
            return List.of("v" + j + " <= " + value, "v" + j + " >= " + value);
        }
        List<String> constraints = new ArrayList<>();
        if (low != null) {
            constraints.add("lo" + j + (lowIncluded ? " <= " : " < ") + value);
        }
        if (high != null) {
            constraints.add("hi" + j + (highIncluded ? " >= " : " > ") + value);
        }
        return constraints;
    }

    @Override
    public Map<String, Object> values(FactDef fact, int j) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (whole(fact)) {
            values.put("lo" + j, low == null ? Long.MIN_VALUE
                    : lowIncluded ? low.setScale(0, RoundingMode.CEILING).longValueExact()
                    : low.setScale(0, RoundingMode.FLOOR).longValueExact() + 1);
            values.put("hi" + j, high == null ? Long.MAX_VALUE
                    : highIncluded ? high.setScale(0, RoundingMode.FLOOR).longValueExact()
                    : high.setScale(0, RoundingMode.CEILING).longValueExact() - 1);
        } else if (isPoint()) {
            values.put("v" + j, low);
        } else {
            if (low != null) {
                values.put("lo" + j, low);
            }
            if (high != null) {
                values.put("hi" + j, high);
            }
        }
        return values;
    }

    @Override
    public boolean needsValue() {
        return true;
    }

    /** A point is a key: its value whatever the scale; a wider range is found by its bounds. */
    @Override
    public List<Object> keys() {
        return isPoint() ? List.of(low.stripTrailingZeros()) : null;
    }

    @Override
    public List<BigDecimal> bounds() {
        List<BigDecimal> bounds = new ArrayList<>(2);
        if (low != null) {
            bounds.add(low);
        }
        if (high != null) {
            bounds.add(high);
        }
        return bounds;
    }

    /** Cells between the bounds the table writes: below the first, each bound, between, above. */
    @Override
    public List<Sample> domain(FactDef fact, List<Predicate> column) {
        TreeSet<BigDecimal> points = new TreeSet<>();
        column.forEach(p -> points.addAll(p.bounds()));
        boolean whole = whole(fact);
        BigDecimal step = whole ? BigDecimal.ONE : CENT;
        List<Sample> cells = new ArrayList<>();
        BigDecimal previous = null;
        for (BigDecimal p : points) {
            BigDecimal below = previous == null ? p.subtract(step) : between(previous, p, whole);
            if (below != null) {
                cells.add(sample(fact, below));
            }
            cells.add(sample(fact, p));
            previous = p;
        }
        cells.add(sample(fact, previous == null ? BigDecimal.ZERO : previous.add(step)));
        return cells;
    }

    /** A number strictly between a and b, or null when none is (whole numbers 5 and 6). */
    private static BigDecimal between(BigDecimal a, BigDecimal b, boolean whole) {
        if (whole) {
            return b.subtract(a).compareTo(BigDecimal.ONE) > 0 ? a.add(BigDecimal.ONE) : null;
        }
        return a.add(b).divide(BigDecimal.valueOf(2));
    }

    private static Sample sample(FactDef fact, BigDecimal value) {
        return new Sample(fact.type().kind() == ValueType.Kind.DATE
                ? LocalDate.ofEpochDay(value.longValueExact()).toString()
                : value.stripTrailingZeros().toPlainString(), value);
    }

    @Override
    public boolean ordered() {
        return true;
    }
}

package io.autoclaims.rules.internal.compile;

import io.autoclaims.rules.internal.condition.Predicate.BoolIs;
import io.autoclaims.rules.internal.condition.Predicate.CodeIn;
import io.autoclaims.rules.internal.condition.Predicate.EnumIn;
import io.autoclaims.rules.internal.condition.Predicate.Range;
import io.autoclaims.rules.internal.condition.Predicate;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.TableModel;
import io.autoclaims.rules.internal.table.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one table whose conditions have the same form: the same facts, each tested the same way
 * (equal to one value, one of a set, not one of a set, a point, or a range with the same kinds of
 * bound). Such rows compile to one Drools rule whose constraints compare the fact with the fields of
 * a row fact; the row facts are data, found through a {@link RowIndex}. A large table then costs one
 * rule per form, not one per row, to compile, and a lookup, not a scan, to evaluate.
 */
record RowShape(int id, int stage, TableModel table, List<Column> columns, List<CompiledRulebook.RowRef> rows) {

    /** How one condition column tests its fact in every row of the shape. */
    enum Kind {
        /** One of a set of constants, codes or booleans (a single value is a set of one). */
        IN,
        /** None of a set of constants. */
        NOT_IN,
        /**
         * An integer or date (epoch day) between two bounds, both included: an exclusive bound moves by
         * one, an open one becomes the extreme long, a single value is both bounds.
         */
        BETWEEN,
        /** A decimal (money, rate) equal to one value. */
        POINT,
        /** A decimal range; which bounds it has, and whether they are included, is part of the shape. */
        RANGE
    }

    /** One condition column of the shape; {@code low}/{@code high}: bound present, and included. */
    record Column(FactDef fact, Kind kind, boolean hasLow, boolean lowIncluded, boolean hasHigh,
            boolean highIncluded) {

        String signature() {
            return fact.name() + ":" + kind + (kind == Kind.RANGE
                    ? "[" + (hasLow ? (lowIncluded ? ">=" : ">") : "") + (hasHigh ? (highIncluded ? "<=" : "<") : "") + "]"
                    : "");
        }
    }

    /** The name of the row fact type Drools declares for the shape. */
    String typeName() {
        return "Row" + id;
    }

    /**
     * The column form of a condition, or null when it has none a row fact can carry (a set-valued
     * fact: "contains any of" has no Drools operator between two sets).
     */
    static Column column(Condition c) {
        FactDef fact = c.fact();
        if (fact.type().kind() == ValueType.Kind.ENUM_SET) {
            return null;
        }
        Predicate p = c.predicate();
        if (p instanceof EnumIn in) {
            return new Column(fact, in.negated() ? Kind.NOT_IN : Kind.IN, false, false, false, false);
        }
        if (p instanceof CodeIn || p instanceof BoolIs) {
            return new Column(fact, Kind.IN, false, false, false, false);
        }
        Range r = (Range) p;
        if (isWhole(fact)) {
            return new Column(fact, Kind.BETWEEN, false, false, false, false);
        }
        if (isPoint(r)) {
            return new Column(fact, Kind.POINT, false, false, false, false);
        }
        return new Column(fact, Kind.RANGE, r.low() != null, r.lowIncluded(), r.high() != null, r.highIncluded());
    }

    /** Integer and date facts: their ranges close over whole numbers. */
    static boolean isWhole(FactDef fact) {
        return fact.type().kind() == ValueType.Kind.INTEGER || fact.type().kind() == ValueType.Kind.DATE;
    }

    /** A range with equal bounds means "equal to" (the one-rule-per-row form writes {@code ==}). */
    static boolean isPoint(Range r) {
        return r.low() != null && r.high() != null && r.low().compareTo(r.high()) == 0;
    }

    /**
     * Groups a table's rows by shape, numbering shapes from {@code firstId}. Rows with a condition no
     * row fact can carry go to {@code single} and keep a rule of their own.
     */
    static List<RowShape> plan(int stage, TableModel table, List<CompiledRulebook.RowRef> rows, int firstId,
            List<CompiledRulebook.RowRef> single) {
        Map<String, List<CompiledRulebook.RowRef>> bySignature = new LinkedHashMap<>();
        Map<String, List<Column>> columnsOf = new LinkedHashMap<>();
        for (CompiledRulebook.RowRef ref : rows) {
            List<Column> columns = new ArrayList<>();
            StringBuilder signature = new StringBuilder();
            boolean carried = true;
            for (Condition c : ref.row().conditions()) {
                Column col = column(c);
                if (col == null) {
                    carried = false;
                    break;
                }
                columns.add(col);
                signature.append(col.signature()).append('|');
            }
            if (!carried) {
                single.add(ref);
                continue;
            }
            bySignature.computeIfAbsent(signature.toString(), k -> new ArrayList<>()).add(ref);
            columnsOf.putIfAbsent(signature.toString(), columns);
        }
        List<RowShape> shapes = new ArrayList<>();
        for (Map.Entry<String, List<CompiledRulebook.RowRef>> e : bySignature.entrySet()) {
            shapes.add(new RowShape(firstId + shapes.size(), stage, table, columnsOf.get(e.getKey()), e.getValue()));
        }
        return shapes;
    }
}

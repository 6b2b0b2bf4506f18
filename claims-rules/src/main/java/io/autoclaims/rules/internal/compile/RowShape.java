package io.autoclaims.rules.internal.compile;

import io.autoclaims.rules.internal.condition.Predicate;
import io.autoclaims.rules.internal.condition.Predicate;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.TableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one table whose conditions have the same form: the same facts, each tested the same way
 * (its condition kind's {@link Predicate#form}: one of a set, not one of a set, a point, or a range
 * with the same kinds of bound). Such rows compile to one Drools rule whose constraints compare the fact with the fields of
 * a row fact; the row facts are data, found through a {@link RowIndex}. A large table then costs one
 * rule per form, not one per row, to compile, and a lookup, not a scan, to evaluate.
 */
record RowShape(int id, int stage, TableModel table, List<Column> columns, List<CompiledRulebook.RowRef> rows) {

    /**
     * One condition column of the shape: its fact, and the cell of the shape's first row, whose form
     * ({@link Predicate#form}) every row of the shape shares.
     */
    record Column(FactDef fact, Predicate first) {

        String signature() {
            return fact.name() + ":" + first.form(fact);
        }
    }

    /** The name of the row fact type Drools declares for the shape. */
    String typeName() {
        return "Row" + id;
    }

    /** The column form of a condition, or null when no row fact can carry it. */
    static Column column(Condition c) {
        return c.predicate().form(c.fact()) == null ? null : new Column(c.fact(), c.predicate());
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

package io.autoclaims.rules.internal.compile;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.internal.condition.Predicate;
import io.autoclaims.rules.internal.run.ClaimFacts;
import io.autoclaims.rules.internal.run.LineFacts;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.HitPolicy;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.internal.table.Scope;
import io.autoclaims.rules.internal.table.TableModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Drools rules of the tables. A small table gets one rule per row, its values written into
 * the constraints. A table of {@code indexedMinRows} rows or more gets one rule per {@link RowShape}:
 * the rule's constraints compare the fact with the fields of a declared row fact type, and the rows
 * become row facts (made after compilation, see {@link RowIndex}) that the rule reads with
 * {@code from}; compilation no longer grows with the row count, and a claim meets only the rows its
 * index finds. Rows a row fact cannot carry keep a rule of their own. No rule has a salience: a
 * consequence only notes its row, and the engine applies a stage's matches in row order after the
 * round, which keeps the top-to-bottom order across both forms.
 *
 * <p>Only typed values reach the DRL: enumeration constants taken from the Java enum itself, numbers
 * printed from {@link BigDecimal}, and codes as {@link DrlText#literal string literals}. Rule names and
 * comments are made here from the table key ({@link DrlText#identifier checked}) and row numbers; no
 * sheet name, file name, title, text or note is ever written, not even in a comment. Each constraint
 * gets its own DRL line, so a compiler message points back to the cell (or, for a shape rule, the
 * table) it came from through {@link Result#lineToCell()}.
 */
final class DrlWriter {
    static final String PACKAGE = "io.autoclaims.generated";

    private final StringBuilder drl = new StringBuilder();
    private final Map<Integer, CellRef> lineToCell = new HashMap<>();
    private final Map<String, CellRef> ruleToCell = new HashMap<>();
    private final Map<String, Integer> ruleToRow = new HashMap<>();
    private int line = 1;

    /**
     * Every rule is in the MVEL dialect, whose consequences Drools compiles without making classes (a
     * Java one is a class made by ECJ), and its consequence is replaced by {@link FireRow} after the
     * build: the DRL's {@code then} says what that plain Java call does.
     */
    private static final String MVEL_DIALECT = "dialect \"mvel\"";

    /** Tables with at least this many rows compile to shape rules over indexed row facts. */
    static final int INDEXED_MIN_ROWS = 16;

    /**
     * DRL text plus where each of its lines and rules came from, the row index each rule of one row
     * fires, and the row shapes it declares.
     */
    record Result(String drl, Map<Integer, CellRef> lineToCell, Map<String, CellRef> ruleToCell,
            Map<String, Integer> ruleToRow, List<RowShape> shapes) {
        Result(String drl, Map<Integer, CellRef> lineToCell, Map<String, CellRef> ruleToCell,
                Map<String, Integer> ruleToRow) {
            this(drl, lineToCell, ruleToCell, ruleToRow, List.of());
        }
    }

    static Result write(List<CompiledRulebook.RowRef> rows) {
        return write(rows, INDEXED_MIN_ROWS);
    }

    static Result write(List<CompiledRulebook.RowRef> rows, int indexedMinRows) {
        DrlWriter w = new DrlWriter();
        w.emit("package " + PACKAGE + ";", null);
        w.emit("", null);
        w.emit("import " + ClaimFacts.class.getName() + ";", null);
        w.emit("import " + LineFacts.class.getName() + ";", null);
        List<RowShape> shapes = new ArrayList<>();
        for (int from = 0; from < rows.size(); ) {
            int stage = rows.get(from).stage();
            int to = from;
            while (to < rows.size() && rows.get(to).stage() == stage) {
                to++;
            }
            List<CompiledRulebook.RowRef> tableRows = rows.subList(from, to);
            TableModel table = tableRows.get(0).table();
            if (tableRows.size() >= indexedMinRows) {
                List<CompiledRulebook.RowRef> single = new ArrayList<>();
                List<RowShape> planned = RowShape.plan(stage, table, tableRows, shapes.size(), single);
                for (RowShape shape : planned) {
                    w.shape(shape);
                }
                shapes.addAll(planned);
                single.forEach(w::rule);
            } else {
                tableRows.forEach(w::rule);
            }
            from = to;
        }
        return new Result(w.drl.toString(), Map.copyOf(w.lineToCell), Map.copyOf(w.ruleToCell),
                Map.copyOf(w.ruleToRow), List.copyOf(shapes));
    }

    /** The name of a shape rule: {@code <table>_rows_<shape>}. */
    static String shapeRuleName(RowShape shape) {
        return DrlText.identifier(shape.table().key()) + "_rows_" + shape.id();
    }

    /** The row fact type and the one rule of a shape. */
    private void shape(RowShape shape) {
        TableModel table = shape.table();
        CellRef at = table.keyCell();
        String type = table.scope() == Scope.LINE ? "LineFacts" : "ClaimFacts";
        String name = shapeRuleName(shape);
        ruleToCell.put(name, at);
        emit("", null);
        emit("// table " + DrlText.identifier(table.key()) + ": " + shape.rows().size() + " rows of one form", null);
        emit("declare " + shape.typeName(), at);
        emit("    index : int", at);
        List<String> constraints = new ArrayList<>();
        List<String> factConstraints = new ArrayList<>();
        factConstraints.add("stage == " + shape.stage());
        if (table.hit() != HitPolicy.COLLECT) {
            factConstraints.add("hit == -1");
        }
        for (int j = 0; j < shape.columns().size(); j++) {
            RowShape.Column c = shape.columns().get(j);
            FactDef fact = c.fact();
            String accessor = fact.accessorFrom(table.scope());
            Predicate cell = c.first();
            if (fact.boxed() && cell.needsValue()) {
                factConstraints.add(accessor + " != null");
            }
            for (String field : cell.fields(fact, j)) {
                emit("    " + field, at);
            }
            constraints.addAll(cell.constraints(fact, j, FireRow.FACT + "." + accessor));
        }
        emit("end", at);
        emit("", null);
        emit("rule " + DrlText.literal(name), at);
        emit(MVEL_DIALECT, at);
        emit("when", at);
        emit("    " + FireRow.FACT + " : " + type + "(", at);
        for (int i = 0; i < factConstraints.size(); i++) {
            emit("        " + factConstraints.get(i) + (i + 1 < factConstraints.size() ? "," : ""), at);
        }
        emit("    )", at);
        emit("    " + shape.typeName() + "(", at);
        emit("        " + FireRow.ROW + " : index" + (constraints.isEmpty() ? "" : ","), at);
        for (int i = 0; i < constraints.size(); i++) {
            emit("        " + constraints.get(i) + (i + 1 < constraints.size() ? "," : ""), at);
        }
        emit("    ) from " + FireRow.FACT + ".rows(" + shape.id() + ")", at);
        emit("then", at);
        emit("    " + FireRow.FACT + ".fire(" + FireRow.ROW + ");", at);
        emit("end", at);
    }

    static String ruleName(TableModel table, RowModel row) {
        return DrlText.identifier(table.key()) + "_" + row.row();
    }

    private void rule(CompiledRulebook.RowRef ref) {
        TableModel table = ref.table();
        RowModel row = ref.row();
        String name = ruleName(table, row);
        String type = table.scope() == Scope.LINE ? "LineFacts" : "ClaimFacts";
        ruleToCell.put(name, row.idCell());
        ruleToRow.put(name, ref.index());
        emit("", null);
        emit("// table " + DrlText.identifier(table.key()) + " row " + row.row(), null);
        emit("rule " + DrlText.literal(name), row.idCell());
        emit(MVEL_DIALECT, row.idCell());
        emit("when", row.idCell());
        List<String> constraints = new ArrayList<>();
        List<CellRef> cells = new ArrayList<>();
        constraints.add("stage == " + ref.stage());
        cells.add(table.keyCell());
        if (table.hit() != HitPolicy.COLLECT) {
            constraints.add("hit == -1");
            cells.add(table.keyCell());
        }
        for (Condition c : row.conditions()) {
            constraints.add(constraint(c, table.scope()));
            cells.add(c.cell());
        }
        emit("    " + FireRow.FACT + " : " + type + "(", row.idCell());
        for (int i = 0; i < constraints.size(); i++) {
            emit("        " + constraints.get(i) + (i + 1 < constraints.size() ? "," : ""), cells.get(i));
        }
        emit("    )", row.idCell());
        emit("then", row.idCell());
        // no update($f): the fact entered the stage with every row of the table evaluated; fire()
        // only notes the row, and the engine applies the stage's matches in row order after the round
        emit("    " + FireRow.FACT + ".fire(" + ref.index() + ");", row.idCell());
        emit("end", row.idCell());
    }

    private static String constraint(Condition c, Scope tableScope) {
        FactDef fact = c.fact();
        return c.predicate().constraint(fact, fact.accessorFrom(tableScope), fact.boxed());
    }

    private void emit(String text, CellRef source) {
        drl.append(text).append('\n');
        if (source != null) {
            lineToCell.put(line, source);
        }
        line++;
    }
}

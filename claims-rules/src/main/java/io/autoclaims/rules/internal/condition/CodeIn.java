package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.compile.DrlText;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A {@code code set} cell: the fact is one of these codes (a regime such as R2021, a tariff). */
record CodeIn(List<String> values) implements ListedValues {

    CodeIn {
        values = List.copyOf(values);
    }

    /** The codes a cell lists, or null (with an issue) when one is not a code. */
    static CodeIn parse(Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        List<String> codes = Cells.codes(value, shown, where, issues);
        return codes == null ? null : new CodeIn(codes);
    }

    @Override
    public boolean test(Object value) {
        return value != null && values.contains(value);
    }

    @Override
    public String describe(ValueType type, Template.Language language) {
        return String.join(", ", values);
    }

    /** Codes were checked when read; here they are still written only as string literals. */
    @Override
    public String constraint(FactDef fact, String accessor, boolean boxed) {
        List<String> literals = values.stream().map(DrlText::literal).toList();
        return literals.size() == 1 ? accessor + " == " + literals.get(0)
                : accessor + " in (" + String.join(", ", literals) + ")";
    }

    @Override
    public List<?> listed() {
        return values;
    }

    /** Every code the table names, in order, and one cell for all the others. */
    @Override
    public List<Sample> domain(FactDef fact, List<Predicate> column) {
        Set<String> codes = new TreeSet<>();
        column.forEach(p -> codes.addAll(((CodeIn) p).values()));
        List<Sample> cells = new ArrayList<>();
        for (String c : codes) {
            cells.add(new Sample(c, c));
        }
        cells.add(new Sample("(another code)", "\u0000other"));
        return cells;
    }
}

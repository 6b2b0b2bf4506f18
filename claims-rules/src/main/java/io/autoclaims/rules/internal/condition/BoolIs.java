package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import java.util.List;

/** A {@code boolean} cell: the fact is TRUE, or FALSE. A blank fact is neither. */
record BoolIs(boolean value) implements ListedValues {

    /** The boolean a cell holds (text such as YES or 是 with a warning), or null with an issue. */
    static BoolIs parse(Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        Boolean b = Cells.bool(value, shown, where, issues);
        return b == null ? null : new BoolIs(b);
    }

    @Override
    public boolean test(Object fact) {
        return fact != null && fact.equals(value);
    }

    @Override
    public String describe(ValueType type, Template.Language language) {
        return Template.formatValue(value, type, language);
    }

    @Override
    public String constraint(FactDef fact, String accessor, boolean boxed) {
        return accessor + " == " + value;
    }

    @Override
    public List<?> listed() {
        return List.of(value);
    }

    @Override
    public boolean needsValue() {
        return true;
    }

    @Override
    public List<Sample> domain(FactDef fact, List<Predicate> column) {
        return List.of(new Sample("TRUE", Boolean.TRUE), new Sample("FALSE", Boolean.FALSE));
    }
}

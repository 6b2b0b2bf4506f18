package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.run.FactCatalog;
import io.autoclaims.rules.internal.table.FactDef;
import java.util.ArrayList;
import java.util.List;

/** One condition cell read in a test: the predicate, and the issues reported at the cell. */
record Cell(Predicate predicate, List<WorkbookIssue> issues) {
    static final CellRef WHERE = new CellRef("t.xlsx", "Terms 保修期限", "C9");

    /** The cell {@code value} (shown as {@code value.toString()}) in a condition column on {@code fact}. */
    static Cell read(String fact, Object value) {
        List<WorkbookIssue> issues = new ArrayList<>();
        Predicate p = Predicate.parse(fact(fact), value, value.toString(), WHERE, issues);
        return new Cell(p, issues);
    }

    /** The predicate of a cell that must read without any issue. */
    static Predicate clean(String fact, Object value) {
        Cell c = read(fact, value);
        if (c.predicate() == null || !c.issues().isEmpty()) {
            throw new AssertionError(value + " on " + fact + ": " + c.issues());
        }
        return c.predicate();
    }

    static FactDef fact(String name) {
        FactDef f = FactCatalog.get(name);
        if (f == null) {
            throw new AssertionError("no fact " + name);
        }
        return f;
    }

    /** The one issue, as the analyst reads it: {@code CODE: message (hint) / 中文 (提示)}. */
    String issue() {
        if (issues.size() != 1) {
            throw new AssertionError("expected one issue, got " + issues);
        }
        WorkbookIssue i = issues.get(0);
        return i.code() + ": " + i.message() + " (" + i.hint() + ") / " + i.messageZh() + " (" + i.hintZh() + ")";
    }
}

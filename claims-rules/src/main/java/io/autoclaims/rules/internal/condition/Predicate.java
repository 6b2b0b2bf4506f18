package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a condition cell says about its fact, typed. Each kind of condition cell is one implementation,
 * and everything about that kind is in it: reading the cell, testing a value, the Drools constraint, the
 * row-fact columns and index keys of tables compiled per shape, the cells lint cuts a fact into, and the
 * text a reason shows. A blank cell has no predicate: its row has no condition on that fact.
 */
public sealed interface Predicate permits ListedValues, EnumNotIn, Range {

    /** The predicate a condition cell states, or null (with an issue at the cell) when the cell is wrong. */
    static Predicate parse(FactDef fact, Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        return switch (fact.type().kind()) {
            case ENUM, ENUM_SET -> EnumIn.parse(fact.type(), value, shown, where, issues);
            case CODE -> CodeIn.parse(value, shown, where, issues);
            case BOOLEAN -> BoolIs.parse(value, shown, where, issues);
            case INTEGER, MONEY, RATE, DECIMAL, DATE -> Range.parse(fact, value, shown, where, issues);
            case TEXT -> null;
        };
    }

    /**
     * True when the value satisfies the condition; a blank value satisfies no condition. The reference
     * the generated rules must agree with: explanations and analysis use it, adjudication never does.
     */
    boolean test(Object value);

    /** How far a value is outside the condition (0 inside), or null when the kind has no distance. */
    default BigDecimal distance(Object value) {
        return null;
    }

    /** The condition as a reason's {@code {rule.fact}} shows it: {@code > 30}, {@code 5..10}, names. */
    String describe(ValueType type, Template.Language language);

    /**
     * The Drools constraint of the one-rule-per-row form on the fact read through {@code accessor};
     * {@code boxed}: the fact's getter returns an object, null until something sets it.
     */
    String constraint(FactDef fact, String accessor, boolean boxed);

    // ---- tables compiled per shape: a row fact carries the cell, an index finds the row

    /**
     * How a row fact carries the cell, as part of the shape's signature (rows of one shape have the same
     * form in every column), or null when no row fact can carry it.
     */
    String form(FactDef fact);

    /** The fields of column {@code j} in the row fact type, e.g. {@code v0 : java.util.Set}. */
    List<String> fields(FactDef fact, int j);

    /** The constraints between the fields of column {@code j} and the fact's {@code value} expression. */
    List<String> constraints(FactDef fact, int j, String value);

    /** The values of this row's fields of column {@code j}, by field name. */
    Map<String, Object> values(FactDef fact, int j);

    /** True when the shape rule first checks that a boxed fact is set. */
    default boolean needsValue() {
        return false;
    }

    /** The values a hash index files the row under (a value equal to one matches), or null. */
    List<Object> keys();

    /** True when the keys are values the cell lists: such columns are dropped first from a hash too large. */
    default boolean listsValues() {
        return false;
    }

    /** The bounds an interval index cuts the number line at, or null for a kind without. */
    default List<BigDecimal> bounds() {
        return null;
    }

    // ---- lint

    /**
     * The cells lint cuts the fact's values into, given every condition of the table on it (this one
     * among them): each value a condition can tell apart stands for a cell.
     */
    List<Sample> domain(FactDef fact, List<Predicate> column);

    /** True when the cells are ordered numbers, so that a finding may read as a range. */
    default boolean ordered() {
        return false;
    }

    /** One cell of a fact's values as lint sees it: a value standing for the cell, and its label. */
    record Sample(String label, Object value) {
    }
}

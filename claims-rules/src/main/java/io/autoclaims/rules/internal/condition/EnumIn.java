package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An {@code enum set} cell listing constants: the fact is one of them; for a set-valued fact (the
 * claim's coverages), the set contains any of them. {@link EnumNotIn} is the same cell written with NOT.
 */
public record EnumIn(List<Enum<?>> values) implements ListedValues {
    private static final Pattern NOT = Pattern.compile("^\\s*(NOT|not|Not|非)\\s+");

    public EnumIn {
        values = List.copyOf(values);
    }

    /** The constants an {@code enum set} cell lists, or with a leading NOT (非) those it excludes. */
    static Predicate parse(ValueType type, Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        boolean negated = value instanceof String t && NOT.matcher(t).lookingAt();
        Object rest = negated ? NOT.matcher((String) value).replaceFirst("") : value;
        List<Enum<?>> values = Cells.enums(type, rest, shown, where, issues);
        if (values == null) {
            return null;
        }
        return negated ? new EnumNotIn(values) : new EnumIn(values);
    }

    @Override
    public boolean test(Object value) {
        if (value instanceof Collection<?> set) {
            return values.stream().anyMatch(set::contains);
        }
        return value != null && values.contains(value);
    }

    @Override
    public String describe(ValueType type, Template.Language language) {
        return Template.formatValue(values, type, language);
    }

    @Override
    public String constraint(FactDef fact, String accessor, boolean boxed) {
        List<String> constants = constants(values);
        if (setValued(fact)) {
            List<String> any = constants.stream().map(k -> accessor + " contains " + k).toList();
            return "( " + String.join(" || ", any) + " )";
        }
        return constants.size() == 1 ? accessor + " == " + constants.get(0)
                : accessor + " in (" + String.join(", ", constants) + ")";
    }

    /** A set-valued fact has no row-fact form: "contains any of" has no Drools operator between two sets. */
    @Override
    public String form(FactDef fact) {
        return setValued(fact) ? null : ListedValues.super.form(fact);
    }

    @Override
    public List<?> listed() {
        return values;
    }

    @Override
    public Set<?> set() {
        return enumSet(values);
    }

    @Override
    public List<Sample> domain(FactDef fact, List<Predicate> column) {
        return domainOf(fact, column);
    }

    // ---- shared with EnumNotIn

    static boolean setValued(FactDef fact) {
        return fact.type().kind() == ValueType.Kind.ENUM_SET;
    }

    /** The constants as Drools reads them: {@code io.autoclaims.model.Cause.MISUSE}. */
    static List<String> constants(List<Enum<?>> values) {
        return values.stream().map(e -> e.getDeclaringClass().getName().replace('$', '.') + "." + e.name()).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Set<?> enumSet(List<Enum<?>> values) {
        EnumSet set = EnumSet.noneOf((Class) values.get(0).getDeclaringClass());
        set.addAll(values);
        return set;
    }

    /**
     * Every constant of a fact with one value; for a set-valued fact, every subset of the constants the
     * table's cells name (the others never decide).
     */
    static List<Sample> domainOf(FactDef fact, List<Predicate> column) {
        List<Sample> cells = new ArrayList<>();
        if (!setValued(fact)) {
            for (Enum<?> e : fact.type().enumClass().getEnumConstants()) {
                cells.add(new Sample(e.name(), e));
            }
            return cells;
        }
        Set<Enum<?>> used = new LinkedHashSet<>();
        column.forEach(p -> used.addAll(p instanceof EnumIn in ? in.values() : ((EnumNotIn) p).values()));
        List<Enum<?>> members = new ArrayList<>(used);
        for (int bits = 0; bits < (1 << members.size()); bits++) {
            List<Enum<?>> in = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                if ((bits & (1 << i)) != 0) {
                    in.add(members.get(i));
                }
            }
            cells.add(new Sample(in.isEmpty() ? "none of " + names(members) : names(in), in));
        }
        return cells;
    }

    private static String names(List<Enum<?>> members) {
        return members.stream().map(Enum::name).toList().toString();
    }
}

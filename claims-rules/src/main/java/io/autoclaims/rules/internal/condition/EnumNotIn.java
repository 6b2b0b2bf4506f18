package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.ValueType;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An {@code enum set} cell written {@code NOT ...} (or {@code 非 ...}): the fact is none of the constants;
 * for a set-valued fact, the set contains none of them. A blank fact satisfies neither form. Read by
 * {@link EnumIn#parse}.
 */
record EnumNotIn(List<Enum<?>> values) implements Predicate {

    EnumNotIn {
        values = List.copyOf(values);
    }

    @Override
    public boolean test(Object value) {
        if (value instanceof Collection<?> set) {
            return values.stream().noneMatch(set::contains);
        }
        return value != null && !values.contains(value);
    }

    @Override
    public String describe(ValueType type, Template.Language language) {
        return (language == Template.Language.ZH ? "非" : "not ") + Template.formatValue(values, type, language);
    }

    @Override
    public String constraint(FactDef fact, String accessor, boolean boxed) {
        List<String> constants = EnumIn.constants(values);
        if (EnumIn.setValued(fact)) {
            return String.join(" && ", constants.stream().map(k -> accessor + " not contains " + k).toList());
        }
        return constants.size() == 1 ? accessor + " != " + constants.get(0)
                : accessor + " not in (" + String.join(", ", constants) + ")";
    }

    @Override
    public String form(FactDef fact) {
        return EnumIn.setValued(fact) ? null : "NOT_IN";
    }

    @Override
    public List<String> fields(FactDef fact, int j) {
        return SetColumn.fields(j);
    }

    @Override
    public List<String> constraints(FactDef fact, int j, String value) {
        return SetColumn.notContains(j, value);
    }

    @Override
    public Map<String, Object> values(FactDef fact, int j) {
        return Map.of(SetColumn.field(j), EnumIn.enumSet(values));
    }

    /** Not a key: a row excluding some values matches every other one. */
    @Override
    public List<Object> keys() {
        return null;
    }

    @Override
    public List<Sample> domain(FactDef fact, List<Predicate> column) {
        return EnumIn.domainOf(fact, column);
    }
}

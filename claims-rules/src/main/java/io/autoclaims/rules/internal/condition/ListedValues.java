package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.internal.table.FactDef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cell listing the values its fact may equal ({@code enum set}, {@code code set}, {@code boolean}): a
 * row fact holds them as one set the fact is looked up in, and a hash index files the row under each.
 */
sealed interface ListedValues extends Predicate permits EnumIn, CodeIn, BoolIs {

    /** The values the cell lists, in its order. */
    List<?> listed();

    /** The values as the row fact holds them. */
    default Set<?> set() {
        return new HashSet<>(listed());
    }

    @Override
    default String form(FactDef fact) {
        return "IN";
    }

    @Override
    default List<String> fields(FactDef fact, int j) {
        return SetColumn.fields(j);
    }

    @Override
    default List<String> constraints(FactDef fact, int j, String value) {
        return SetColumn.contains(j, value);
    }

    @Override
    default Map<String, Object> values(FactDef fact, int j) {
        return Map.of(SetColumn.field(j), set());
    }

    @Override
    default List<Object> keys() {
        return List.copyOf(listed());
    }

    @Override
    default boolean listsValues() {
        return true;
    }
}

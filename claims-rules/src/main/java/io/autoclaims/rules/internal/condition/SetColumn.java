package io.autoclaims.rules.internal.condition;

import java.util.List;

/** The row-fact column of a cell listing values: one {@code java.util.Set} field the fact is looked up in. */
final class SetColumn {
    private SetColumn() {
    }

    static String field(int j) {
        return "v" + j;
    }

    static List<String> fields(int j) {
        return List.of(field(j) + " : java.util.Set");
    }

    static List<String> contains(int j, String value) {
        return List.of(field(j) + " contains " + value);
    }

    static List<String> notContains(int j, String value) {
        return List.of(field(j) + " not contains " + value);
    }
}

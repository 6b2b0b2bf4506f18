package io.autoclaims.rules.internal.table;

import io.autoclaims.rules.internal.run.Combine;
import java.util.Objects;
import java.util.function.Function;

/**
 * One fact of the catalogue: its name as analysts write it ({@code line.cause}), whether it belongs to
 * the claim or to a line, its type, the bean property Drools constraints use, how to read its value
 * for reasons, and, for facts rows may set, its slot and how values combine.
 */
public record FactDef(
        String name,
        Scope scope,
        ValueType type,
        String property,
        Function<Object, Object> reader,
        int slot,
        Combine combine,
        String meaning) {

    public FactDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(combine, "combine");
    }

    /** True when rows may set this fact in a THEN column. */
    public boolean settable() {
        return slot >= 0 || combine == Combine.ROW;
    }

    /** True when the fact may be a condition (has a property Drools can read). */
    public boolean condition() {
        return property != null;
    }

    /** The fact's value on a claim or line fact object of its own scope. */
    public Object read(Object facts) {
        return reader.apply(facts);
    }

    /** The accessor a Drools constraint of a table with that scope uses, e.g. {@code claim.regime}. */
    public String accessorFrom(Scope tableScope) {
        return tableScope == Scope.LINE && scope == Scope.CLAIM ? "claim." + property : property;
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.autoclaims.rules.internal.table;

import io.autoclaims.rules.internal.run.Combine;
import java.util.Objects;
import java.util.function.Function;

/**
 * One fact of the catalogue: its name as analysts write it ({@code line.cause}), whether it belongs to
 * the claim or to a line, its type and unit, the bean property Drools constraints use and whether
 * that getter returns an object (null until set), how to read its value for reasons, and, for facts
 * rows may set, its slot and how values combine. Made by a claim domain's declaration
 * ({@code io.autoclaims.rules.internal.domain}); the slot is assigned there.
 */
public record FactDef(
        String name,
        Scope scope,
        ValueType type,
        FactUnit unit,
        String property,
        boolean boxed,
        Function<Object, Object> reader,
        int slot,
        Combine combine,
        String meaning) {

    public FactDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
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

    /**
     * The unit messages print after a value of this fact ({@code 494 km}, {@code 494 公里}); "" for a
     * fact that is not a count or an amount. {@code io.autoclaims.rules.FactUnits} gives it to hosts
     * by the fact's name.
     */
    public String unit(boolean zh) {
        return unit.text(zh);
    }

    @Override
    public String toString() {
        return name;
    }
}

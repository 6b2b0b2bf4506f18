package io.autoclaims.rules.internal.domain;

import io.autoclaims.rules.internal.run.ClaimFacts;
import io.autoclaims.rules.internal.run.Combine;
import io.autoclaims.rules.internal.run.LineFacts;
import io.autoclaims.rules.internal.run.SlotFacts;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.FactUnit;
import io.autoclaims.rules.internal.table.Scope;
import io.autoclaims.rules.internal.table.ValueType;
import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Where a domain declares its facts. A fact rules may test is declared with the getter Drools reads
 * it through, as a method reference: the constraint's property and whether the getter can return
 * null are read off that reference once, here, so no name has to match a getter elsewhere. A fact
 * rows may set gets the next free slot of its scope.
 */
final class Declarations {
    /** A getter of a claim fact, as a method reference ({@code ClaimFacts::getOdometerKm}). */
    interface ClaimGetter<T> extends Function<ClaimFacts, T>, Serializable {
    }

    /** A getter of a line fact, as a method reference ({@code LineFacts::getSystem}). */
    interface LineGetter<T> extends Function<LineFacts, T>, Serializable {
    }

    // shared by every domain: a claim's slots are one array whatever its type; atomic because two
    // domains' classes may be initialised on two threads at once
    private static final AtomicInteger CLAIM_SLOTS = new AtomicInteger();
    private static final AtomicInteger LINE_SLOTS = new AtomicInteger();

    private final List<FactDef> facts = new ArrayList<>();

    /** The number of claim slots every domain declared; final once every domain is initialised. */
    static int claimSlots() {
        return CLAIM_SLOTS.get();
    }

    /** The number of line slots every domain declared; final once every domain is initialised. */
    static int lineSlots() {
        return LINE_SLOTS.get();
    }

    /** The facts declared here, in declaration order. */
    List<FactDef> facts() {
        return Collections.unmodifiableList(facts);
    }

    /** A claim fact rules test, computed by its getter. */
    FactDef claim(String name, ValueType type, FactUnit unit, ClaimGetter<?> getter, String meaning) {
        return condition(name, Scope.CLAIM, type, unit, getter, read(getter), -1, Combine.REPLACE, meaning);
    }

    /** A line fact rules test, computed by its getter. */
    FactDef line(String name, ValueType type, FactUnit unit, LineGetter<?> getter, String meaning) {
        return condition(name, Scope.LINE, type, unit, getter, readLine(getter), -1, Combine.REPLACE, meaning);
    }

    /**
     * A date rules test as a day number ({@link LocalDate#toEpochDay()}, what the getter returns)
     * and reasons show as the date.
     */
    FactDef date(String name, ClaimGetter<Integer> epochDay, String meaning) {
        return condition(name, Scope.CLAIM, ValueType.DATE, FactUnit.NONE, epochDay,
                o -> LocalDate.ofEpochDay(epochDay.apply((ClaimFacts) o)), -1, Combine.REPLACE, meaning);
    }

    /** A claim fact rows set (THEN) and rules test; its getter reads the slot. */
    FactDef claimSlot(String name, ValueType type, FactUnit unit, Combine combine, ClaimGetter<?> getter,
            String meaning) {
        return condition(name, Scope.CLAIM, type, unit, getter, read(getter), CLAIM_SLOTS.getAndIncrement(),
                combine, meaning);
    }

    /** A line fact rows set (THEN) and rules test; its getter reads the slot. */
    FactDef lineSlot(String name, ValueType type, FactUnit unit, LineGetter<?> getter, String meaning) {
        return condition(name, Scope.LINE, type, unit, getter, readLine(getter), LINE_SLOTS.getAndIncrement(),
                Combine.REPLACE, meaning);
    }

    /** A claim fact rows set and only reasons and the validator read (no condition column). */
    FactDef claimSetting(String name, ValueType type, FactUnit unit, Combine combine, ClaimGetter<?> getter,
            String meaning) {
        return add(new FactDef(name, Scope.CLAIM, type, unit, null, false, read(getter),
                CLAIM_SLOTS.getAndIncrement(), combine, meaning));
    }

    /** As {@link #claimSetting} with no getter: reads show the value rows set, gate or not. */
    FactDef claimSetting(String name, ValueType type, FactUnit unit, String meaning) {
        int slot = CLAIM_SLOTS.getAndIncrement();
        return add(new FactDef(name, Scope.CLAIM, type, unit, null, false, o -> ((SlotFacts) o).base(slot), slot,
                Combine.REPLACE, meaning));
    }

    /** A value of the firing row only (a formula, a charge column): set, never read from the claim. */
    FactDef rowValue(String name, ValueType type, FactUnit unit, String meaning) {
        return add(new FactDef(name, Scope.CLAIM, type, unit, null, false, o -> null, -1, Combine.ROW, meaning));
    }

    /** A claim text only reasons quote ({@code {claim.id}}). */
    FactDef claimText(String name, Function<ClaimFacts, ?> reader, String meaning) {
        return add(new FactDef(name, Scope.CLAIM, ValueType.TEXT, FactUnit.NONE, null, false, read(reader), -1,
                Combine.REPLACE, meaning));
    }

    /** A line text only reasons quote ({@code {line.part}}). */
    FactDef lineText(String name, Function<LineFacts, ?> reader, String meaning) {
        return add(new FactDef(name, Scope.LINE, ValueType.TEXT, FactUnit.NONE, null, false, readLine(reader),
                -1, Combine.REPLACE, meaning));
    }

    private FactDef condition(String name, Scope scope, ValueType type, FactUnit unit, Serializable getter,
            Function<Object, Object> reader, int slot, Combine combine, String meaning) {
        SerializedLambda ref = reference(name, getter);
        String method = ref.getImplMethodName();
        int prefix = method.startsWith("is") ? 2 : method.startsWith("get") ? 3 : -1;
        if (prefix < 0 || method.length() == prefix || ref.getImplMethodKind() != MethodHandleInfo.REF_invokeVirtual) {
            throw new IllegalStateException("the fact " + name + " must be declared with a getter reference, not "
                    + method);
        }
        String property = Character.toLowerCase(method.charAt(prefix)) + method.substring(prefix + 1);
        // "()I", "()Z": a primitive, never null; "()Ljava/lang/Integer;": null until something sets it
        char returned = ref.getImplMethodSignature().charAt(2);
        boolean boxed = returned == 'L' || returned == '[';
        return add(new FactDef(name, scope, type, unit, property, boxed, reader, slot, combine, meaning));
    }

    /** The method a getter reference names; read once per fact while its domain is initialised. */
    private static SerializedLambda reference(String fact, Serializable getter) {
        try {
            Method replace = getter.getClass().getDeclaredMethod("writeReplace");
            replace.setAccessible(true);
            return (SerializedLambda) replace.invoke(getter);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot read the getter of the fact " + fact, e);
        }
    }

    private FactDef add(FactDef def) {
        facts.add(def);
        return def;
    }

    private static Function<Object, Object> read(Function<ClaimFacts, ?> getter) {
        return o -> getter.apply((ClaimFacts) o);
    }

    private static Function<Object, Object> readLine(Function<LineFacts, ?> getter) {
        return o -> getter.apply((LineFacts) o);
    }
}

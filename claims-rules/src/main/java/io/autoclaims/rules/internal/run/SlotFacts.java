package io.autoclaims.rules.internal.run;

import io.autoclaims.rules.internal.table.FactDef;

/**
 * The part of a fact object that rule rows write: one slot per settable fact. Values set by a gated
 * table are kept apart and count only while the gate fact is TRUE, so that closing the gate (三包 for a
 * commercial vehicle) takes them back without undoing anything else.
 */
public abstract class SlotFacts {
    private final Object[] base;
    private final Object[] gated;
    private final FactDef[] gatedBy;
    private int stage = -1;
    private int hit = -1;

    SlotFacts(int slots) {
        this.base = new Object[slots];
        this.gated = new Object[slots];
        this.gatedBy = new FactDef[slots];
    }

    public abstract ClaimFacts claimFacts();

    abstract boolean gateOpen(FactDef gate);

    /** Called by a rule's consequence when one of its rows matches this object. */
    public abstract void fire(int row);

    /** The table (by its stage index) being evaluated for this object. */
    public int getStage() {
        return stage;
    }

    /** The row that decided the current FIRST table for this object, or -1. */
    public int getHit() {
        return hit;
    }

    /** Called by a shape rule's {@code from}: the rows of that shape this object may match. */
    public java.util.List<Object> rows(int shape) {
        return claimFacts().run().rulebook().index(shape).candidates(this);
    }

    void enterStage(int newStage) {
        stage = newStage;
        hit = -1;
    }

    void setHit(int row) {
        hit = row;
    }

    /** The value rows set without a gate; public for the readers the domains declare. */
    public Object base(int slot) {
        return base[slot];
    }

    /** The effective value of a settable fact of this object's scope. */
    Object slot(FactDef fact) {
        return slot(fact.slot());
    }

    /** The effective value: a gated value while its gate is open, else the plain one. */
    Object slot(int slot) {
        if (gatedBy[slot] != null && claimFacts().gateOpen(gatedBy[slot])) {
            return gated[slot];
        }
        return base[slot];
    }

    void set(FactDef fact, Object value, FactDef gate) {
        int s = fact.slot();
        if (gate == null) {
            base[s] = fact.combine().apply(base[s], value);
        } else {
            Object start = gatedBy[s] != null ? gated[s] : base[s];
            gated[s] = fact.combine().apply(start, value);
            gatedBy[s] = gate;
        }
    }
}

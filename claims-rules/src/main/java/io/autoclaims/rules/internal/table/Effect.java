package io.autoclaims.rules.internal.table;

/** What a fired row does to the claim besides setting facts. */
public enum Effect {
    /** A claim-level exclusion: the claim is denied and adjudication stops after this step. */
    DENY,
    /** A person must decide: the claim is referred. */
    REFER,
    /** The reason is reported; the decision is left to the other rows. */
    INFO
}

package io.autoclaims.rules;

/**
 * What a host explicitly allows a checked swap ({@link Adjudicator#swap(Rulebook, SwapOption...)},
 * {@link RulebookWatcher#watch(Adjudicator, java.nio.file.Path, java.time.Duration,
 * RulebookWatcher.Listener, SwapOption...)}) that it would otherwise refuse. Without options, a swap
 * refuses all of it.
 */
public enum SwapOption {
    /**
     * Allows a new rulebook that has no rules for a claim type the live rulebook adjudicates: after
     * the swap, claims of that type get {@code UNSUPPORTED_CLAIM_TYPE}. Without it such a swap is
     * refused ({@code CLAIM_TYPES_DROPPED}, naming the types), because the usual cause is a folder that
     * lost a workbook, or a swap to a single edited workbook, not a decision to stop adjudicating them.
     */
    ALLOW_FEWER_CLAIM_TYPES
}

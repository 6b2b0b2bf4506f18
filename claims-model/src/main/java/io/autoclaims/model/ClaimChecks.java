package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.util.Objects;
import java.util.Optional;

/**
 * The contract's rules that the records' types cannot hold by themselves, for claims made in Java
 * rather than read from JSON: a claim's builder applies them at {@code build()}, the adjudicator to
 * every claim it did not read itself, and a host may ask first. They are the codec's rules, checked
 * in the codec's order (the contract's field order), so a claim gets the error record its JSON would:
 * the same code, message and dotted field path.
 */
public final class ClaimChecks {
    /**
     * The longest id or code other than {@code claimId} (which is 1..64): {@code lineId}, shop ids,
     * {@code policyNo}, problem codes. Bounded so that a verdict quoting them stays small.
     */
    public static final int MAX_CODE_LENGTH = Contract.MAX_CODE_LENGTH;
    /** The longest free text: a part's name or number. */
    public static final int MAX_TEXT_LENGTH = Contract.MAX_TEXT_LENGTH;

    private ClaimChecks() {
    }

    /**
     * The first way the claim breaks the contract.
     *
     * @param claim a claim, e.g. made with its canonical constructor
     * @return the error record's content (code, dotted field path, message), or empty when it is valid
     */
    public static Optional<InputError> firstProblem(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        return Optional.ofNullable(FieldChecks.problem(Claim.Builder.from(claim)::check, ""));
    }
}

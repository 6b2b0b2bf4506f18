package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The explained verdict on one claim (see {@code claims-contract.md}, "Verdict").
 *
 * @param claimId              the claim's id
 * @param type                 the claim's type
 * @param decision             the outcome
 * @param remedy               the claim-level remedy
 * @param payableCny           what the maker, insurer or club pays, in CNY; 0 unless the decision pays
 * @param customerPaysCny      what the customer pays, in CNY (assistance fees, usage compensation)
 * @param usageCompensationCny the usage compensation in CNY, only with REPLACE_OR_REFUND
 * @param lines                one verdict per claim line
 * @param charges              ASSISTANCE: the itemised charges and who pays each
 * @param missingDocuments     every missing document at once
 * @param reasons              every rule row that shaped the verdict, in firing order
 * @param rulebook             the rulebook that made the verdict
 */
public record Verdict(
        String claimId,
        ClaimType type,
        Decision decision,
        Remedy remedy,
        BigDecimal payableCny,
        BigDecimal customerPaysCny,
        BigDecimal usageCompensationCny,
        List<LineVerdict> lines,
        List<Charge> charges,
        List<DocumentCode> missingDocuments,
        List<Reason> reasons,
        RulebookInfo rulebook) {

    /**
     * A verdict; null lists become empty, lists are copied.
     *
     * @param claimId              the claim's id
     * @param type                 the claim's type
     * @param decision             the outcome
     * @param remedy               the claim-level remedy
     * @param payableCny           what the maker, insurer or club pays, in CNY; 0 unless the decision pays
     * @param customerPaysCny      what the customer pays, in CNY (assistance fees, usage compensation)
     * @param usageCompensationCny the usage compensation in CNY, only with REPLACE_OR_REFUND
     * @param lines                one verdict per claim line
     * @param charges              ASSISTANCE: the itemised charges and who pays each
     * @param missingDocuments     every missing document at once
     * @param reasons              every rule row that shaped the verdict, in firing order
     * @param rulebook             the rulebook that made the verdict
     * @throws NullPointerException when an id, the type, the decision, the remedy, an amount or the rulebook
     *     is null
     */
    public Verdict {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(payableCny, "payableCny");
        Objects.requireNonNull(customerPaysCny, "customerPaysCny");
        Objects.requireNonNull(usageCompensationCny, "usageCompensationCny");
        Objects.requireNonNull(rulebook, "rulebook");
        lines = List.copyOf(lines == null ? List.of() : lines);
        charges = List.copyOf(charges == null ? List.of() : charges);
        missingDocuments = List.copyOf(missingDocuments == null ? List.of() : missingDocuments);
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
    }

    /**
     * The reason codes, e.g. for assertions and reports.
     *
     * @return the codes of {@link #reasons()}, in firing order
     */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}

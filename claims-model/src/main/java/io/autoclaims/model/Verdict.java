package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The explained verdict on one claim (see {@code claims-contract.md}, "Verdict"). */
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

    /** The reason codes in firing order, e.g. for assertions and reports. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}

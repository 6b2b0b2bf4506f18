package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contract's rules that the records' types cannot hold by themselves, for claims built in Java
 * rather than read from JSON (the codec applies the same rules, in document order, while reading).
 * The first problem found is returned as the error record's content, with the dotted field path.
 */
public final class ClaimChecks {
    /**
     * The longest id or code other than {@code claimId} (which is 1..64): {@code lineId}, shop ids,
     * {@code policyNo}, problem codes. Bounded so that a verdict quoting them stays small.
     */
    public static final int MAX_CODE_LENGTH = 64;
    /** The longest free text: a part's name or number. */
    public static final int MAX_TEXT_LENGTH = 200;

    private static final BigDecimal MAX_DEDUCTIBLE_RATE = new BigDecimal("0.20");

    private ClaimChecks() {
    }

    /**
     * Checks a claim built in Java as the codec checks one it reads.
     *
     * @param c the claim
     * @return the first way the claim breaks the contract (code, dotted field path, message), or empty
     *     when it is valid
     */
    public static Optional<InputError> firstProblem(Claim c) {
        int idLength = c.claimId().codePointCount(0, c.claimId().length());
        if (idLength < 1 || idLength > 64) {
            return invalid("claimId", "must be 1 to 64 characters, got " + idLength);
        }
        Vehicle v = c.vehicle();
        if (v.vin().codePointCount(0, v.vin().length()) != 17) {
            return invalid("vehicle.vin", "must be exactly 17 characters, got " + length(v.vin()));
        }
        Optional<InputError> p = c.repairShop() == null ? Optional.empty()
                : text("repairShop.id", c.repairShop().id(), MAX_CODE_LENGTH);
        if (p.isEmpty()) {
            p = money("vehicle.priceCny", v.priceCny());
        }
        if (p.isEmpty()) {
            p = money("incident.rescueCostCny", c.incident().rescueCostCny())
                    .or(() -> money("incident.thirdPartyRecoveryCny", c.incident().thirdPartyRecoveryCny()))
                    .or(() -> nonNegative("incident.driver.bacMgPer100ml", c.incident().driver().bacMgPer100ml()))
                    .or(() -> lines(c.lines()))
                    .or(() -> history(c.history()))
                    .or(() -> policy(c.policy()))
                    .or(() -> assessment(c.assessment()))
                    .or(() -> assistance(c.assistance()))
                    .or(() -> typeRequirements(c));
        }
        return p;
    }

    private static Optional<InputError> lines(List<ClaimLine> lines) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ClaimLine l = lines.get(i);
            String at = "lines[" + i + "].";
            if (!ids.add(l.lineId())) {
                return invalid(at + "lineId", "must be unique within the claim, got \"" + l.lineId() + "\" again");
            }
            Optional<InputError> p = text(at + "lineId", l.lineId(), MAX_CODE_LENGTH)
                    .or(() -> text(at + "part", l.part(), MAX_TEXT_LENGTH))
                    .or(() -> text(at + "problem", l.problem(), MAX_CODE_LENGTH))
                    .or(() -> money(at + "repairCostCny", l.repairCostCny()))
                    .or(() -> money(at + "replaceCostCny", l.replaceCostCny()));
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<InputError> history(List<PriorRepair> history) {
        for (int i = 0; i < history.size(); i++) {
            PriorRepair r = history.get(i);
            String at = "history[" + i + "].";
            Optional<InputError> p = text(at + "part", r.part(), MAX_TEXT_LENGTH)
                    .or(() -> text(at + "problem", r.problem(), MAX_CODE_LENGTH));
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<InputError> policy(Policy p) {
        if (p == null) {
            return Optional.empty();
        }
        Optional<InputError> number = text("policy.policyNo", p.policyNo(), MAX_CODE_LENGTH);
        if (number.isPresent()) {
            return number;
        }
        if (p.endsOn().isBefore(p.startsOn())) {
            return invalid("policy.endsOn", "must not be before policy.startsOn " + p.startsOn() + ", got " + p.endsOn());
        }
        BigDecimal rate = p.absoluteDeductibleRate();
        if (rate.signum() < 0 || rate.compareTo(MAX_DEDUCTIBLE_RATE) > 0) {
            return invalid("policy.absoluteDeductibleRate", "must lie in 0..0.20, got " + rate.toPlainString());
        }
        return money("policy.sumInsuredCny", p.sumInsuredCny())
                .or(() -> money("policy.absoluteDeductibleCny", p.absoluteDeductibleCny()));
    }

    private static Optional<InputError> assessment(Assessment a) {
        if (a == null) {
            return Optional.empty();
        }
        return text("assessment.shopId", a.shopId(), MAX_CODE_LENGTH)
                .or(() -> money("assessment.amountCny", a.amountCny()))
                .or(() -> money("assessment.invoicedCny", a.invoicedCny()));
    }

    private static Optional<InputError> assistance(AssistanceRequest a) {
        if (a == null) {
            return Optional.empty();
        }
        return nonNegative("assistance.towKm", a.towKm()).or(() -> money("assistance.highwayTollCny", a.highwayTollCny()));
    }

    private static Optional<InputError> typeRequirements(Claim c) {
        boolean repairClaim = c.type() != ClaimType.ASSISTANCE;
        if (repairClaim && c.repairShop() == null) {
            return missing("repairShop", c.type());
        }
        if (repairClaim && c.lines().isEmpty()) {
            return invalid("lines", "must hold at least one line for " + c.type() + " claims, got []");
        }
        if (c.type() == ClaimType.INSURANCE && c.policy() == null) {
            return missing("policy", c.type());
        }
        if (c.type() == ClaimType.ASSISTANCE && c.assistance() == null) {
            return missing("assistance", c.type());
        }
        // default-rulebook.md, precise reading 15: no warranty claim for a failure before the period starts.
        if (c.type() == ClaimType.WARRANTY && c.incident().occurredOn().isBefore(c.vehicle().periodStart())) {
            return invalid("incident.occurredOn", "must not be before the warranty period start "
                    + c.vehicle().periodStart() + " (vehicle.deliveredOn, else purchasedOn), got "
                    + c.incident().occurredOn());
        }
        return Optional.empty();
    }

    private static Optional<InputError> money(String field, BigDecimal amount) {
        if (amount == null) {
            return Optional.empty();
        }
        if (amount.signum() < 0 || !Money.isFen(amount)) {
            return invalid(field, "must be an amount >= 0 with at most 2 decimal places, got " + amount.toPlainString());
        }
        return Optional.empty();
    }

    private static Optional<InputError> nonNegative(String field, BigDecimal n) {
        if (n != null && n.signum() < 0) {
            return invalid(field, "must be a number >= 0, got " + n.toPlainString());
        }
        return Optional.empty();
    }

    private static Optional<InputError> text(String field, String value, int max) {
        if (value != null && value.length() > max && value.codePointCount(0, value.length()) > max) {
            return invalid(field, "must be a string of at most " + max + " characters, got " + length(value));
        }
        return Optional.empty();
    }

    private static String length(String value) {
        int n = value.codePointCount(0, value.length());
        return n + (n == 1 ? " character" : " characters");
    }

    private static Optional<InputError> invalid(String field, String message) {
        return Optional.of(new InputError("INVALID_FIELD", field, message));
    }

    private static Optional<InputError> missing(String field, ClaimType type) {
        return Optional.of(new InputError("MISSING_FIELD", field,
                "required field \"" + field + "\" is missing or null: " + type + " claims need it"));
    }
}

package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Charge;
import io.autoclaims.model.Claim;
import io.autoclaims.model.Decision;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.LineRemedy;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Money;
import io.autoclaims.model.Payer;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Remedy;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.internal.domain.AssistanceDomain;
import io.autoclaims.rules.internal.domain.ClaimDomain;
import io.autoclaims.rules.internal.domain.WarrantyDomain;
import io.autoclaims.rules.internal.run.ClaimRun.Fired;
import io.autoclaims.rules.internal.table.Effect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a verdict together from what fired: the contract's decision precedence, line amounts by
 * remedy, the vehicle remedy's refund and usage compensation, all missing documents at once. Generic
 * mechanisms only: the claim's domain says whether it settles by lines or by charges, the warranty
 * domain owns the usage-compensation formula; every number that decides comes from the rows.
 */
final class Settlement {
    private Settlement() {
    }

    static Verdict verdict(ClaimRun run, RulebookInfo info) {
        ClaimFacts cf = run.facts();
        Claim claim = run.claim();
        List<Fired> fired = new ArrayList<>();
        for (Fired f : run.fired()) {
            if (f.gate() == null || cf.gateOpen(f.gate())) {
                fired.add(f);
            }
        }
        fired.sort(Fired.ORDER);

        if (ClaimDomain.of(claim.type()).settles() == ClaimDomain.Settles.BY_CHARGES && !run.denied()) {
            return assistance(run, info, fired);
        }
        if (run.denied()) {
            List<Reason> reasons = new ArrayList<>(fired.size());
            for (Fired f : fired) {
                if (f.effect() == Effect.DENY) {
                    reasons.add(f.reason());
                }
            }
            return denied(run, info, reasons, false);
        }
        if (!cf.lines().isEmpty() && cf.getCoveredCount() == 0) {
            return denied(run, info, reasons(fired), true);
        }

        List<LineVerdict> lines = new ArrayList<>();
        BigDecimal linesTotal = BigDecimal.ZERO;
        boolean allCovered = true;
        for (LineFacts l : cf.lines()) {
            boolean covered = Boolean.TRUE.equals(l.getCovered());
            allCovered &= covered;
            LineRemedy remedy = covered && l.getRemedy() != null ? l.getRemedy() : LineRemedy.NONE;
            BigDecimal amount = covered ? l.amount() : BigDecimal.ZERO;
            linesTotal = linesTotal.add(amount);
            lines.add(new LineVerdict(l.getLineId(), covered, remedy, Money.round(amount), lineReasons(fired, l)));
        }

        Remedy remedy = cf.getClaimRemedy();
        BigDecimal payable = linesTotal;
        BigDecimal compensation = BigDecimal.ZERO;
        if (cf.getPayableCny() != null) {
            // the rows' formulas computed the payable (insurance: loss, deductible, rescue costs)
            payable = cf.getPayableCny();
        } else if (remedy == Remedy.REPLACE_OR_REFUND) {
            BigDecimal price = claim.vehicle().priceCny();
            if (price == null) {
                payable = BigDecimal.ZERO;
            } else {
                compensation = WarrantyDomain.usageCompensation(price, claim.vehicle().odometerKm(),
                        cf.getUsageRate());
                payable = price.subtract(compensation);
            }
        }

        Decision decision = remedy == Remedy.REPLACE_OR_REFUND || allCovered
                ? Decision.APPROVED : Decision.PARTIALLY_APPROVED;
        Set<DocumentCode> missing = EnumSet.noneOf(DocumentCode.class);
        for (Fired f : fired) {
            if (f.effect() == Effect.REFER) {
                decision = decision.strongest(Decision.REFERRED);
            }
            if (f.missing() != null) {
                missing.addAll(f.missing());
            }
        }
        if (!missing.isEmpty()) {
            decision = decision.strongest(Decision.PENDING_DOCUMENTS);
        }
        if (!decision.pays()) {
            payable = BigDecimal.ZERO;
        }
        return new Verdict(claim.claimId(), claim.type(), decision, remedy, Money.round(payable),
                Money.round(compensation), Money.round(compensation), lines, List.of(), List.copyOf(missing),
                reasons(fired), info);
    }

    /**
     * Assistance: the charges the tariff rows added, priced by the tariff that applies and paid by
     * the job's payer unless a row names another; free items are the club's; a capped payer's share
     * stops at the sum insured and the rest is the customer's (reading 24).
     */
    private static Verdict assistance(ClaimRun run, RulebookInfo info, List<Fired> fired) {
        ClaimFacts cf = run.facts();
        Claim claim = run.claim();
        boolean member = AssistanceDomain.MEMBER_TARIFF.equals(cf.getAssistanceTariff());
        Payer jobPayer = cf.getAssistancePayer() == null ? Payer.CUSTOMER : cf.getAssistancePayer();
        BigDecimal towKm = cf.getTowKm() == null ? BigDecimal.ZERO : cf.getTowKm();
        BigDecimal toll = cf.getHighwayTollCny() == null ? BigDecimal.ZERO : cf.getHighwayTollCny();
        BigDecimal cap = cf.isCapAtSumInsured() ? cf.getSumInsuredCny() : null;
        BigDecimal capped = BigDecimal.ZERO;
        List<Charge> charges = new ArrayList<>();
        for (ChargeSpec spec : cf.charges()) {
            BigDecimal amount = Money.round(spec.price(member, towKm, toll));
            Payer payer = spec.payer() != null ? spec.payer() : jobPayer;
            if (amount.signum() == 0) {
                charges.add(new Charge(spec.item(), Payer.CLUB, amount));
                continue;
            }
            if (cap != null && payer != Payer.CUSTOMER && payer != Payer.CLUB) {
                BigDecimal room = cap.subtract(capped).max(BigDecimal.ZERO);
                if (amount.compareTo(room) > 0) {
                    if (room.signum() > 0) {
                        charges.add(new Charge(spec.item(), payer, Money.round(room)));
                    }
                    charges.add(new Charge(spec.item(), Payer.CUSTOMER, Money.round(amount.subtract(room))));
                    capped = cap;
                    continue;
                }
                capped = capped.add(amount);
            }
            charges.add(new Charge(spec.item(), payer, amount));
        }
        BigDecimal payable = BigDecimal.ZERO;
        BigDecimal customer = BigDecimal.ZERO;
        for (Charge c : charges) {
            if (c.payer() == Payer.CUSTOMER) {
                customer = customer.add(c.amountCny());
            } else {
                payable = payable.add(c.amountCny());
            }
        }
        return new Verdict(claim.claimId(), claim.type(), Decision.APPROVED, Remedy.NONE, Money.round(payable),
                Money.round(customer), Money.ZERO, List.of(), charges, List.of(),
                reasons(fired), info);
    }

    private static Verdict denied(ClaimRun run, RulebookInfo info, List<Reason> reasons, boolean withLineReasons) {
        List<LineVerdict> lines = new ArrayList<>();
        for (LineFacts l : run.facts().lines()) {
            List<Reason> own = List.of();
            if (withLineReasons) {
                own = new ArrayList<>();
                for (Reason r : reasons) {
                    if (l.getLineId().equals(r.lineId())) {
                        own.add(r);
                    }
                }
            }
            lines.add(new LineVerdict(l.getLineId(), false, LineRemedy.NONE, Money.ZERO, own));
        }
        Claim c = run.claim();
        return new Verdict(c.claimId(), c.type(), Decision.DENIED, Remedy.NONE, Money.ZERO, Money.ZERO, Money.ZERO,
                lines, List.of(), List.of(), reasons, info);
    }

    // loops, not streams: a stream per line and per verdict was a tenth of the time per claim
    private static List<Reason> lineReasons(List<Fired> fired, LineFacts line) {
        List<Reason> reasons = new ArrayList<>();
        for (Fired f : fired) {
            if (f.line() == line.index()) {
                reasons.add(f.reason());
            }
        }
        return reasons;
    }

    private static List<Reason> reasons(List<Fired> fired) {
        List<Reason> reasons = new ArrayList<>(fired.size());
        for (Fired f : fired) {
            reasons.add(f.reason());
        }
        return reasons;
    }
}

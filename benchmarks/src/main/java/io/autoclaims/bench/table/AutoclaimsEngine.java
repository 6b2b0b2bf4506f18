package io.autoclaims.bench.table;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Incident;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.VehicleUse;
import io.autoclaims.rules.Adjudication;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * This library through its public API: {@link Rulebook#fromWorkbooks} on the workbook of
 * {@link AutoclaimsWorkbook}, then {@link Adjudicator#adjudicateAll} on the batch (callers pass 1,000
 * claims), the answer read from the verdict's reason code. Each claim is a valid WARRANTY claim with
 * one line: the system, the cause, {@code deliveredOn} = the model's cohort date, the incident exactly
 * {@code months} months later, the odometer at {@code km}.
 */
public final class AutoclaimsEngine implements Explaining {
    private static final RepairShop SHOP = new RepairShop("4S-BENCH-01", true, ShopTier.DEALER_4S);
    private static final BigDecimal REPAIR = new BigDecimal("800.00");
    private static final BigDecimal REPLACE = new BigDecimal("3000.00");
    private static final BigDecimal PRICE = new BigDecimal("150000.00");

    private final Adjudicator adjudicator;
    private List<Claim> claims;

    public AutoclaimsEngine(byte[] workbook) {
        this(Rulebook.fromWorkbooks(Map.of(AutoclaimsWorkbook.FILE, workbook)));
    }

    public AutoclaimsEngine(Rulebook rulebook) {
        this.adjudicator = Adjudicator.of(rulebook);
    }

    /** The claim in the contract's terms. */
    public static Claim claim(int index, BenchClaim c) {
        LocalDate delivered = AutoclaimsWorkbook.deliveredOn(c.model());
        LocalDate occurred = delivered.plusMonths(c.months());
        Vehicle vehicle = new Vehicle("LSVBENCH000000001", delivered, delivered, c.km(), PRICE, VehicleUse.PRIVATE,
                true, true);
        Incident incident = new Incident(occurred, null, null, occurred, c.cause(), List.of(), null, null, null, null);
        ClaimLine line = new ClaimLine("L1", c.system(), "part", null, false, true, REPAIR, REPLACE, null, false);
        return new Claim("B-" + index, ClaimType.WARRANTY, occurred, vehicle, incident, SHOP, List.of(line), List.of(),
                List.of(), null, null, null, null, null);
    }

    @Override
    public void prepare(BenchClaim[] bench) {
        Claim[] array = new Claim[bench.length];
        for (int i = 0; i < bench.length; i++) {
            array[i] = claim(i, bench[i]);
        }
        claims = Arrays.asList(array);
    }

    @Override
    public Evaluator newEvaluator() {
        return (from, to, out) -> {
            List<Adjudication> verdicts = adjudicator.adjudicateAll(claims.subList(from, to));
            for (int i = from; i < to; i++) {
                out[i] = Answer.of(verdicts.get(i - from).verdictOrThrow().reasons().get(0).code());
            }
        };
    }

    /** Every verdict explains: the explanation is the verdict's first reason. */
    @Override
    public ExplainedAnswer[] explanations(int n) {
        ExplainedAnswer[] result = new ExplainedAnswer[n];
        for (int from = 0; from < n; from += Engines.BATCH) {
            int to = Math.min(n, from + Engines.BATCH);
            List<Adjudication> verdicts = adjudicator.adjudicateAll(claims.subList(from, to));
            for (int i = from; i < to; i++) {
                result[i] = ExplainedAnswer.of(verdicts.get(i - from).verdictOrThrow().reasons().get(0));
            }
        }
        return result;
    }
}

package io.autoclaims.bench.ceiling;

import io.autoclaims.model.Cause;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimLine;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.Incident;
import io.autoclaims.model.PartSystem;
import io.autoclaims.model.PriorRepair;
import io.autoclaims.model.RepairShop;
import io.autoclaims.model.SafetyFault;
import io.autoclaims.model.ShopTier;
import io.autoclaims.model.Vehicle;
import io.autoclaims.model.VehicleUse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random warranty claims that sit on both sides of every threshold of the default rulebook's
 * warranty rules: regime start (2021-12-31 / 2022-01-01), 7 and 60 days, 3, 12, 24, 36 and 96
 * months (month ends included: deliveries on the 29th-31st), 3,000 / 5,000 / 30,000 / 50,000 /
 * 100,000 / 150,000 km, history entries on the first and last day of the 三包有效期 and one day
 * outside, 2 repeats, 30 / 35 repair days, 4 / 5 repairs of one problem; every cause, system, fault
 * and document, commercial use, unknown price, unauthorized shops, outside work. Nothing is left out:
 * every rule of the workbook is generated.
 */
final class BoundaryWarrantyClaims {
    private static final int[] MONTH_EDGES = {0, 1, 2, 3, 4, 11, 12, 13, 23, 24, 25, 35, 36, 37, 95, 96, 97};
    private static final int[] KM_EDGES = {0, 2_999, 3_000, 3_001, 4_999, 5_000, 5_001, 29_999, 30_000, 30_001, 49_999,
        50_000, 50_001, 99_999, 100_000, 100_001, 149_999, 150_000, 150_001};
    private static final PartSystem[] SYSTEMS = PartSystem.values();
    private static final Cause[] CAUSES = Cause.values();
    private static final SafetyFault[] FAULTS = SafetyFault.values();
    private static final String[] PARTS = {"凸轮轴 camshaft", "DCT双离合器 dual clutch", "动力电池包 battery pack", "转向机 steering rack"};
    private static final String[] PROBLEMS = {"P-A", "P-B", "P-C"};

    private BoundaryWarrantyClaims() {
    }

    static List<Claim> generate(int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Claim> claims = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            claims.add(claim(r, "B-" + i));
        }
        return claims;
    }

    private static boolean chance(SplittableRandom r, int percent) {
        return r.nextInt(100) < percent;
    }

    private static LocalDate start(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> LocalDate.of(2021, 12, 31).plusDays(r.nextInt(2));            // the regime edge
            // the last three days of a month (Jan 31 + 1 month = Feb 28/29)
            case 1 -> LocalDate.of(2018 + r.nextInt(8), 1 + r.nextInt(12), 1).plusMonths(1).minusDays(1 + r.nextInt(3));
            default -> LocalDate.of(2018, 1, 1).plusDays(r.nextInt(8 * 365));
        };
    }

    /** A date on or just around {@code start} + an edge in days or months. */
    private static LocalDate occurred(SplittableRandom r, LocalDate start) {
        LocalDate at = switch (r.nextInt(4)) {
            case 0 -> start.plusDays(new int[] {0, 1, 6, 7, 8, 59, 60, 61}[r.nextInt(8)]);
            case 1, 2 -> start.plusMonths(MONTH_EDGES[r.nextInt(MONTH_EDGES.length)]).plusDays(r.nextInt(3) - 1);
            default -> start.plusDays(r.nextInt(3000));
        };
        return at.isBefore(start) ? start : at;
    }

    private static BigDecimal money(SplittableRandom r, int maxYuan) {
        // fen amounts, so that sums and the usage compensation's rounding are exercised
        return BigDecimal.valueOf(r.nextLong(maxYuan * 100L + 1), 2);
    }

    private static Claim claim(SplittableRandom r, String id) {
        LocalDate start = start(r);
        boolean delivered = chance(r, 40);
        LocalDate purchased = delivered ? start.minusDays(r.nextInt(10)) : start;
        LocalDate occurred = occurred(r, start);
        int km = chance(r, 60) ? KM_EDGES[r.nextInt(KM_EDGES.length)] : r.nextInt(160_000);
        BigDecimal price = chance(r, 10) ? null : money(r, 400_000);
        VehicleUse use = chance(r, 15) ? VehicleUse.COMMERCIAL : chance(r, 50) ? null : VehicleUse.PRIVATE;
        Vehicle vehicle = new Vehicle("LSGKB54H8PA" + String.format("%06d", r.nextInt(1_000_000)), purchased,
                delivered ? start : null, km, price, use, chance(r, 50), true);

        Cause incidentCause = chance(r, 75) ? (chance(r, 80) ? Cause.QUALITY_DEFECT : Cause.BREAKDOWN)
                : CAUSES[r.nextInt(CAUSES.length)];
        List<SafetyFault> faults = new ArrayList<>();
        if (chance(r, 35)) {
            for (SafetyFault f : FAULTS) {
                if (chance(r, 35)) {
                    faults.add(f);
                }
            }
            if (faults.isEmpty() || chance(r, 30)) {
                faults.add(chance(r, 50) ? SafetyFault.TRACTION_BATTERY_FIRE : FAULTS[r.nextInt(FAULTS.length)]);
            }
        }
        Incident incident = new Incident(occurred, null, null, null, incidentCause,
                List.copyOf(new LinkedHashSet<>(faults)), null, null, null, null);
        RepairShop shop = new RepairShop("4S-SH-0" + (100 + r.nextInt(900)), chance(r, 92),
                chance(r, 50) ? ShopTier.DEALER_4S : ShopTier.INDEPENDENT);

        int n = 1 + (chance(r, 40) ? r.nextInt(3) : 0);
        List<ClaimLine> lines = new ArrayList<>(n);
        for (int k = 1; k <= n; k++) {
            PartSystem system = chance(r, 55) ? SYSTEMS[r.nextInt(10)] : SYSTEMS[r.nextInt(SYSTEMS.length)];
            Cause cause = chance(r, 80) ? null : chance(r, 50) ? Cause.QUALITY_DEFECT : CAUSES[r.nextInt(CAUSES.length)];
            lines.add(new ClaimLine("L" + k, system, PARTS[r.nextInt(PARTS.length)],
                    chance(r, 85) ? PROBLEMS[r.nextInt(PROBLEMS.length)] : null, chance(r, 50), chance(r, 55),
                    money(r, 30_000), money(r, 90_000), cause, chance(r, 12)));
        }

        List<PriorRepair> history = new ArrayList<>();
        if (chance(r, 45)) {
            // a quarter of the histories repeat the first line's problem 4 to 8 times (S4 (e): > 4, > 5)
            boolean focused = chance(r, 25);
            int visits = focused ? 4 + r.nextInt(5) : 1 + r.nextInt(7);
            LocalDate end = start.plusMonths(24);
            for (int k = 0; k < visits; k++) {
                LocalDate on = switch (r.nextInt(6)) {
                    case 0 -> start.plusDays(r.nextInt(2) - 1);
                    case 1 -> end.plusDays(r.nextInt(2));
                    default -> start.plusDays(r.nextInt(800));
                };
                PartSystem system = chance(r, 60) ? lines.get(0).system() : SYSTEMS[r.nextInt(10)];
                String part = chance(r, 60) ? lines.get(0).part() : PARTS[r.nextInt(PARTS.length)];
                String problem = focused && lines.get(0).problem() != null ? lines.get(0).problem()
                        : PROBLEMS[r.nextInt(PROBLEMS.length)];
                history.add(new PriorRepair(on, system, part, problem, chance(r, 50),
                        chance(r, 60), chance(r, 40), chance(r, 40), r.nextInt(chance(r, 30) ? 20 : 9),
                        chance(r, 85)));
            }
        }
        List<DocumentCode> docs = new ArrayList<>();
        if (chance(r, 85)) {
            docs.add(DocumentCode.REPAIR_ORDER);
        }
        if (chance(r, 60)) {
            docs.add(DocumentCode.WARRANTY_CARD);
        }
        if (chance(r, 50)) {
            docs.add(DocumentCode.PURCHASE_INVOICE);
        }
        if (chance(r, 10)) {
            DocumentCode other = DocumentCode.values()[r.nextInt(DocumentCode.values().length)];
            if (!docs.contains(other)) {
                docs.add(other);
            }
        }
        LocalDate submitted = occurred.plusDays(r.nextInt(5));
        return new Claim(id, ClaimType.WARRANTY, submitted, vehicle, incident, shop, lines, docs, history, null, null,
                null, null, null);
    }
}

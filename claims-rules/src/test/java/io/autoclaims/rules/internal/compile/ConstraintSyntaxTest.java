package io.autoclaims.rules.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.WorkbookBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of condition cell compiles to a constraint Drools accepts. */
class ConstraintSyntaxTest {

    @Test
    void everyConditionKindCompiles() {
        WorkbookBuilder wb = WorkbookBuilder.create().about("syntax", "1", LocalDate.of(2026, 1, 1), "t");
        wb.table("Checks", "Checks").hit("COLLECT").per("CLAIM").claimType("INSURANCE, ASSISTANCE").step(10)
                .column("ID", "rule id", "Id")
                .column("IF policy.coverages", "enum set Coverage", "Coverages")
                .column("IF incident.cause", "enum set Cause", "Cause")
                .column("IF driver.bacMgPer100ml", "decimal range", "BAC")
                .column("IF claim.payableCny", "money range", "Payable")
                .column("IF policy.absoluteDeductibleRate", "rate range", "Rate")
                .column("IF incident.occurredOn", "date range", "Occurred")
                .column("IF policy.daysSinceStart", "integer range", "Days")
                .column("EFFECT", "enum Effect", "Effect")
                .column("CODE", "code", "Code")
                .column("TEXT zh", "text", "zh")
                .column("TEXT en", "text", "en")
                .row("X-01", "NOT VEHICLE_DAMAGE", "NOT DELIBERATE, THEFT", ">= 19.9", "> 100000.50", "0.05..0.2",
                        ">= 2022-01-01", "0..7", "REFER", "X", "{rule.driver.bacMgPer100ml}", "x")
                .row("X-02", "VEHICLE_DAMAGE, THIRD_PARTY", "NOT COLLISION", "20", new BigDecimal("100000"), null,
                        "2024-02-29", "< 0", "INFO", "Y", "y", "y");
        CompiledRulebook rb = RulebookCompiler.compile(Map.of("t.xlsx", wb.toBytes()));
        String drl = rb.drl();
        assertTrue(drl.contains("coverages not contains io.autoclaims.model.Coverage.VEHICLE_DAMAGE"), drl);
        assertTrue(drl.contains("incidentCause not in ("), drl);
        assertTrue(drl.contains("bacMgPer100ml >= 19.9B"), drl);
        assertTrue(drl.contains("payableCny > 100000.5B"), drl);
        assertTrue(drl.contains("incidentCause != io.autoclaims.model.Cause.COLLISION"), drl);
        assertEquals(2, rb.rows().size());
        assertTrue(rb.supports(io.autoclaims.model.ClaimType.ASSISTANCE));
        assertTrue(!rb.supports(io.autoclaims.model.ClaimType.WARRANTY));
    }

    @Test
    void everyConditionKindCompilesAsRowFactsInALargeTable() {
        WorkbookBuilder wb = WorkbookBuilder.create().about("syntax", "1", LocalDate.of(2026, 1, 1), "t");
        WorkbookBuilder.TableBuilder t = wb.table("Checks", "Checks").hit("FIRST").per("CLAIM")
                .claimType("INSURANCE, ASSISTANCE").step(10)
                .column("ID", "rule id", "Id")
                .column("IF incident.cause", "enum set Cause", "Cause")
                .column("IF driver.bacMgPer100ml", "decimal range", "BAC")
                .column("IF claim.payableCny", "money range", "Payable")
                .column("IF policy.absoluteDeductibleRate", "rate range", "Rate")
                .column("IF incident.occurredOn", "date range", "Occurred")
                .column("IF policy.daysSinceStart", "integer range", "Days")
                .column("IF regime", "code set", "Regime")
                .column("IF policy.coverages", "enum set Coverage", "Coverages")
                .column("EFFECT", "enum Effect", "Effect")
                .column("CODE", "code", "Code")
                .column("TEXT zh", "text", "zh")
                .column("TEXT en", "text", "en");
        for (int i = 0; i < 10; i++) {
            t.row("X-" + i, "NOT DELIBERATE, THEFT", ">= 19.9", "> 100000.50", "0.05..0.2", ">= 2022-01-01", "0..7",
                    "R2021", null, "REFER", "X", "x", "x");
            t.row("Y-" + i, "COLLISION", new BigDecimal("20"), new BigDecimal("100000"), "< 0.3", "2024-02-29",
                    "< " + i, "R2013, R2021", null, "INFO", "Y", "y", "y");
        }
        t.row("Z-1", null, null, null, null, null, null, null, "VEHICLE_DAMAGE", "INFO", "Z", "z", "z");
        CompiledRulebook rb = RulebookCompiler.compile(Map.of("t.xlsx", wb.toBytes()));
        String drl = rb.drl();
        assertTrue(drl.contains("declare Row0"), drl);
        assertTrue(drl.contains("v0 not contains $f.incidentCause"), drl);
        assertTrue(drl.contains("lo1 <= $f.bacMgPer100ml"), drl);
        assertTrue(drl.contains("lo2 < $f.payableCny"), drl);
        assertTrue(drl.contains("lo5 <= $f.policyDaysSinceStart"), drl);
        assertTrue(drl.contains("v6 contains $f.regime"), drl);
        assertTrue(drl.contains("from $f.rows(1)"), drl);
        // a set-valued fact has no row-fact form: that row keeps a rule of its own
        assertTrue(java.util.regex.Pattern.compile("rule \"Checks_\\d+\"").matcher(drl).find(), drl);
        assertTrue(drl.contains("policy.coverages") || drl.contains("coverages contains"), drl);
        assertEquals(21, rb.rows().size());
    }
}

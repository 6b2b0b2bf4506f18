package io.autoclaims.rules.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.autoclaims.model.Claim;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.testing.Claims;
import io.autoclaims.rules.testing.WorkbookBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code line.daysSinceLastRepair} in a rule: a line whose problem was repaired again within 30
 * days of the incident is flagged as a comeback of that repair.
 */
class DaysSinceLastRepairTest {
    private static final LocalDate OCCURRED = Claims.DEFAULT_OCCURRED_ON;
    private static Adjudicator adjudicator;

    @BeforeAll
    static void rulebook() {
        WorkbookBuilder wb = WorkbookBuilder.create().about("comebacks", "1", LocalDate.of(2026, 1, 1), "t");
        wb.table("Comebacks 返修", "Comebacks").hit("FIRST").per("LINE").claimType("WARRANTY").step(10)
                .column("ID", "rule id", "Id")
                .column("IF line.daysSinceLastRepair", "integer range", "Days since last repair")
                .column("CODE", "code", "Code").column("TEXT zh", "text", "zh").column("TEXT en", "text", "en")
                .row("CB-01", "<= 30", "COMEBACK", "同一故障 {line.daysSinceLastRepair} 天前修过",
                        "the same problem was repaired {line.daysSinceLastRepair} days ago");
        adjudicator = Adjudicator.of(Rulebook.fromWorkbooks(Map.of("comebacks.xlsx", wb.toBytes())));
    }

    private static List<Reason> reasons(Claims claim) {
        Verdict v = adjudicator.adjudicate(claim.build());
        return v.reasons();
    }

    private static Claims withProblem() {
        return Claims.warranty().line(l -> l.problem("P-STEER-NOISE"));
    }

    @Test
    void aRepairOfTheSameProblemWithinTheLimitFires() {
        List<Reason> r = reasons(withProblem()
                .addHistory(Claims.repair(OCCURRED.minusDays(90)).problem("P-STEER-NOISE"),
                        Claims.repair(OCCURRED.minusDays(12)).problem("P-STEER-NOISE")));
        assertEquals(List.of("CB-01"), r.stream().map(Reason::ruleId).toList());
        assertEquals("the same problem was repaired 12 days ago", r.get(0).textEn());
        assertEquals("同一故障 12 天前修过", r.get(0).text());
    }

    @Test
    void onTheLimitFiresAndPastItDoesNot() {
        assertEquals(1, reasons(withProblem().addHistory(
                Claims.repair(OCCURRED.minusDays(30)).problem("P-STEER-NOISE"))).size());
        assertEquals(List.of(), reasons(withProblem().addHistory(
                Claims.repair(OCCURRED.minusDays(31)).problem("P-STEER-NOISE"))));
    }

    @Test
    void otherProblemsLaterRepairsAndNoHistoryLeaveItBlank() {
        assertEquals(List.of(), reasons(withProblem().addHistory(Claims.repair(OCCURRED.minusDays(5)).problem("P-OTHER"))));
        assertEquals(List.of(), reasons(withProblem().addHistory(
                Claims.repair(OCCURRED.plusDays(3)).problem("P-STEER-NOISE"))));
        assertEquals(List.of(), reasons(withProblem()));
        assertEquals(List.of(), reasons(Claims.warranty().addHistory(Claims.repair(OCCURRED.minusDays(5)))));
    }
}

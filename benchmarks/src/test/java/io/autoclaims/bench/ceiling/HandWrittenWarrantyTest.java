package io.autoclaims.bench.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ceiling of issue #7 is only a ceiling if it does the same job: the hand-written adjudicator gives
 * the default rulebook's verdicts (decision, remedy, amounts, missing documents, line verdicts, every
 * reason's code, rule id, sheet, row and line id) on the example backlog's warranty claims, the warranty
 * claims of a synthetic backlog, and seeded claims on both sides of every threshold. Between them they
 * fire every warranty rule row that reports a reason. No timing here: speed lives in JMH.
 */
class HandWrittenWarrantyTest {
    /** Sized so that the class runs in about 15 s on 2 shared cores, most of it the library's warm-up. */
    private static final int BOUNDARY_CLAIMS = 25_000;
    private static final int SYNTHETIC_CLAIMS = 8_000;
    private static Adjudicator adjudicator;
    private static HandWrittenWarranty handWritten;

    @BeforeAll
    static void load() {
        Rulebook rulebook = Rulebook.loadDefault();
        adjudicator = Adjudicator.of(rulebook);
        handWritten = new HandWrittenWarranty(rulebook.info());
    }

    /** Asserts agreement on every claim; returns how many also agree on the wording (texts and facts). */
    private static int agree(String source, List<Claim> claims) {
        return agree(source, claims, new TreeSet<>());
    }

    /** As above, adding the id of every row that fired to {@code fired}. */
    private static int agree(String source, List<Claim> claims, Set<String> fired) {
        List<Verdict> expected = DefaultRulebookBenchmark.verdicts(adjudicator.adjudicateAll(claims));
        List<Verdict> actual = handWritten.adjudicateAll(claims);
        List<String> differences = new ArrayList<>();
        int sameWording = 0;
        for (int i = 0; i < claims.size(); i++) {
            String d = VerdictComparison.difference(expected.get(i), actual.get(i));
            if (d != null) {
                differences.add(d);
            } else if (VerdictComparison.sameWording(expected.get(i), actual.get(i))) {
                sameWording++;
            }
            for (Reason r : expected.get(i).reasons()) {
                fired.add(r.ruleId());
            }
        }
        if (!differences.isEmpty()) {
            fail(source + ": " + differences.size() + " of " + claims.size() + " verdicts differ, e.g.\n"
                    + String.join("\n", differences.subList(0, Math.min(10, differences.size()))));
        }
        System.out.printf("%s: %d warranty claims agree; %d also word every reason as the library does%n",
                source, claims.size(), sameWording);
        return sameWording;
    }

    @Test
    void exampleBacklog() throws IOException {
        ClaimCodec codec = ClaimCodec.create();
        List<Claim> claims = new ArrayList<>();
        long n = 0;
        for (String line : Files.readAllLines(Path.of("../examples/claims/warranty.jsonl"))) {
            if (codec.read(line, ++n) instanceof ReadResult.Ok ok && ok.claim().type() == ClaimType.WARRANTY) {
                claims.add(ok.claim());
            }
        }
        assertTrue(claims.size() >= 30, "examples/claims/warranty.jsonl: " + claims.size() + " claims");
        assertEquals(claims.size(), agree("examples/claims/warranty.jsonl", claims), "wording");
    }

    @Test
    void syntheticBacklog() {
        List<Claim> claims = WarrantyClaims.synthetic(SYNTHETIC_CLAIMS, 2026);
        assertEquals(claims.size(), agree("SyntheticBacklog seed 2026", claims), "wording");
    }

    /** The warranty rows of the default rulebook that report a reason (not RG-*, T-*, SC-02). */
    private static final Set<String> REASON_ROWS = new TreeSet<>(List.of("W1-01", "W2-01", "W3-01", "W4-01", "W5-01",
            "W5-02", "W6-01", "W7-01", "W7-02", "S1-01", "S2-01", "S2-02", "S3-01", "S3-02", "S4-01", "S4-02", "S4-03",
            "S4-04", "S4-05", "S4-06", "S4-07", "S4-08", "S4-09", "SC-01", "P-01", "D1-01", "D2-01", "D3-01"));

    @Test
    void boundaries() {
        List<Claim> claims = BoundaryWarrantyClaims.generate(BOUNDARY_CLAIMS, 7);
        Set<String> fired = new TreeSet<>();
        assertEquals(claims.size(), agree("boundary claims seed 7", claims, fired), "wording");
        Set<String> missed = new TreeSet<>(REASON_ROWS);
        missed.removeAll(fired);
        assertEquals(Set.of(), missed, "warranty rows that no boundary claim fired");
    }

    @Test
    void theListOfRowsIsTheWorkbooks() {
        Set<String> sheets = Set.of(HandWrittenWarranty.CLAIM_CHECKS, HandWrittenWarranty.COVERAGE,
                HandWrittenWarranty.REFERRALS, HandWrittenWarranty.EARLY, HandWrittenWarranty.SAFETY,
                HandWrittenWarranty.REPEATED_SAFETY, HandWrittenWarranty.REPEATED_REPAIRS, HandWrittenWarranty.SCOPE,
                HandWrittenWarranty.SETTLEMENT, HandWrittenWarranty.DOCUMENTS);
        Set<String> rows = new TreeSet<>();
        for (RuleRef r : adjudicator.rulebook().rules()) {
            if (sheets.contains(r.table()) && !r.ruleId().equals("SC-02")) {
                rows.add(r.ruleId());
            }
        }
        assertEquals(REASON_ROWS, rows);
    }
}

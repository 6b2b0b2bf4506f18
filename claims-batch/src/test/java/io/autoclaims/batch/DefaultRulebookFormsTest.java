package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.model.Claim;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.internal.compile.CompiledRulebook;
import io.autoclaims.rules.internal.run.Engine;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.testkit.SyntheticBacklog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #7's equivalence test for the default rulebook: compiled with every table as shape rules over
 * indexed row facts, and compiled one Drools rule per row (the straightforward form), it gives the
 * same verdicts (decisions, amounts, reasons with their rule rows and lines) on 100,000 synthetic
 * claims of all three types, and the same fired rows and table traces on the first 3,000.
 */
class DefaultRulebookFormsTest {
    private static final int CLAIMS = 100_000;
    private static final int EXPLAINED = 3_000;
    private static final int BATCH = 1_000;

    @Test
    void indexedAndPerRowRulesGiveTheSameVerdicts() {
        Map<String, byte[]> workbooks = Rulebook.loadDefault().workbooks();
        CompiledRulebook indexed = RulebookCompiler.compile(workbooks, 1);
        CompiledRulebook perRow = RulebookCompiler.compile(workbooks, Integer.MAX_VALUE);
        assertTrue(indexed.drl().contains("from $f.rows("), "every table as row facts");
        assertTrue(!perRow.drl().contains("from $f.rows("), "one rule per row");

        List<Claim> claims = claims();
        Engine fast = new Engine(indexed);
        Engine slow = new Engine(perRow);
        Map<ClaimType, Integer> byType = new EnumMap<>(ClaimType.class);
        int reasons = 0;
        for (int from = 0; from < claims.size(); from += BATCH) {
            List<Claim> batch = claims.subList(from, Math.min(claims.size(), from + BATCH));
            List<Verdict> a = fast.adjudicate(batch);
            List<Verdict> b = slow.adjudicate(batch);
            for (int i = 0; i < batch.size(); i++) {
                assertEquals(b.get(i), a.get(i), batch.get(i).claimId());
                byType.merge(batch.get(i).type(), 1, Integer::sum);
                reasons += a.get(i).reasons().size();
            }
        }
        List<Explanation> a = fast.explain(claims.subList(0, EXPLAINED));
        List<Explanation> b = slow.explain(claims.subList(0, EXPLAINED));
        for (int i = 0; i < EXPLAINED; i++) {
            assertEquals(b.get(i).fired(), a.get(i).fired(), claims.get(i).claimId());
            assertEquals(b.get(i).tables(), a.get(i).tables(), claims.get(i).claimId());
        }
        assertEquals(3, byType.size(), byType::toString);
        assertTrue(reasons > CLAIMS, "verdicts carry reasons: " + reasons);
    }

    private static List<Claim> claims() {
        ClaimCodec codec = ClaimCodec.create();
        List<Claim> claims = new ArrayList<>(CLAIMS);
        Iterator<String> lines = SyntheticBacklog.lines(Long.MAX_VALUE / 2, 2026).iterator();
        long n = 0;
        while (claims.size() < CLAIMS) {
            n++;
            if (codec.read(lines.next(), n) instanceof ReadResult.Ok ok) {
                claims.add(ok.claim());
            }
        }
        return claims;
    }
}

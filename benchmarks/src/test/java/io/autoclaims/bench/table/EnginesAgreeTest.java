package io.autoclaims.bench.table;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.kie.api.KieBase;
import org.junit.jupiter.api.Test;

/**
 * The comparison's equivalence check in {@code mvn verify}: at 400 rows, every engine answers 3,000
 * seeded claims (edges included) as the reference evaluation does. No timing here: speed lives in JMH.
 */
class EnginesAgreeTest {
    private static TermsTable table;
    private static BenchClaim[] claims;

    @BeforeAll
    static void generate() {
        table = TermsTable.generate(400, 7);
        claims = BenchClaim.generate(table, 3_000, 11);
    }

    /** The Drools knowledge base, built once for both ways of running it. */
    private static KieBase drools;

    private static synchronized KieBase drools() {
        if (drools == null) {
            drools = DroolsXlsEngine.build(DroolsXlsTable.write(table));
        }
        return drools;
    }

    private static void agrees(String name, DecisionEngine e) {
        e.prepare(claims);
        assertDoesNotThrow(() -> Engines.checkAgainstReference(name, e, table, claims));
    }

    private static void agrees(String engine) {
        agrees(engine, Engines.load(engine, table));
    }

    @Test
    void autoclaimsAgrees() {
        agrees("autoclaims");
    }

    @Test
    void droolsBatchAgrees() {
        agrees("drools-batch", new DroolsXlsEngine(drools(), DroolsXlsEngine.Mode.BATCH));
    }

    @Test
    void droolsPerClaimAgrees() {
        agrees("drools-per-claim", new DroolsXlsEngine(drools(), DroolsXlsEngine.Mode.PER_CLAIM));
    }

    @Test
    void openlAgrees() {
        agrees("openl");
    }

    @Test
    void javaMapAgrees() {
        agrees("java-map");
    }

    /** This library's engine on the shared claims, the explanations' reference. */
    private static Explaining library() {
        AutoclaimsEngine e = (AutoclaimsEngine) Engines.load("autoclaims", table);
        e.prepare(claims);
        return e;
    }

    private static void explainsAsTheLibrary(String engine) {
        Explaining e = (Explaining) Engines.load(engine, table);
        e.prepare(claims);
        assertDoesNotThrow(() -> Engines.checkAgainstReference(engine, e, table, claims));
        ExplainedAnswer[] got = e.explanations(claims.length);
        Set<String> rules = new TreeSet<>();
        for (ExplainedAnswer x : got) {
            rules.add(x.ruleId());
        }
        assertEquals(Set.of("C-01", "E-01", "E-02", "E-03"), rules, "the claims reach every explaining row");
        assertDoesNotThrow(() -> Engines.checkExplanations(engine, e, library(), claims));
    }

    @Test
    void openlExplainedExplainsAsTheLibrary() {
        explainsAsTheLibrary("openl-explained");
    }

    @Test
    void droolsExplainedExplainsAsTheLibrary() {
        explainsAsTheLibrary("drools-batch-explained");
    }

    @Test
    void aDifferentExplanationIsCaught() {
        Explaining library = library();
        ExplainedAnswer[] right = library.explanations(claims.length);
        Explaining off = new Explaining() {
            @Override
            public void prepare(BenchClaim[] c) {
            }

            @Override
            public Evaluator newEvaluator() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ExplainedAnswer[] explanations(int n) {
                ExplainedAnswer[] x = right.clone();
                ExplainedAnswer a = x[7];
                x[7] = new ExplainedAnswer(a.code(), a.ruleId(), a.table(), a.row(), a.zh(), a.en() + " ", a.facts(),
                        a.lineId());
                return x;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Engines.checkExplanations("off", off, library, claims));
        assertTrue(e.getMessage().contains("explains 1 of 3000 claims differently"), e.getMessage());
    }
}

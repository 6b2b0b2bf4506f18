package io.autoclaims.bench.table;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

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
}

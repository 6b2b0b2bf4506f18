package io.autoclaims.bench.table;

import java.util.Arrays;
import java.util.List;

/** The engines of the comparison by name, and the equivalence check every benchmark runs before timing. */
public final class Engines {
    /** Names as the benchmarks' {@code engine} parameter takes them. */
    public static final List<String> NAMES = List.of("autoclaims", "drools-batch", "drools-per-claim", "openl",
            "java-map", "openl-explained", "drools-batch-explained");
    /** Claims per call on every batch path (this library's adjudicateAll, Drools' fireAllRules). */
    public static final int BATCH = 1000;

    private Engines() {
    }

    /** Generates the engine's table from {@code table} and loads it. */
    public static DecisionEngine load(String name, TermsTable table) {
        return switch (name) {
            case "autoclaims" -> new AutoclaimsEngine(AutoclaimsWorkbook.write(table));
            case "drools-batch" -> new DroolsXlsEngine(DroolsXlsTable.write(table), DroolsXlsEngine.Mode.BATCH);
            case "drools-per-claim" -> new DroolsXlsEngine(DroolsXlsTable.write(table), DroolsXlsEngine.Mode.PER_CLAIM);
            case "openl" -> OpenlEngine.fromBytes(OpenlWorkbook.write(table));
            case "java-map" -> new JavaMapEngine(table);
            case "openl-explained" -> OpenlEngine.fromBytes(OpenlWorkbook.writeExplained(table), true);
            case "drools-batch-explained" -> new DroolsXlsEngine(DroolsXlsEngine.build(DroolsXlsTable.writeExplained(table)),
                    DroolsXlsEngine.Mode.BATCH, true);
            default -> throw new IllegalArgumentException("unknown engine " + name + "; one of " + NAMES);
        };
    }

    /** The engine's answers on all the prepared claims, in batches of {@link #BATCH}. */
    public static Answer[] answers(DecisionEngine engine, int n) {
        Answer[] out = new Answer[n];
        DecisionEngine.Evaluator e = engine.newEvaluator();
        for (int from = 0; from < n; from += BATCH) {
            e.decide(from, Math.min(n, from + BATCH), out);
        }
        return out;
    }

    /**
     * Fails unless the engine (already prepared with {@code claims}) answers every claim as the
     * reference evaluation of {@code table} does; the message names the first claims that differ.
     */
    public static void checkAgainstReference(String name, DecisionEngine engine, TermsTable table, BenchClaim[] claims) {
        Answer[] got = answers(engine, claims.length);
        int differ = 0;
        StringBuilder first = new StringBuilder();
        int[] counts = new int[Answer.values().length];
        for (int i = 0; i < claims.length; i++) {
            Answer want = table.decide(claims[i]);
            counts[want.ordinal()]++;
            if (got[i] != want) {
                if (differ++ < 5) {
                    first.append("\n  claim ").append(i).append(' ').append(claims[i]).append(": expected ")
                            .append(want).append(", ").append(name).append(" said ").append(got[i]);
                }
            }
        }
        if (differ > 0) {
            throw new IllegalStateException(name + " disagrees with the reference on " + differ + " of " + claims.length
                    + " claims (table of " + table.rows().size() + " rows):" + first);
        }
        if (Arrays.stream(counts).anyMatch(c -> c == 0)) {
            throw new IllegalStateException("the claims do not reach every answer: " + Arrays.toString(counts));
        }
    }

    /**
     * For an engine that explains (issue #16's like-with-like race): fails unless it explains every
     * prepared claim exactly as this library's verdict does (rule id, table, row, code, zh/en text, facts,
     * line); {@code library} is this library's engine prepared with the same claims. The message names
     * the first claims that differ.
     */
    public static void checkExplanations(String name, Explaining engine, Explaining library, BenchClaim[] claims) {
        ExplainedAnswer[] want = library.explanations(claims.length);
        ExplainedAnswer[] got = engine.explanations(claims.length);
        int differ = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < claims.length; i++) {
            if (!want[i].equals(got[i]) && differ++ < 3) {
                first.append("\n  claim ").append(i).append(' ').append(claims[i]).append(":\n    expected ")
                        .append(want[i]).append("\n    ").append(name).append(" said ").append(got[i]);
            }
        }
        if (differ > 0) {
            throw new IllegalStateException(name + " explains " + differ + " of " + claims.length
                    + " claims differently from this library:" + first);
        }
    }
}

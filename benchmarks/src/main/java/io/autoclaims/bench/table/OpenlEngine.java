package io.autoclaims.bench.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openl.rules.runtime.RulesEngineFactory;

/**
 * OpenL Tablets 5.27 embedded: {@link RulesEngineFactory} on the workbook file of {@link OpenlWorkbook},
 * bound to {@link OpenlRules}; one engine instance per thread.
 */
public final class OpenlEngine implements DecisionEngine {
    private final RulesEngineFactory<OpenlRules> factory;
    private String[] causes;
    private String[] models;
    private String[] systems;
    private int[] months;
    private int[] km;

    public OpenlEngine(Path workbook) {
        try {
            factory = new RulesEngineFactory<>(workbook.toUri().toURL(), OpenlRules.class);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        if (factory.getCompiledOpenClass().hasErrors()) {
            throw new IllegalStateException("the OpenL workbook does not compile: "
                    + factory.getCompiledOpenClass().getAllMessages());
        }
    }

    /** Writes the bytes to a temporary file (OpenL reads workbooks from a URL) and compiles it. */
    public static OpenlEngine fromBytes(byte[] workbook) {
        try {
            Path f = Files.createTempFile("terms-openl-", ".xlsx");
            f.toFile().deleteOnExit();
            Files.write(f, workbook);
            return new OpenlEngine(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void prepare(BenchClaim[] claims) {
        int n = claims.length;
        causes = new String[n];
        models = new String[n];
        systems = new String[n];
        months = new int[n];
        km = new int[n];
        for (int i = 0; i < n; i++) {
            BenchClaim c = claims[i];
            causes[i] = c.cause().name();
            models[i] = TermsTable.modelName(c.model()).intern();
            systems[i] = c.system().name();
            months[i] = c.months();
            km[i] = c.km();
        }
    }

    /** An engine instance for one call outside the prepared claims (cold load: the first answer). */
    public OpenlRules instance() {
        return factory.newEngineInstance();
    }

    @Override
    public Evaluator newEvaluator() {
        OpenlRules rules = factory.newEngineInstance();
        return (from, to, out) -> {
            for (int i = from; i < to; i++) {
                out[i] = Answer.of(rules.decide(causes[i], models[i], systems[i], months[i], km[i]));
            }
        };
    }
}

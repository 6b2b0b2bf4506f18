package io.autoclaims.bench.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openl.rules.runtime.RulesEngineFactory;

/**
 * OpenL Tablets 5.27 embedded: {@link RulesEngineFactory} on the workbook file of {@link OpenlWorkbook},
 * bound to {@link OpenlRules}, or for the explained variant to {@link OpenlExplainedRules}; one engine
 * instance per thread.
 */
public final class OpenlEngine implements Explaining {
    private final RulesEngineFactory<?> factory;
    private final boolean explained;
    private String[] causes;
    private String[] models;
    private String[] systems;
    private int[] months;
    private int[] km;

    public OpenlEngine(Path workbook) {
        this(workbook, false);
    }

    /** The engine on {@code workbook}, bound to {@link OpenlExplainedRules} when {@code explained}. */
    public OpenlEngine(Path workbook, boolean explained) {
        this.explained = explained;
        try {
            factory = explained ? new RulesEngineFactory<>(workbook.toUri().toURL(), OpenlExplainedRules.class)
                    : new RulesEngineFactory<>(workbook.toUri().toURL(), OpenlRules.class);
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
        return fromBytes(workbook, false);
    }

    /** As {@link #fromBytes(byte[])}, bound to {@link OpenlExplainedRules} when {@code explained}. */
    public static OpenlEngine fromBytes(byte[] workbook, boolean explained) {
        try {
            Path f = Files.createTempFile("terms-openl-", ".xlsx");
            f.toFile().deleteOnExit();
            Files.write(f, workbook);
            return new OpenlEngine(f, explained);
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
        return (OpenlRules) factory.newEngineInstance();
    }

    private ExplainedAnswer explain(OpenlExplainedRules rules, int i) {
        return rules.decide(causes[i], models[i], systems[i], months[i], km[i]);
    }

    @Override
    public Evaluator newEvaluator() {
        Object instance = factory.newEngineInstance();
        if (instance instanceof OpenlExplainedRules rules) {
            ExplainedAnswer[] explainedOut = new ExplainedAnswer[causes.length];
            return (from, to, out) -> {
                for (int i = from; i < to; i++) {
                    ExplainedAnswer x = explain(rules, i);
                    explainedOut[i] = x;
                    out[i] = x.answer();
                }
            };
        }
        OpenlRules rules = (OpenlRules) instance;
        return (from, to, out) -> {
            for (int i = from; i < to; i++) {
                out[i] = Answer.of(rules.decide(causes[i], models[i], systems[i], months[i], km[i]));
            }
        };
    }

    @Override
    public ExplainedAnswer[] explanations(int n) {
        if (!explained) {
            throw new IllegalStateException("the plain OpenL table does not explain");
        }
        OpenlExplainedRules rules = (OpenlExplainedRules) factory.newEngineInstance();
        ExplainedAnswer[] result = new ExplainedAnswer[n];
        for (int i = 0; i < n; i++) {
            result[i] = explain(rules, i);
        }
        return result;
    }
}

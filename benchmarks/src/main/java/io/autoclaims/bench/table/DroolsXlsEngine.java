package io.autoclaims.bench.table;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Drools' own spreadsheet path: the {@code .drl.xlsx} of {@link DroolsXlsTable} in a KieFileSystem,
 * built with the classic engine ({@link DrlProject}). Two ways to run it:
 * <ul>
 *   <li>{@link Mode#BATCH}: one stateful session per thread, reused: insert the batch's facts (1,000),
 *       {@code fireAllRules}, delete them;</li>
 *   <li>{@link Mode#PER_CLAIM}: a new stateless session per claim, {@code execute(fact)}.</li>
 * </ul>
 * The explained table ({@link DroolsXlsTable#writeExplained}) runs on {@link DtExplainedClaim} facts in the
 * batch mode.
 */
public final class DroolsXlsEngine implements Explaining {
    public enum Mode { BATCH, PER_CLAIM }

    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase kieBase;
    private final Mode mode;
    private final boolean explained;
    private DtClaim[] facts;
    private DtExplainedClaim[] explainedFacts;

    public DroolsXlsEngine(byte[] drlXlsx, Mode mode) {
        this(build(drlXlsx), mode);
    }

    public DroolsXlsEngine(KieBase kieBase, Mode mode) {
        this(kieBase, mode, false);
    }

    /** An engine on the explained table's knowledge base when {@code explained} (batch mode only). */
    public DroolsXlsEngine(KieBase kieBase, Mode mode, boolean explained) {
        if (explained && mode != Mode.BATCH) {
            throw new IllegalArgumentException("the explained table runs in batch mode");
        }
        this.kieBase = kieBase;
        this.mode = mode;
        this.explained = explained;
    }

    /** Compiles the spreadsheet; fails on any build error or an empty knowledge base. */
    public static KieBase build(byte[] drlXlsx) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("io.autoclaims.bench", "terms", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
        kfs.write(DroolsXlsTable.PATH, drlXlsx);
        KieBuilder kb = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
        List<Message> errors = kb.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the Drools decision table does not build: " + errors.subList(0,
                    Math.min(5, errors.size())));
        }
        KieBase base = ks.newKieContainer(id).getKieBase();
        ks.getRepository().removeKieModule(id);
        long rules = base.getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
        if (rules == 0) {
            throw new IllegalStateException("the Drools knowledge base has no rules (is the path still .drl.xlsx?)");
        }
        return base;
    }

    /** Rules in the knowledge base (one per table row). */
    public long ruleCount() {
        return kieBase.getKiePackages().stream().map(KiePackage::getRules).mapToLong(r -> r.size()).sum();
    }

    @Override
    public void prepare(BenchClaim[] claims) {
        facts = new DtClaim[claims.length];
        explainedFacts = new DtExplainedClaim[claims.length];
        for (int i = 0; i < claims.length; i++) {
            BenchClaim c = claims[i];
            String model = TermsTable.modelName(c.model());
            if (explained) {
                explainedFacts[i] = new DtExplainedClaim(model, c.system().name(), c.cause().name(), c.months(), c.km());
            } else {
                facts[i] = new DtClaim(model, c.system().name(), c.cause().name(), c.months(), c.km());
            }
        }
    }

    @Override
    public ExplainedAnswer[] explanations(int n) {
        if (!explained) {
            throw new IllegalStateException("the plain Drools table does not explain");
        }
        Answer[] out = new Answer[n];
        Evaluator e = newEvaluator();
        ExplainedAnswer[] result = new ExplainedAnswer[n];
        for (int from = 0; from < n; from += Engines.BATCH) {
            int to = Math.min(n, from + Engines.BATCH);
            e.decide(from, to, out);
            for (int i = from; i < to; i++) {
                result[i] = explainedFacts[i].getExplained();
            }
        }
        return result;
    }

    @Override
    public Evaluator newEvaluator() {
        if (explained) {
            return explainedEvaluator();
        }
        if (mode == Mode.PER_CLAIM) {
            return (from, to, out) -> {
                for (int i = from; i < to; i++) {
                    DtClaim f = facts[i];
                    f.setResult(null);
                    StatelessKieSession session = kieBase.newStatelessKieSession();
                    session.execute(f);
                    out[i] = Answer.of(f.getResult());
                }
            };
        }
        KieSession session = kieBase.newKieSession();
        FactHandle[] handles = new FactHandle[1000];
        return (from, to, out) -> {
            FactHandle[] h = to - from <= handles.length ? handles : new FactHandle[to - from];
            for (int i = from; i < to; i++) {
                DtClaim f = facts[i];
                f.setResult(null);
                h[i - from] = session.insert(f);
            }
            session.fireAllRules();
            for (int i = from; i < to; i++) {
                session.delete(h[i - from]);
                out[i] = Answer.of(facts[i].getResult());
            }
        };
    }

    /** Batch mode on the explained facts: each claim's answer is its explanation's. */
    private Evaluator explainedEvaluator() {
        KieSession session = kieBase.newKieSession();
        FactHandle[] handles = new FactHandle[Engines.BATCH];
        return (from, to, out) -> {
            FactHandle[] h = to - from <= handles.length ? handles : new FactHandle[to - from];
            for (int i = from; i < to; i++) {
                DtExplainedClaim f = explainedFacts[i];
                f.reset();
                h[i - from] = session.insert(f);
            }
            session.fireAllRules();
            for (int i = from; i < to; i++) {
                session.delete(h[i - from]);
                out[i] = explainedFacts[i].getExplained().answer();
            }
        };
    }
}

package io.autoclaims.rules.internal.run;

import io.autoclaims.model.Claim;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.Verdict;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.internal.compile.CompiledRulebook;
import io.autoclaims.rules.internal.compile.DroolsCompiler;
import io.autoclaims.rules.internal.compile.Network;
import io.autoclaims.rules.internal.table.Scope;
import io.autoclaims.rules.internal.table.TableModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Runs claims through the compiled tables. A batch of claims shares one Drools session: each stage
 * moves the facts it concerns to that stage (inserting a fact at its first) and fires. Sessions are
 * reset and pooled with the rulebook's {@link Network}, one per thread in use, and shared by the
 * rulebooks of the same rules' text: no session is created per claim or per batch.
 * Thread-safe.
 */
public final class Engine {
    private final CompiledRulebook rulebook;

    public Engine(CompiledRulebook rulebook) {
        this.rulebook = rulebook;
    }

    public CompiledRulebook rulebook() {
        return rulebook;
    }

    /** Verdicts for the claims, in order. Every claim's type must be supported by the rulebook. */
    public List<Verdict> adjudicate(List<Claim> claims) {
        return run(claims).stream().map(r -> Settlement.verdict(r, rulebook.info())).toList();
    }

    /**
     * Verdicts as {@link #adjudicate(List)}, each naming this rulebook as of its claim's date: a
     * history's verdicts, stamped as they are made rather than copied afterwards.
     */
    public List<Verdict> adjudicate(List<Claim> claims, Function<Claim, LocalDate> asOf) {
        RulebookInfo info = rulebook.info();
        return run(claims).stream().map(r -> Settlement.verdict(r, info.withAsOf(asOf.apply(r.claim())))).toList();
    }

    /** Verdicts with every rule row that fired and what each table saw, for each claim, in order. */
    public List<Explanation> explain(List<Claim> claims) {
        return run(claims, true).stream()
                .map(r -> new Explanation(Settlement.verdict(r, rulebook.info()), r.trace(), Traces.of(r)))
                .toList();
    }

    private List<ClaimRun> run(List<Claim> claims) {
        return run(claims, false);
    }

    private List<ClaimRun> run(List<Claim> claims, boolean trace) {
        Network network = rulebook.network();
        KieSession session = network.session();
        List<ClaimRun> runs = new ArrayList<>(claims.size());
        boolean reusable = false;
        try {
            for (Claim c : claims) {
                ClaimRun run = new ClaimRun(rulebook, c);
                if (trace) {
                    run.startTracing();
                }
                runs.add(run);
            }
            // Drools starts its JVM-wide pool on the first constraints it compiles while claims run;
            // its threads keep the context loader of the thread that started them, never a host's
            DroolsCompiler.withLibraryLoader(() -> {
                runStages(session, runs);
                return null;
            });
            // Deleting the facts one by one leaves terminal-node tuples behind in Drools 10 (the heap
            // grew ~4 KB per claim); a reset empties the working memory and keeps the session's nodes.
            if (session instanceof StatefulKnowledgeSessionImpl impl) {
                impl.reset();
                reusable = true;
            }
        } finally {
            if (reusable) {
                network.release(session);
            } else {
                session.dispose();
            }
        }
        return runs;
    }

    private void runStages(KieSession session, List<ClaimRun> runs) {
        List<TableModel> stages = rulebook.stages();
        for (int s = 0; s < stages.size(); s++) {
            TableModel table = stages.get(s);
            boolean any = false;
            for (ClaimRun run : runs) {
                if (!run.runs(s)) {
                    continue;
                }
                any = true;
                if (table.scope() == Scope.CLAIM) {
                    if (run.tracing()) {
                        run.snapshot(s, table, null);
                    }
                    run.facts().enterStage(s);
                    run.claimHandle(enter(session, run.claimHandle(), run.facts()));
                } else {
                    List<LineFacts> lines = run.stageLines();
                    for (int i = 0; i < lines.size(); i++) {
                        if (run.tracing()) {
                            run.snapshot(s, table, lines.get(i));
                        }
                        lines.get(i).enterStage(s);
                        run.lineHandle(i, enter(session, run.lineHandle(i), lines.get(i)));
                    }
                }
            }
            if (!any) {
                continue;
            }
            session.fireAllRules();
            for (ClaimRun run : runs) {
                if (run.runs(s)) {
                    run.applyStage();
                    run.afterStage(s);
                }
            }
        }
    }

    /**
     * Puts a fact that enters a stage before Drools: inserted at its first stage, updated at the next
     * ones. A fact is not inserted before (at no stage it matches no rule: the insert was wasted work),
     * and a claim fact no CLAIM table reads is never inserted.
     */
    private static FactHandle enter(KieSession session, FactHandle handle, Object fact) {
        if (handle == null) {
            return session.insert(fact);
        }
        session.update(handle, fact);
        return handle;
    }
}

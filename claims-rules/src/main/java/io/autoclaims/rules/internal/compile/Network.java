package io.autoclaims.rules.internal.compile;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A compiled Drools knowledge base and its idle sessions. Every rulebook whose generated rules are
 * the same text shares one (see {@link DroolsCompiler#network}): the rules carry only conditions and
 * row numbers, while what a fired row does (terms, amounts, texts) stays with each rulebook's own
 * rows, so versions of a history that changed only such cells run on one warm network and one
 * session per thread instead of one each. Thread-safe.
 */
public final class Network {
    private final String drl;
    private final KieBase kieBase;
    /** Sessions between batches, one per thread in use, whichever rulebook of this network it ran. */
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();

    Network(String drl, KieBase kieBase) {
        this.drl = drl;
        this.kieBase = kieBase;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    String drl() {
        return drl;
    }

    /** An idle session, reset, or a new one. */
    public KieSession session() {
        KieSession session = idle.poll();
        return session != null ? session : DroolsCompiler.withLibraryLoader(kieBase::newKieSession);
    }

    /** Gives back a session after {@code reset()}, for the next batch of any rulebook on this network. */
    public void release(KieSession session) {
        idle.add(session);
    }
}

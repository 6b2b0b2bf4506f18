package io.autoclaims.server;

import io.autoclaims.rules.Rulebook;
import java.nio.file.Path;

/**
 * The shipped rulebook, compiled once per test JVM for every server that serves it: its compile is
 * most of a server's start, and the servers of one JVM need no copy each.
 */
final class SharedRulebook {
    private SharedRulebook() {
    }

    /** The shipped rulebook, compiled on first use (the holder class is initialised once, thread-safely). */
    static Rulebook shipped() {
        return Holder.SHIPPED;
    }

    /**
     * The first version of the example history ({@code examples/history/2026.1}), compiled on first use,
     * once per JVM: a history server's tests start from it and deploy 2027.1 through reload, which
     * compiles it (a second shared version would be compiled for nothing).
     */
    static Rulebook historyFirstVersion() {
        return HistoryHolder.V2026;
    }

    private static final class Holder {
        static final Rulebook SHIPPED = Rulebook.loadDefault();
    }

    private static final class HistoryHolder {
        static final Rulebook V2026 = Rulebook.load(Path.of("../examples/history/2026.1"));
    }
}

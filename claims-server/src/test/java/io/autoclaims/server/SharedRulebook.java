package io.autoclaims.server;

import io.autoclaims.rules.Rulebook;

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

    private static final class Holder {
        static final Rulebook SHIPPED = Rulebook.loadDefault();
    }
}

package io.autoclaims.batch;

import io.autoclaims.rules.Rulebook;

/** The default rulebook, compiled once per test JVM (compiling takes seconds). */
final class TestRulebooks {
    private TestRulebooks() {
    }

    private static final class Holder {
        static final Rulebook DEFAULT = Rulebook.loadDefault();
    }

    static Rulebook defaultRulebook() {
        return Holder.DEFAULT;
    }
}

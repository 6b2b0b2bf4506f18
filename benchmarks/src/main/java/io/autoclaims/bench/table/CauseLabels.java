package io.autoclaims.bench.table;

import io.autoclaims.model.Cause;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names of the causes in reasons, as this library prints them ({@code 发动机进水} /
 * {@code water ingress}): the lookup a Drools action calls, built once.
 */
public final class CauseLabels {
    private static final Map<String, String> ZH = new HashMap<>();
    private static final Map<String, String> EN = new HashMap<>();

    static {
        for (Cause c : Cause.values()) {
            ZH.put(c.name(), c.zh());
            EN.put(c.name(), en(c));
        }
    }

    private CauseLabels() {
    }

    public static String zh(String cause) {
        return ZH.get(cause);
    }

    public static String en(String cause) {
        return EN.get(cause);
    }

    /** The English name: the constant in lower case, words apart. */
    public static String en(Cause c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

package io.autoclaims.rules.testing;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Texts an attacker or a careless paste puts into a workbook: DRL, MVEL and Java syntax, comment
 * markers, every line terminator, escapes, and payloads that would set a canary if they ever ran.
 */
public final class Hostile {
    /** The system property a payload sets if it ever runs. */
    public static final String CANARY_PROPERTY = "autoclaims.canary";
    /** The file a payload creates if it ever runs. */
    public static final Path CANARY_FILE = Path.of(System.getProperty("java.io.tmpdir"), "autoclaims-canary-file");

    private static final String SET_PROPERTY = "java.lang.System.setProperty(\"" + CANARY_PROPERTY + "\", \"ran\");";
    private static final String CREATE_FILE = "new java.io.File(\"" + CANARY_FILE + "\").createNewFile();";

    /** The payload of issue #13: a sheet name that ends the comment it was written into. */
    public static final String ISSUE_PAYLOAD = "Terms\nrule \"evil\" when then " + SET_PROPERTY + " end\n/*";

    public static final List<String> TEXTS = List.of(
            ISSUE_PAYLOAD, "Coverage*/\n//",
            "*/ rule \"evil2\" when then " + CREATE_FILE + " end /*",
            "\"; " + SET_PROPERTY + " \"", "\") then " + SET_PROPERTY + " end rule \"x\" when eval(\"",
            "\u2028rule \"evil3\" when then " + SET_PROPERTY + " end", "\u0085end", "\u2029", "\r", "\n", "\r\n",
            "*/", "/*", "//", "end", "rule", "then", "when", "\"", "\\", "\\\"", "'", "`", "$", "${x}", "#",
            "#{x}", "@{" + SET_PROPERTY + "}", "\\u0022", "\\u000a", "\t", "\u0000", "\u001b[2J", "\u202e",
            "\ufeff", "\ud800", "\ud83d\ude97", "保修 三包", "T-01", "{line.id}", "");

    /** A hostile text, a random one, or hostile texts spliced together. */
    public static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.of(TEXTS),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of(TEXTS).list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(" ", l)));
    }

    /** True when no payload has run in this JVM. */
    public static boolean canaryQuiet() {
        return System.getProperty(CANARY_PROPERTY) == null && !CANARY_FILE.toFile().exists();
    }
}

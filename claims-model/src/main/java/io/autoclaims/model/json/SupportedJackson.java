package io.autoclaims.model.json;

/**
 * Whether the jackson-core on the classpath is one the library reads and writes JSON with: 2.15.0
 * or newer in 2.x. Older releases lack the parser settings the codec pins (nesting depth, number and
 * string lengths, {@code StreamReadConstraints}), and without them a hostile line nests or spells a
 * number beyond any bound. The codec and the rulebook check it when they are made, so that a host
 * with an older Jackson learns it at start-up and not at its first claim.
 *
 * <p>{@link ClaimCodec#create()} and {@code Rulebook} loading call it; a host may call
 * {@link #require()} itself at start-up.
 */
public final class SupportedJackson {

    /** The oldest jackson-core release the library supports. */
    public static final String FLOOR = "2.15.0";

    private static final int FLOOR_MINOR = 15;

    /** The version found once: jackson-core cannot change under a running class loader. */
    private static final String FOUND = found0();

    private SupportedJackson() {
    }

    /**
     * The version of the jackson-core the library's class loader sees, such as {@code "2.14.3"};
     * {@code "none"} when there is none.
     *
     * @return the version text
     */
    public static String found() {
        return FOUND;
    }

    /**
     * Whether {@link #found()} is {@value #FLOOR} or a newer 2.x release.
     *
     * @return true when the library can use the jackson-core found
     */
    public static boolean isSupported() {
        try {
            com.fasterxml.jackson.core.Version v = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
            return v.getMajorVersion() == 2 && v.getMinorVersion() >= FLOOR_MINOR;
        } catch (LinkageError e) {
            return false; // no jackson-core, or one so old it has no PackageVersion
        }
    }

    /**
     * What is wrong, in English, naming the version found and the version needed.
     *
     * @return the problem, for a message or a workbook issue
     */
    public static String problem() {
        return "the classpath holds jackson-core " + FOUND + ", and autoclaims needs jackson-core " + FLOOR
                + " or a newer 2.x release";
    }

    /**
     * How to fix it, in English.
     *
     * @return the fix, for a message or a workbook issue
     */
    public static String fix() {
        return "put all com.fasterxml.jackson modules on one version of " + FLOOR + " or newer: import"
                + " com.fasterxml.jackson:jackson-bom of that version in dependencyManagement, or remove what pins"
                + " jackson-core to " + FOUND;
    }

    /**
     * What is wrong, in Chinese.
     *
     * @return the problem, for a message or a workbook issue
     */
    public static String problemZh() {
        return "类路径上的 jackson-core 版本为 " + FOUND + "，autoclaims 需要 jackson-core " + FLOOR + " 或更高的 2.x 版本";
    }

    /**
     * How to fix it, in Chinese.
     *
     * @return the fix, for a message or a workbook issue
     */
    public static String fixZh() {
        return "请把所有 com.fasterxml.jackson 模块统一到 " + FLOOR + " 或更高的同一版本：在 dependencyManagement 中导入该版本的"
                + " com.fasterxml.jackson:jackson-bom，或去掉把 jackson-core 固定为 " + FOUND + " 的声明";
    }

    /**
     * Throws unless {@link #isSupported()}.
     *
     * @throws IllegalStateException naming the versions and the fix, in English and in Chinese
     */
    public static void require() {
        if (!isSupported()) {
            throw new IllegalStateException(problem() + " (" + fix() + ")\n" + problemZh() + "（" + fixZh() + "）");
        }
    }

    private static String found0() {
        try {
            com.fasterxml.jackson.core.Version v = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
            return v.getMajorVersion() + "." + v.getMinorVersion() + "." + v.getPatchLevel();
        } catch (LinkageError e) {
            return "none";
        }
    }
}

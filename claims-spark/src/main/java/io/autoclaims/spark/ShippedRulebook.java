package io.autoclaims.spark;

import io.autoclaims.rules.Rulebook;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rulebook as it travels to the executors: the bytes of its workbooks (by file name, in order) and
 * the fingerprint the driver's copy has. A compiled rulebook cannot be serialized (Drools' knowledge
 * base is not), and does not need to be: each executor JVM compiles the bytes once
 * ({@link ExecutorRulebooks}) and checks that it arrives at the same fingerprint.
 */
public final class ShippedRulebook implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The rulebook's name (the About sheet's). */
    private final String name;
    /** The rulebook's version (the About sheet's). */
    private final String version;
    /** The fingerprint of the driver's rulebook, which the executors check. */
    private final String fingerprint;
    /** The bytes of each workbook by file name, in the rulebook's order. */
    private final LinkedHashMap<String, byte[]> workbooks;

    private ShippedRulebook(String name, String version, String fingerprint, Map<String, byte[]> workbooks) {
        this.name = name;
        this.version = version;
        this.fingerprint = fingerprint;
        this.workbooks = new LinkedHashMap<>(workbooks);
    }

    /**
     * The workbook bytes and identity of {@code rulebook}.
     *
     * @param rulebook the driver's rulebook
     * @return what to broadcast to the executors
     * @throws NullPointerException when {@code rulebook} is null
     */
    public static ShippedRulebook of(Rulebook rulebook) {
        Objects.requireNonNull(rulebook, "rulebook");
        return new ShippedRulebook(rulebook.name(), rulebook.version(), rulebook.fingerprint(), rulebook.workbooks());
    }

    /** The same bytes claiming another fingerprint: what a driver with another library version would ship (tests). */
    ShippedRulebook withFingerprint(String otherFingerprint) {
        return new ShippedRulebook(name, version, otherFingerprint, workbooks);
    }

    /**
     * The rulebook's name.
     *
     * @return the name from the About sheet
     */
    public String name() {
        return name;
    }

    /**
     * The rulebook's version.
     *
     * @return the version from the About sheet
     */
    public String version() {
        return version;
    }

    /**
     * The fingerprint of the driver's rulebook; every executor's compiled copy must have it.
     *
     * @return the SHA-256 of the workbooks' cell contents, hexadecimal
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The workbooks by file name (not copied: do not change the arrays). */
    Map<String, byte[]> workbooks() {
        return Collections.unmodifiableMap(workbooks);
    }

    /**
     * The size of what travels to each executor.
     *
     * @return bytes of all workbooks together
     */
    public long bytes() {
        return workbooks.values().stream().mapToLong(b -> b.length).sum();
    }

    @Override
    public String toString() {
        return name + " " + version + " (" + fingerprint + ")";
    }
}

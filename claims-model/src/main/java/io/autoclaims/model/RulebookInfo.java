package io.autoclaims.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which rulebook produced a verdict: its name, version cell and SHA-256 fingerprint, the date it is
 * in force from when its About sheet states one, and the as-of date the version was chosen for when
 * the verdict came from a rulebook history.
 *
 * @param name        the rulebook's name (its About sheet)
 * @param version     its version (a cell of the About sheet)
 * @param fingerprint the SHA-256 of its workbooks' cell contents, hexadecimal
 * @param inForceFrom the first day it is in force (its About sheet's {@code In force from} cell), or
 *                    null when it states none
 * @param asOf        the claim's as-of date the version was chosen for, or null when the verdict did
 *                    not come from a history
 */
public record RulebookInfo(String name, String version, String fingerprint, LocalDate inForceFrom, LocalDate asOf) {
    /**
     * A rulebook's identity.
     *
     * @param name        the rulebook's name (its About sheet)
     * @param version     its version (a cell of the About sheet)
     * @param fingerprint the SHA-256 of its workbooks' cell contents, hexadecimal
     * @param inForceFrom the first day it is in force, or null
     * @param asOf        the as-of date of a verdict from a history, or null
     * @throws NullPointerException when the name, version or fingerprint is null
     */
    public RulebookInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * An undated rulebook's identity, as verdicts carried it before rulebook histories.
     *
     * @param name        the rulebook's name (its About sheet)
     * @param version     its version (a cell of the About sheet)
     * @param fingerprint the SHA-256 of its workbooks' cell contents, hexadecimal
     * @throws NullPointerException when a component is null
     */
    public RulebookInfo(String name, String version, String fingerprint) {
        this(name, version, fingerprint, null, null);
    }

    /**
     * The same identity with an as-of date, as a verdict from a rulebook history carries it.
     *
     * @param date the claim's as-of date the version was chosen for, or null for none
     * @return a new info; this one is unchanged
     */
    public RulebookInfo withAsOf(LocalDate date) {
        return new RulebookInfo(name, version, fingerprint, inForceFrom, date);
    }
}

package io.autoclaims.model;

import java.util.Objects;

/**
 * Which rulebook produced a verdict: its name, version cell and SHA-256 fingerprint.
 *
 * @param name        the rulebook's name (its About sheet)
 * @param version     its version (a cell of the About sheet)
 * @param fingerprint the SHA-256 of its workbooks' cell contents, hexadecimal
 */
public record RulebookInfo(String name, String version, String fingerprint) {
    /**
     * A rulebook's identity.
     *
     * @param name        the rulebook's name (its About sheet)
     * @param version     its version (a cell of the About sheet)
     * @param fingerprint the SHA-256 of its workbooks' cell contents, hexadecimal
     * @throws NullPointerException when a component is null
     */
    public RulebookInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}

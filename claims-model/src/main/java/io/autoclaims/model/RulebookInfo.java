package io.autoclaims.model;

import java.util.Objects;

/** Which rulebook produced a verdict: its name, version cell and SHA-256 fingerprint. */
public record RulebookInfo(String name, String version, String fingerprint) {
    public RulebookInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}

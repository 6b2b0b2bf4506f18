package io.autoclaims.spring.boot.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The rulebook's health for Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
public final class Boot4HealthIndicator implements HealthIndicator {
    private final RulebookStatus status;

    /**
     * An indicator reporting that status.
     *
     * @param status what is reported
     */
    public Boot4HealthIndicator(RulebookStatus status) {
        this.status = status;
    }

    /** UP with {@link RulebookStatus#details()}: a rulebook is always live, a refused reload keeps the old one. */
    @Override
    public Health health() {
        return Health.up().withDetails(status.details()).build();
    }
}

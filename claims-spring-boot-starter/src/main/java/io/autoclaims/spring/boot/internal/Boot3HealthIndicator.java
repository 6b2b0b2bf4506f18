package io.autoclaims.spring.boot.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The rulebook's health for Spring Boot 3 Actuator ({@code org.springframework.boot.actuate.health}). */
public final class Boot3HealthIndicator implements HealthIndicator {
    private final RulebookStatus status;

    /**
     * An indicator reporting that status.
     *
     * @param status what is reported
     */
    public Boot3HealthIndicator(RulebookStatus status) {
        this.status = status;
    }

    /** UP with {@link RulebookStatus#details()}: a rulebook is always live, a refused reload keeps the old one. */
    @Override
    public Health health() {
        return Health.up().withDetails(status.details()).build();
    }
}

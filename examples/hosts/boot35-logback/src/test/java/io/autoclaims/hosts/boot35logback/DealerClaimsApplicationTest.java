package io.autoclaims.hosts.boot35logback;

import io.autoclaims.hosts.checks.LoggingBackend;
import io.autoclaims.hosts.checks.SpringBootHostTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;

/** The dealer application on Spring Boot 3.5 with Logback, Boot's default; the checks are {@link SpringBootHostTest}'s. */
class DealerClaimsApplicationTest extends SpringBootHostTest {
    @Autowired
    HealthEndpoint health;

    @Test
    void logsThroughLogback() {
        assertLogsThrough(LoggingBackend.LOGBACK);
    }

    /** Boot 3's health API (spring-boot-actuator). */
    @Override
    protected HealthReport autoclaimsHealth() {
        Health h = (Health) health.healthForPath("autoclaims");
        return new HealthReport(h.getStatus().getCode(), h.getDetails());
    }
}

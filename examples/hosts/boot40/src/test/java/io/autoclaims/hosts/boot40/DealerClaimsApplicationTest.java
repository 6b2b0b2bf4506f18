package io.autoclaims.hosts.boot40;

import io.autoclaims.hosts.checks.LoggingBackend;
import io.autoclaims.hosts.checks.SpringBootHostTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;

/** The dealer application on Spring Boot 4.0 with Logback, Boot's default; the checks are {@link SpringBootHostTest}'s. */
class DealerClaimsApplicationTest extends SpringBootHostTest {
    @Autowired
    HealthEndpoint health;

    @Test
    void logsThroughLogback() {
        assertLogsThrough(LoggingBackend.LOGBACK);
    }

    /** Boot 4's health API (spring-boot-health), which the starter's Boot 4 indicator implements. */
    @Override
    protected HealthReport autoclaimsHealth() {
        IndicatedHealthDescriptor h = (IndicatedHealthDescriptor) health.healthForPath("autoclaims");
        return new HealthReport(h.getStatus().getCode(), h.getDetails());
    }
}

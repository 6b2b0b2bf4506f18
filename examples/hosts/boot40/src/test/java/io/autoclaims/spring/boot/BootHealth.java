package io.autoclaims.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Spring Boot 4's health API ({@code spring-boot-health}), for the starter's tests of
 * {@code claims-spring-boot-starter/src/test-each-boot}, which this module compiles and runs on Boot 4;
 * the starter has a {@code BootHealth} of the same shape for Boot 3.
 */
final class BootHealth {
    /** What makes the health endpoint (Boot 4 has the registry in an auto-configuration of its own). */
    static final AutoConfigurations ENDPOINT = AutoConfigurations.of(HealthContributorAutoConfiguration.class,
            HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class);

    private BootHealth() {
    }

    /**
     * A contributor as the health endpoint finds it by name ({@code /actuator/health/NAME}).
     *
     * @param context the application
     * @param name the contributor's name
     * @return its status and details
     */
    static HealthReport ofEndpoint(ApplicationContext context, String name) {
        IndicatedHealthDescriptor h = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class).healthForPath(name);
        return new HealthReport(h.getStatus().getCode(), h.getDetails());
    }

    /**
     * The runner with a host's own indicator, reporting DOWN, under that bean name.
     *
     * @param runner the runner
     * @param name the bean name
     * @return the runner with the bean
     */
    static ApplicationContextRunner withDownIndicator(ApplicationContextRunner runner, String name) {
        HealthIndicator down = () -> Health.down().build();
        return runner.withBean(name, HealthIndicator.class, () -> down);
    }
}

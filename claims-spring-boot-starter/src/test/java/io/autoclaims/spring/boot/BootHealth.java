package io.autoclaims.spring.boot;

import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * Spring Boot 3's health API, for the tests of {@code src/test-each-boot}, which run on Boot 3.5 here and
 * on Boot 4.0 in {@code examples/hosts/boot40}; that module has a {@code BootHealth} of the same shape for
 * Boot 4, which moved this API to other packages.
 */
final class BootHealth {
    /** What makes the health endpoint. */
    static final AutoConfigurations ENDPOINT = AutoConfigurations.of(HealthContributorAutoConfiguration.class,
            HealthEndpointAutoConfiguration.class);

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
        Health h = (Health) context.getBean(HealthEndpoint.class).healthForPath(name);
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

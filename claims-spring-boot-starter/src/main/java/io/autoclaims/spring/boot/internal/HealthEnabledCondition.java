package io.autoclaims.spring.boot.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code management.health.autoclaims.enabled}, defaulting to {@code management.health.defaults.enabled}
 * (true), as Actuator reads it for its own indicators. The starter's own condition rather than
 * Actuator's {@code @ConditionalOnEnabledHealthIndicator}: Boot 4 moved that annotation to another
 * package, and Spring instantiates every condition of a class before evaluating the first, so a
 * condition of the other Boot version would fail where its class is missing.
 */
public final class HealthEnabledCondition implements Condition {
    /** Created by Spring for {@code @Conditional}. */
    public HealthEnabledCondition() {
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Boolean own = context.getEnvironment().getProperty("management.health.autoclaims.enabled", Boolean.class);
        if (own != null) {
            return own;
        }
        return context.getEnvironment().getProperty("management.health.defaults.enabled", Boolean.class, true);
    }
}

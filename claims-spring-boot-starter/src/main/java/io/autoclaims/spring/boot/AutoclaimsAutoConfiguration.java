package io.autoclaims.spring.boot;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookWatcher;
import io.autoclaims.spring.boot.internal.AdjudicationMeters;
import io.autoclaims.spring.boot.internal.Boot3HealthIndicator;
import io.autoclaims.spring.boot.internal.Boot4HealthIndicator;
import io.autoclaims.spring.boot.internal.HealthEnabledCondition;
import io.autoclaims.spring.boot.internal.MicrometerMeters;
import io.autoclaims.spring.boot.internal.RulebookStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of the autoclaims beans, for Spring Boot 3.5 and 4.0.
 * <ul>
 * <li>{@link Rulebook}: loaded from {@code autoclaims.rules} (a folder of workbooks, or one workbook),
 * or the shipped rulebook when it is not set. It is the rulebook loaded at start-up: after a swap the
 * live one is {@code adjudicator.rulebook()}. Loaded when the adjudicator is made, or when something
 * injects it.
 * <li>{@link Adjudicator}: {@code Adjudicator.of(rulebook)}, shared by the whole application
 * (thread-safe).
 * <li>{@link MeasuredAdjudicator}: the same adjudicator with Micrometer meters around its calls.
 * <li>{@link RulebookWatcher}, when {@code autoclaims.watch=true}: reloads the {@code autoclaims.rules}
 * folder through the checked swap whenever a workbook in it changes; a refused reload keeps the live
 * rulebook, is logged as a warning (English and Chinese) and shows in the health details. Closed with
 * the application context.
 * <li>The health contributor {@code autoclaims} (bean {@code autoclaimsHealthIndicator}), when Actuator
 * is present: Boot 3's or Boot 4's health API, whichever the application has; disabled by
 * {@code management.health.autoclaims.enabled=false} (or {@code management.health.defaults.enabled=false}).
 * </ul>
 * Each bean is created only when the application has none of its type (the health indicator: of its
 * name), so a host overrides any of them by declaring its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(AutoclaimsProperties.class)
public class AutoclaimsAutoConfiguration {
    /** Created by Spring from the auto-configuration imports. */
    public AutoclaimsAutoConfiguration() {
    }

    /** Lazy: a host that declares its own adjudicator loads no rulebook unless something injects this one. */
    @Bean
    @Lazy
    @ConditionalOnMissingBean
    Rulebook rulebook(AutoclaimsProperties properties) {
        return properties.rules() == null ? Rulebook.loadDefault() : Rulebook.load(properties.rules());
    }

    @Bean
    @ConditionalOnMissingBean
    Adjudicator adjudicator(Rulebook rulebook) {
        return Adjudicator.of(rulebook);
    }

    @Bean
    @ConditionalOnMissingBean
    RulebookStatus autoclaimsRulebookStatus(Adjudicator adjudicator, AutoclaimsProperties properties) {
        return new RulebookStatus(adjudicator, properties.rules(), properties.watch(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "autoclaims", name = "watch", havingValue = "true")
    RulebookWatcher rulebookWatcher(Adjudicator adjudicator, AutoclaimsProperties properties, RulebookStatus status) {
        Path rules = properties.rules();
        if (rules == null || !Files.isDirectory(rules)) {
            throw new IllegalStateException("autoclaims.watch=true needs autoclaims.rules to name a folder of workbooks, got "
                    + (rules == null ? "none (the shipped rulebook)" : rules)
                    + " / autoclaims.watch=true 需要 autoclaims.rules 指定工作簿所在的文件夹，实为 "
                    + (rules == null ? "未设置（内置规则集）" : rules));
        }
        return RulebookWatcher.watch(adjudicator, rules, properties.watchDebounce(), status);
    }

    /** The facade records into the application's meter registry, when it has one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metered {
        @Bean
        @ConditionalOnMissingBean
        MeasuredAdjudicator measuredAdjudicator(Adjudicator adjudicator, ObjectProvider<MeterRegistry> registry,
                RulebookStatus status) {
            MeterRegistry r = registry.getIfUnique();
            return new MeasuredAdjudicator(adjudicator, r == null ? AdjudicationMeters.NONE : new MicrometerMeters(r, status));
        }
    }

    /** Without Micrometer the facade passes calls on, so that code injecting it still runs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.micrometer.core.instrument.MeterRegistry")
    static class Unmetered {
        @Bean
        @ConditionalOnMissingBean
        MeasuredAdjudicator measuredAdjudicator(Adjudicator adjudicator) {
            return new MeasuredAdjudicator(adjudicator, AdjudicationMeters.NONE);
        }
    }

    /** Spring Boot 3 Actuator. Boot 4 moved the health API: see {@link Boot4Health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    @Conditional(HealthEnabledCondition.class)
    static class Boot3Health {
        @Bean
        @ConditionalOnMissingBean(name = "autoclaimsHealthIndicator")
        Boot3HealthIndicator autoclaimsHealthIndicator(RulebookStatus status) {
            return new Boot3HealthIndicator(status);
        }
    }

    /** Spring Boot 4 ({@code spring-boot-health}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @Conditional(HealthEnabledCondition.class)
    static class Boot4Health {
        @Bean
        @ConditionalOnMissingBean(name = "autoclaimsHealthIndicator")
        Boot4HealthIndicator autoclaimsHealthIndicator(RulebookStatus status) {
            return new Boot4HealthIndicator(status);
        }
    }
}

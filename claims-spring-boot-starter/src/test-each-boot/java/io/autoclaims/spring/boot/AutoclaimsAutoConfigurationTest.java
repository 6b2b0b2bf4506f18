package io.autoclaims.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoclaims.model.ClaimType;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookWatcher;
import io.autoclaims.spring.boot.internal.RulebookStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The beans the starter makes, the ones a host's own beans replace, the properties, and the health
 * contributor, on Spring Boot's test support: run on Boot 3.5 by this module and on Boot 4.0 by
 * {@code examples/hosts/boot40} ({@link BootHealth} is each Boot's health API). Runs that need no
 * particular rulebook get the shipped one as a host bean, so that it is loaded once.
 */
class AutoclaimsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AutoclaimsAutoConfiguration.class));

    private ApplicationContextRunner shipped() {
        return runner.withBean(Rulebook.class, () -> Workbooks.SHIPPED);
    }

    @Test
    void withoutPropertiesTheShippedRulebookIsLoadedAndShared() {
        runner.run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(Rulebook.class).hasSingleBean(Adjudicator.class)
                    .hasSingleBean(MeasuredAdjudicator.class).hasSingleBean(RulebookStatus.class)
                    .doesNotHaveBean(RulebookWatcher.class);
            Rulebook rulebook = context.getBean(Rulebook.class);
            assertThat(rulebook.fingerprint()).isEqualTo(Workbooks.SHIPPED.fingerprint());
            assertThat(context.getBean(Adjudicator.class).rulebook()).isSameAs(rulebook);
            assertThat(context.getBean(MeasuredAdjudicator.class).adjudicator()).isSameAs(context.getBean(Adjudicator.class));
            assertThat(context.getBean(AutoclaimsProperties.class))
                    .isEqualTo(new AutoclaimsProperties(null, false, Duration.ofSeconds(2)));
        });
    }

    @Test
    void aHostRulebookIsUsedInsteadOfLoadingOne() {
        Rulebook own = Workbooks.warrantyOnly();
        runner.withBean(Rulebook.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(Rulebook.class);
            assertThat(context.getBean(Rulebook.class)).isSameAs(own);
            assertThat(context.getBean(Adjudicator.class).rulebook()).isSameAs(own);
        });
    }

    @Test
    void aHostAdjudicatorAndFacadeAreKept() {
        Adjudicator own = Adjudicator.of(Workbooks.SHIPPED);
        runner.withBean(Adjudicator.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(Adjudicator.class);
            assertThat(context.getBean(Adjudicator.class)).isSameAs(own);
            // no rulebook loaded for nothing: the starter's is made only if something injects it
            assertThat(context.getBeanFactory().containsSingleton("rulebook")).isFalse();
            // the facade and the health report measure the host's adjudicator
            assertThat(context.getBean(MeasuredAdjudicator.class).adjudicator()).isSameAs(own);
        });
        MeasuredAdjudicator ownFacade = new MeasuredAdjudicator(own, io.autoclaims.spring.boot.internal.AdjudicationMeters.NONE);
        shipped().withBean(MeasuredAdjudicator.class, () -> ownFacade).run(context ->
                assertThat(context.getBean(MeasuredAdjudicator.class)).isSameAs(ownFacade));
    }

    @Test
    void rulesAndDebounceAreBoundFromProperties(@TempDir Path tmp) throws IOException {
        Path dir = Workbooks.warrantyFolder(tmp.resolve("rules"));
        runner.withPropertyValues("autoclaims.rules=" + dir, "autoclaims.watch-debounce=750ms").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(RulebookWatcher.class);
            assertThat(context.getBean(AutoclaimsProperties.class))
                    .isEqualTo(new AutoclaimsProperties(dir, false, Duration.ofMillis(750)));
            Rulebook rulebook = context.getBean(Rulebook.class);
            assertThat(rulebook.workbooks()).containsOnlyKeys("warranty.xlsx");
            assertThat(rulebook.workbooks().get("warranty.xlsx")).isEqualTo(Workbooks.warranty());
            assertThat(rulebook.supports(ClaimType.WARRANTY)).isTrue();
            assertThat(rulebook.supports(ClaimType.INSURANCE)).isFalse();
        });
    }

    @Test
    void aRulesFolderThatDoesNotLoadStopsTheStart(@TempDir Path tmp) {
        runner.withPropertyValues("autoclaims.rules=" + tmp.resolve("missing")).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("missing"));
    }

    @Test
    void watchingNeedsAFolder() {
        shipped().withPropertyValues("autoclaims.watch=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("autoclaims.watch=true needs autoclaims.rules to name a folder of workbooks")
                    .hasMessageContaining("需要 autoclaims.rules 指定工作簿所在的文件夹");
        });
    }

    @Test
    void theHealthContributorIsUpWithTheLiveRulebook() {
        shipped().withConfiguration(BootHealth.ENDPOINT)
                .withPropertyValues("management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always")
                .run(context -> {
                    assertThat(context).hasBean("autoclaimsHealthIndicator");
                    // found under its name by the health endpoint, as /actuator/health/autoclaims
                    HealthReport health = BootHealth.ofEndpoint(context, "autoclaims");
                    assertThat(health.status()).isEqualTo("UP");
                    assertThat(health.details()).containsEntry("name", Workbooks.SHIPPED.name())
                            .containsEntry("version", Workbooks.SHIPPED.version())
                            .containsEntry("fingerprint", Workbooks.SHIPPED.fingerprint())
                            .containsEntry("rules", "shipped default")
                            .containsEntry("watch", false)
                            .containsKey("startedAt")
                            .doesNotContainKey("lastReload");
                });
    }

    @Test
    void theHealthContributorCanBeDisabledOrReplaced() {
        shipped().withPropertyValues("management.health.autoclaims.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("autoclaimsHealthIndicator"));
        shipped().withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("autoclaimsHealthIndicator"));
        shipped().withPropertyValues("management.health.defaults.enabled=false", "management.health.autoclaims.enabled=true")
                .run(context -> assertThat(context).hasBean("autoclaimsHealthIndicator"));
        // the endpoint reports the host's own indicator under the name instead
        BootHealth.withDownIndicator(shipped().withConfiguration(BootHealth.ENDPOINT), "autoclaimsHealthIndicator")
                .run(context -> assertThat(BootHealth.ofEndpoint(context, "autoclaims").status()).isEqualTo("DOWN"));
    }

    @Test
    void withoutActuatorOrMicrometerTheBeansAreStillThere() {
        shipped().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.",
                        "org.springframework.boot.health.", "io.micrometer."))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Adjudicator.class)
                            .hasSingleBean(MeasuredAdjudicator.class).doesNotHaveBean("autoclaimsHealthIndicator");
                    MeasuredAdjudicator facade = context.getBean(MeasuredAdjudicator.class);
                    assertThat(facade.rulebook()).isSameAs(Workbooks.SHIPPED);
                });
    }
}

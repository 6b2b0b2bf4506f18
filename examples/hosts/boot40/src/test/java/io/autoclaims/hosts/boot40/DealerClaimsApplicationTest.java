package io.autoclaims.hosts.boot40;

import static org.assertj.core.api.Assertions.assertThat;

import io.autoclaims.hosts.checks.HostChecks;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.spring.boot.MeasuredAdjudicator;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real Spring Boot 4 application, started once for the class: Logback is the backend of both logging APIs the
 * library uses, the auto-configured adjudicator writes the command line's bytes on every sample
 * backlog, also when 8 threads share it, and the health contributor and the meters report it.
 */
@SpringBootTest(args = {"--backlog=../../claims/mixed.jsonl", "--verdicts=target/started-with-mixed.jsonl"},
        properties = "management.endpoint.health.show-details=always")
class DealerClaimsApplicationTest {
    @Autowired
    Adjudicator adjudicator;
    @Autowired
    MeasuredAdjudicator measured;
    @Autowired
    HealthEndpoint health;
    @Autowired
    MeterRegistry meters;

    @Test
    void logsThroughLogback() {
        assertThat(LoggingSystem.get(getClass().getClassLoader()).getClass().getName())
                .isEqualTo("org.springframework.boot.logging.logback.LogbackLoggingSystem");
        // Drools logs through SLF4J, POI through the Log4j API: both end in Logback
        assertThat(org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName()).isEqualTo("ch.qos.logback.classic.LoggerContext");
        assertThat(org.apache.logging.log4j.LogManager.getContext(false).getClass().getName())
                .isEqualTo("org.apache.logging.slf4j.SLF4JLoggerContext");
        System.out.println("boot40 runs on " + HostChecks.jarsOf(
                com.fasterxml.jackson.core.JsonFactory.class, org.slf4j.Logger.class, org.apache.logging.log4j.LogManager.class,
                ch.qos.logback.classic.Logger.class, SpringBootTest.class));
    }

    @Test
    void theApplicationAdjudicatedItsStartBacklogAsTheCommandLineDoes() throws Exception {
        assertThat(Files.readAllBytes(Path.of("target/started-with-mixed.jsonl"))).isEqualTo(HostChecks.commandLineOutput("mixed"));
    }

    @Test
    void theAdjudicatorWritesTheCommandLinesBytes() {
        assertThat(HostChecks.assertSameAsCommandLine(adjudicator::adjudicateJsonLines)).isEqualTo(122);
    }

    @Test
    void oneAdjudicatorSharedBy8ThreadsGivesTheCommandLinesBytes() {
        assertThat(HostChecks.assertSharedBy(8, 3, adjudicator::adjudicateJsonLines)).isEqualTo(8 * 3 * 122);
    }

    @Test
    void theMeasuredAdjudicatorCountsWhatItWrote() {
        Map<String, Long> expected = HostChecks.commandLineTally();
        Map<String, Double> before = tally();
        HostChecks.assertSameAsCommandLine(measured::adjudicateJsonLines);
        Map<String, Double> after = tally();
        Map<String, Long> counted = new TreeMap<>();
        after.forEach((k, v) -> {
            long n = Math.round(v - before.getOrDefault(k, 0.0));
            if (n > 0) {
                counted.put(k, n);
            }
        });
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void theHealthContributorReportsTheLiveRulebook() {
        // Boot 4's health API (spring-boot-health), which the starter's Boot 4 indicator implements
        IndicatedHealthDescriptor h = (IndicatedHealthDescriptor) health.healthForPath("autoclaims");
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("fingerprint", adjudicator.rulebook().fingerprint())
                .containsEntry("name", adjudicator.rulebook().name()).containsEntry("rules", "shipped default");
    }

    private Map<String, Double> tally() {
        Map<String, Double> t = new TreeMap<>();
        meters.find("autoclaims.verdicts").counters().forEach(c ->
                t.put(c.getId().getTag("type") + " " + c.getId().getTag("decision"), c.count()));
        meters.find("autoclaims.errors").counters().forEach(c -> t.put("error " + c.getId().getTag("code"), c.count()));
        return t;
    }
}

package io.autoclaims.hosts.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.autoclaims.hosts.dealer.DealerClaimsApplication;
import io.autoclaims.rules.Adjudicator;
import io.autoclaims.spring.boot.MeasuredAdjudicator;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every Spring Boot host of the matrix checks, run by the host's test class (a subclass) on the
 * host's own classpath: {@link DealerClaimsApplication}, started once for the class (adjudicating
 * {@code mixed.jsonl} at start), writes the command line's bytes on every sample backlog through the
 * auto-configured adjudicator, also when 8 threads share it, and the meters and the health contributor
 * report it. A host adds what is its own: the logging backend it claims
 * ({@link #assertLogsThrough(LoggingBackend)}) and the health API of its Boot version ({@link #autoclaimsHealth()}).
 *
 * <p>Compiled against the oldest Boot of the matrix with only JUnit's assertions, so that it runs on
 * every host without adding a library to any.
 */
@SpringBootTest(classes = DealerClaimsApplication.class,
        args = {"--backlog=../../claims/mixed.jsonl", "--verdicts=target/started-with-mixed.jsonl"},
        properties = "management.endpoint.health.show-details=always")
public abstract class SpringBootHostTest {
    /** The lines of the four sample backlogs together. */
    private static final long SAMPLE_LINES = 122;

    /**
     * A health contributor's report, as the host's Boot version gives it.
     *
     * @param status the status code ({@code UP}, {@code DOWN}, ...)
     * @param details the details
     */
    public record HealthReport(String status, Map<String, Object> details) {
    }

    @Autowired
    private Adjudicator adjudicator;
    @Autowired
    private MeasuredAdjudicator measured;
    @Autowired
    private MeterRegistry meters;

    /** For the host's test class. */
    protected SpringBootHostTest() {
    }

    /**
     * The {@code autoclaims} contributor as the host's health endpoint finds it by name: Boot 3 and Boot 4
     * have that API in other packages.
     *
     * @return its report
     */
    protected abstract HealthReport autoclaimsHealth();

    /**
     * Checks that Spring Boot, SLF4J and the Log4j API all end in the backend the host claims, and that no
     * other backend or bridge is on its classpath; prints the jars the host ended up with.
     *
     * @param backend the host's logging backend
     */
    protected final void assertLogsThrough(LoggingBackend backend) {
        ClassLoader loader = getClass().getClassLoader();
        Class<?> slf4j = org.slf4j.LoggerFactory.getILoggerFactory().getClass();
        Class<?> log4j = org.apache.logging.log4j.LogManager.getContext(false).getClass();
        assertEquals(backend.loggingSystem, LoggingSystem.get(loader).getClass().getName(), "Spring Boot's logging system");
        assertEquals(backend.slf4jFactory, slf4j.getName(), "where SLF4J (Drools) logs");
        assertEquals(backend.log4jContext, log4j.getName(), "where the Log4j API (POI) logs");
        for (String c : backend.absent) {
            assertNull(loader.getResource(c.replace('.', '/') + ".class"), c + " is on the host's classpath");
        }
        System.out.println(Path.of("").toAbsolutePath().getFileName() + " runs on " + HostChecks.jarsOf(
                com.fasterxml.jackson.core.JsonFactory.class, org.slf4j.Logger.class, org.apache.logging.log4j.LogManager.class,
                slf4j, log4j, SpringBootTest.class));
    }

    @Test
    void theApplicationAdjudicatedItsStartBacklogAsTheCommandLineDoes() throws IOException {
        assertArrayEquals(HostChecks.commandLineOutput("mixed"), Files.readAllBytes(Path.of("target/started-with-mixed.jsonl")));
    }

    @Test
    void theAdjudicatorWritesTheCommandLinesBytes() {
        assertEquals(SAMPLE_LINES, HostChecks.assertSameAsCommandLine(adjudicator::adjudicateJsonLines));
    }

    @Test
    void oneAdjudicatorSharedBy8ThreadsGivesTheCommandLinesBytes() {
        assertEquals(8 * 3 * SAMPLE_LINES, HostChecks.assertSharedBy(8, 3, adjudicator::adjudicateJsonLines));
    }

    @Test
    void theMeasuredAdjudicatorCountsWhatItWrote() {
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
        assertEquals(HostChecks.commandLineTally(), counted);
    }

    @Test
    void theHealthContributorReportsTheLiveRulebook() {
        HealthReport h = autoclaimsHealth();
        assertEquals("UP", h.status());
        assertEquals(adjudicator.rulebook().fingerprint(), h.details().get("fingerprint"));
        assertEquals(adjudicator.rulebook().name(), h.details().get("name"));
        assertEquals(adjudicator.rulebook().version(), h.details().get("version"));
        assertEquals("shipped default", h.details().get("rules"));
    }

    /** The verdict counters by {@code "TYPE DECISION"}, the error counters by {@code "error CODE"}. */
    private Map<String, Double> tally() {
        Map<String, Double> t = new TreeMap<>();
        meters.find("autoclaims.verdicts").counters().forEach(c ->
                t.put(c.getId().getTag("type") + " " + c.getId().getTag("decision"), c.count()));
        meters.find("autoclaims.errors").counters().forEach(c -> t.put("error " + c.getId().getTag("code"), c.count()));
        return t;
    }
}

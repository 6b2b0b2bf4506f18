package io.autoclaims.hosts.checks;

import java.util.List;

/**
 * A logging backend a host claims, by what it looks like from inside: Spring Boot's logging system, and
 * where the two logging APIs of the library's dependencies end (Drools logs through SLF4J, POI through
 * the Log4j API).
 *
 * @see SpringBootHostTest#assertLogsThrough(LoggingBackend)
 */
public enum LoggingBackend {
    /** Logback, Spring Boot's default: the Log4j API reaches it through log4j-to-slf4j. */
    LOGBACK("org.springframework.boot.logging.logback.LogbackLoggingSystem", "ch.qos.logback.classic.LoggerContext",
            "org.apache.logging.slf4j.SLF4JLoggerContext", List.of()),
    /**
     * Log4j2 ({@code spring-boot-starter-log4j2}): SLF4J reaches it through log4j-slf4j2-impl, and neither
     * Logback nor log4j-to-slf4j may be there (issue #15: with log4j-to-slf4j beside it such a host died
     * in {@code SpringApplication.<clinit>}).
     */
    LOG4J2("org.springframework.boot.logging.log4j2.Log4J2LoggingSystem", "org.apache.logging.slf4j.Log4jLoggerFactory",
            "org.apache.logging.log4j.core.LoggerContext",
            List.of("ch.qos.logback.classic.LoggerContext", "org.apache.logging.slf4j.SLF4JLoggerContext"));

    final String loggingSystem;
    final String slf4jFactory;
    final String log4jContext;
    final List<String> absent;

    LoggingBackend(String loggingSystem, String slf4jFactory, String log4jContext, List<String> absent) {
        this.loggingSystem = loggingSystem;
        this.slf4jFactory = slf4jFactory;
        this.log4jContext = log4jContext;
        this.absent = absent;
    }
}

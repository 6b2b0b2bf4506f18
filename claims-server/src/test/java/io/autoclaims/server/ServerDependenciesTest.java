package io.autoclaims.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a host embedding {@link ClaimsServer} gets. The build lists the module's runtime jars
 * ({@code maven-dependency-plugin:list}, bound to {@code generate-test-resources}) into
 * {@code target/runtime-dependencies.txt}; optional ones (the logging backend of
 * {@code claims-server.jar}) stay off a host's classpath and are left out here.
 */
class ServerDependenciesTest {
    private static final Path LIST = Path.of("target", "runtime-dependencies.txt");

    /** "   group:artifact:jar:version:scope[ (optional)][ -- module name]" */
    private static final Pattern ENTRY = Pattern.compile("\\s+([^:\\s]+):([^:\\s]+):[^:]+:[^:]+:([a-z]+)( \\(optional\\))?(?: -- .*)?");

    private static final List<String[]> DENIED = List.of(
            new String[] {"org\\.apache\\.logging\\.log4j:(?!log4j-api$).*", "a Log4j implementation or bridge"},
            new String[] {"org\\.slf4j:(?!slf4j-api$).*", "an SLF4J backend or bridge"},
            new String[] {"ch\\.qos\\.logback:.*|commons-logging:.*|org\\.jboss\\.logmanager:.*", "a logging backend"},
            new String[] {"junit:.*|org\\.junit(\\..*)?:.*|org\\.opentest4j:.*|net\\.jqwik:.*|com\\.networknt:.*",
                    "a test library"},
            new String[] {"info\\.picocli:.*|org\\.jline:.*", "a console library (claims-cli's)"},
            new String[] {"org\\.eclipse\\.jetty\\.ee10:jetty-ee10-annotations|org\\.eclipse\\.jetty\\.ee10:jetty-ee10-plus"
                    + "|org\\.eclipse\\.jetty\\.ee10:jetty-ee10-webapp|jakarta\\.enterprise:.*|org\\.ow2\\.asm:.*"
                    + "|org\\.eclipse\\.jetty:jetty-jndi|org\\.eclipse\\.jetty:jetty-xml",
                    "servlet annotation scanning and what it drags in: routes are registered in code"},
            new String[] {"org\\.jetbrains:annotations", "Kotlin's compile-time annotations"});

    /** Today's count, as a ratchet: a new runtime jar has to be argued for here (72 before the exclusions). */
    private static final int MAX_HOST_JARS = 55;

    private static final Set<String> hostVisible = new LinkedHashSet<>();

    @BeforeAll
    static void readList() throws IOException {
        assertTrue(Files.isRegularFile(LIST), LIST.toAbsolutePath()
                + " is missing: the module's build writes it (maven-dependency-plugin list, generate-test-resources)");
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches() && m.group(4) == null) {
                hostVisible.add(m.group(1) + ":" + m.group(2));
            }
        }
    }

    @Test
    void aHostGetsNoLoggingBackendTestOrConsoleLibraryNorAnnotationScanning() {
        List<String> offences = new ArrayList<>();
        for (String ga : hostVisible) {
            for (String[] rule : DENIED) {
                if (Pattern.matches(rule[0], ga)) {
                    offences.add(ga + ": " + rule[1]);
                }
            }
        }
        assertEquals(List.of(), offences, "claims-server brings what a host must not get");
        assertTrue(hostVisible.containsAll(List.of("io.autoclaims:claims-rules", "io.autoclaims:claims-batch",
                "io.javalin:javalin", "org.eclipse.jetty:jetty-server", "org.slf4j:slf4j-api")), hostVisible.toString());
    }

    @Test
    void theNumberOfJarsAHostGetsDoesNotGrow() {
        assertTrue(hostVisible.size() <= MAX_HOST_JARS,
                hostVisible.size() + " runtime jars (at most " + MAX_HOST_JARS + "): " + hostVisible);
    }

    @Test
    void theServerTestsRunWithoutTheExcludedJars() {
        // the other tests of this module start servers: they prove Javalin works without these jars only
        // while the test class path lacks them too
        String classPath = System.getProperty("java.class.path");
        assertTrue(!classPath.contains("jetty-ee10-annotations") && !classPath.contains("jakarta.enterprise"), classPath);
    }
}

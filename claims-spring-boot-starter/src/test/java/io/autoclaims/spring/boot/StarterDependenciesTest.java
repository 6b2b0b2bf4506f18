package io.autoclaims.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the starter brings to a host, read from the runtime dependency tree the build writes
 * ({@code target/runtime-dependencies.txt}): no logging backend or bridge (the host's Boot chooses
 * Logback or Log4j2; a bridge kills a Log4j2 host), not {@code spring-boot-starter} (it brings
 * Logback), no test library; Actuator, Boot 4's health API and Micrometer only as optional.
 */
class StarterDependenciesTest {
    private static final Path TREE = Path.of("target", "runtime-dependencies.txt");

    private static final Pattern DENIED = Pattern.compile(String.join("|",
            "org\\.apache\\.logging\\.log4j:(?!log4j-api$).*",
            "org\\.slf4j:(?!slf4j-api$).*",
            "ch\\.qos\\.logback:.*",
            "org\\.springframework\\.boot:spring-boot-starter.*",
            "junit:.*|org\\.junit(\\..*)?:.*|org\\.opentest4j:.*|org\\.assertj:.*|org\\.mockito:.*|net\\.jqwik:.*",
            "org\\.springframework\\.boot:spring-boot-test.*"));

    @Test
    void aHostGetsNoLoggingBackendBridgeStarterOrTestLibraryAndTheRestOnlyAsOptional() throws IOException {
        List<String> lines = Files.readAllLines(TREE, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("io.autoclaims:claims-spring-boot-starter:");
        Set<String> hostVisible = new LinkedHashSet<>();
        Set<String> optional = new LinkedHashSet<>();
        int skipBelow = -1;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            int start = 0;
            while (start < line.length() && !Character.isLetterOrDigit(line.charAt(start))) {
                start++;
            }
            int depth = start / 3;
            String[] coords = line.substring(start).split(":");
            String ga = coords[0] + ":" + coords[1];
            if (skipBelow >= 0 && depth > skipBelow) {
                continue; // under an optional dependency: not the host's
            }
            skipBelow = -1;
            if (line.contains("(optional)")) {
                optional.add(ga);
                skipBelow = depth;
                continue;
            }
            hostVisible.add(ga);
        }
        assertThat(hostVisible).contains("io.autoclaims:claims-rules", "org.springframework.boot:spring-boot-autoconfigure")
                .noneMatch(ga -> DENIED.matcher(ga).matches());
        assertThat(optional).containsExactlyInAnyOrder("io.micrometer:micrometer-core",
                "org.springframework.boot:spring-boot-actuator", "org.springframework.boot:spring-boot-health");
    }
}

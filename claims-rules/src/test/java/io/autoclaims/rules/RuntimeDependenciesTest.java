package io.autoclaims.rules;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code claims-rules} brings to a host. The build writes its runtime dependency tree
 * ({@code maven-dependency-plugin:tree -Dscope=runtime}, bound to {@code generate-test-resources} in
 * this module's pom) to {@code target/runtime-dependencies.txt}; this test reads it. A host gets every
 * node except the subtrees of optional dependencies, and the module has none.
 *
 * <p>Denied: logging backends and bridges (a host routes slf4j-api and log4j-api itself: a bridge
 * here kills a Log4j2 Spring Boot host), test libraries, console libraries, and jars the library's
 * path never uses.
 */
class RuntimeDependenciesTest {

    private static final Path TREE = Path.of("target", "runtime-dependencies.txt");

    /** groupId:artifactId patterns no host may receive from the library, with the reason. */
    private static final List<String[]> DENIED = List.of(
            new String[] {"org\\.apache\\.logging\\.log4j:(?!log4j-api$).*", "a Log4j implementation or bridge"},
            new String[] {"org\\.slf4j:(?!slf4j-api$).*", "an SLF4J backend or bridge"},
            new String[] {"ch\\.qos\\.logback:.*", "a logging backend"},
            new String[] {"org\\.jboss\\.logmanager:.*|org\\.jboss\\.slf4j:.*|commons-logging:commons-logging", "a logging backend or bridge"},
            new String[] {"junit:.*|org\\.junit(\\..*)?:.*|org\\.opentest4j:.*", "a test library (JUnit)"},
            new String[] {"net\\.jqwik:.*|org\\.hamcrest:.*|org\\.assertj:.*|org\\.mockito:.*|net\\.bytebuddy:.*"
                    + "|org\\.testcontainers:.*|org\\.openjdk\\.jmh:.*", "a test library"},
            new String[] {"me\\.tongfei:.*|org\\.jline:.*|jline:.*|org\\.fusesource\\.jansi:.*|info\\.picocli:.*",
                    "a console library (it belongs to claims-cli)"},
            new String[] {"com\\.google\\.guava:.*|com\\.google\\.errorprone:.*|com\\.google\\.j2objc:.*"
                    + "|org\\.jspecify:.*|org\\.checkerframework:.*|com\\.google\\.code\\.findbugs:.*",
                    "Guava or its companions: never used by the library"},
            new String[] {"com\\.thoughtworks\\.xstream:.*|io\\.github\\.x-stream:.*|xmlpull:.*",
                    "XStream: Drools' kjar/XML path, never used by the library"},
            new String[] {"org\\.drools:drools-xml-support|org\\.kie:kie-util-maven-support|org\\.kie:kie-ci"
                    + "|org\\.apache\\.maven.*:.*|org\\.eclipse\\.aether:.*",
                    "Drools' kmodule.xml / Maven support: the library builds with KnowledgeBuilder"},
            new String[] {"org\\.apache\\.commons:commons-math3|com\\.github\\.virtuald:curvesapi",
                    "POI's formula functions / Visio geometry: never used by the library"},
            new String[] {"org\\.kie:kie-util-xml", "XStream converters: XStream is not there, the library never reads XML with it"},
            new String[] {"org\\.drools:drools-tms",
                    "truth maintenance: the generated rules never insertLogical and the knowledge base keeps identity"},
            new String[] {"com\\.fasterxml\\.jackson\\.core:jackson-databind|com\\.fasterxml\\.jackson\\.core:jackson-annotations"
                    + "|com\\.fasterxml\\.jackson\\.datatype:.*|com\\.fasterxml\\.jackson\\.module:.*",
                    "Jackson beyond jackson-core: the codec uses the streaming parser and generator only"},
            new String[] {"org\\.eclipse\\.jdt:ecj|org\\.drools:drools-ecj",
                    "ECJ compiles Java consequences: the generated rules have none (FireRow)"});

    /**
     * None: a host gets exactly what the library's code needs. An optional dependency would be a
     * class the library compiles against that a host may lack (JUnit's {@code DynamicTest} was one,
     * until the scenarios' JUnit factory moved to {@code claims-testkit}).
     */
    private static final Set<String> OPTIONAL_ALLOWED = Set.of();

    /**
     * Today's count, as a ratchet: a new runtime jar has to be argued for here. It was 41 before
     * jackson-databind, jackson-annotations, jackson-datatype-jsr310, drools-tms and kie-util-xml went,
     * 36 before drools-ecj and ecj (the rules have no Java code to compile).
     */
    private static final int MAX_HOST_DEPENDENCIES = 34;

    /**
     * The most bytes those jars may weigh together (30 MB, decimal: the goal of issue #15); 28.4 MB
     * when this was written, 25.1 MB without ECJ. claims-model counts as its classes folder where the build has not
     * packaged it yet, which is more than its jar would be.
     */
    private static final long MAX_HOST_BYTES = 30_000_000;

    /** The same runtime scope as {@link #TREE}, listed with each artifact's file. */
    private static final Path FILES = Path.of("target", "runtime-dependency-files.txt");

    private static final Set<String> hostVisible = new LinkedHashSet<>();
    private static final Set<String> optionalRoots = new LinkedHashSet<>();

    @BeforeAll
    static void readTree() throws IOException {
        assertTrue(Files.isRegularFile(TREE), TREE.toAbsolutePath()
                + " is missing: the module's build writes it (maven-dependency-plugin tree, generate-test-resources)");
        List<String> lines = Files.readAllLines(TREE, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("io.autoclaims:claims-rules:"), "not claims-rules' tree: " + lines.get(0));
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
                continue; // below an optional dependency: not the host's
            }
            skipBelow = -1;
            if (line.contains("(optional)")) {
                optionalRoots.add(ga);
                skipBelow = depth;
                continue;
            }
            hostVisible.add(ga);
        }
    }

    @Test
    void hostsGetNoLoggingImplementationTestOrConsoleLibraryNorAnyDeniedJar() {
        List<String> offences = new ArrayList<>();
        for (String ga : hostVisible) {
            for (String[] rule : DENIED) {
                if (Pattern.matches(rule[0], ga)) {
                    offences.add(ga + ": " + rule[1]);
                }
            }
        }
        assertEquals(List.of(), offences, "claims-rules brings what a host must not get");
    }

    @Test
    void theLoggingApisAreThereAndNothingElseOfLogging() {
        assertTrue(hostVisible.contains("org.slf4j:slf4j-api"), "Drools logs through slf4j-api");
        assertTrue(hostVisible.contains("org.apache.logging.log4j:log4j-api"), "POI logs through log4j-api");
        assertTrue(hostVisible.contains("org.drools:drools-compiler"), "the tree holds Drools: " + hostVisible);
    }

    @Test
    void thereIsNoOptionalDependency() {
        assertEquals(OPTIONAL_ALLOWED, optionalRoots);
    }

    @Test
    void theJarsAHostGetsWeighAtMostThirtyMegabytes() throws IOException {
        assertTrue(Files.isRegularFile(FILES), FILES.toAbsolutePath()
                + " is missing: the module's build writes it (maven-dependency-plugin list, generate-test-resources)");
        // "   group:artifact:jar:version:scope:/path/to/file.jar -- module name"
        Pattern entry = Pattern.compile("\\s+([^:\\s]+):([^:\\s]+):[^:]+:(?:[^:]+:)?[^:]+:[a-z]+:(/.+?)(?: \\(optional\\))?(?: -- .*)?");
        java.util.Map<String, Path> files = new java.util.HashMap<>();
        for (String line : Files.readAllLines(FILES, StandardCharsets.UTF_8)) {
            java.util.regex.Matcher m = entry.matcher(line);
            if (m.matches()) {
                files.put(m.group(1) + ":" + m.group(2), Path.of(m.group(3)));
            }
        }
        long total = 0;
        List<String> missing = new ArrayList<>();
        for (String ga : hostVisible) {
            Path file = files.get(ga);
            if (file == null || !Files.exists(file)) {
                missing.add(ga + " -> " + file);
            } else {
                total += size(file);
            }
        }
        assertEquals(List.of(), missing, "every jar of the tree has its file in " + FILES);
        assertTrue(total <= MAX_HOST_BYTES, String.format("the %d runtime jars weigh %,d bytes (at most %,d)",
                hostVisible.size(), total, MAX_HOST_BYTES));
    }

    /** A jar's size, or the bytes of every file under a classes folder (a module not packaged yet). */
    private static long size(Path file) throws IOException {
        if (!Files.isDirectory(file)) {
            return Files.size(file);
        }
        try (java.util.stream.Stream<Path> all = Files.walk(file)) {
            long bytes = 0;
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(p);
            }
            return bytes;
        }
    }

    @Test
    void theGeneratedRulesNeedNoTruthMaintenance() {
        // drools-tms is excluded: Drools needs it only for logical insertions (and equality-based
        // identity, which the library's knowledge base never asks for)
        String drl = Rulebook.loadDefault().toDrl();
        assertTrue(drl.contains("\nrule "), "the rules were generated");
        assertTrue(!drl.contains("insertLogical"), "the shipped rules insert logically: drools-tms is needed again");
    }

    @Test
    void theNumberOfJarsAHostGetsDoesNotGrow() {
        assertTrue(hostVisible.size() <= MAX_HOST_DEPENDENCIES,
                hostVisible.size() + " runtime dependencies (at most " + MAX_HOST_DEPENDENCIES + "): " + hostVisible);
    }
}

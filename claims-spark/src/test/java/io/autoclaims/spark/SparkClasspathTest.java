package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Dependency hygiene: these tests (and every other test of this module) run on the classpath a Spark
 * 4.2.0 job has, with Spark's own versions of the libraries it shares with this library (as
 * {@code mvn dependency:tree} of spark-sql_2.13 4.2.0 alone resolves them); the library compiles its
 * rulebook and adjudicates on it (the other tests). The other modules keep the root pom's versions
 * (Jackson 2.23.0, ANTLR 4.13.2): their tests are the plain-application side.
 */
class SparkClasspathTest {

    private static List<String> jars() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> names = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            names.add(new File(e).getName());
        }
        return names;
    }

    private static long count(String prefix) {
        return jars().stream().filter(n -> n.startsWith(prefix) && n.endsWith(".jar")).count();
    }

    @Test
    void theSharedLibrariesAreAtSparksVersions() {
        assertEquals("4.2.0", SparkTests.spark().version());
        assertEquals("2.21.2", com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        assertEquals("2.21.2", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals("4.13.1", org.antlr.v4.runtime.RuntimeMetaData.VERSION);
        assertTrue(jars().contains("guava-32.0.0-jre.jar"), "Spark's Guava: " + jars());
        assertTrue(jars().contains("commons-lang3-3.20.0.jar"));
        assertTrue(jars().contains("commons-io-2.22.0.jar"));
        assertTrue(jars().contains("commons-codec-1.22.0.jar"));
    }

    @Test
    void oneJarPerLibrary() {
        for (String lib : List.of("jackson-core-", "jackson-databind-", "jackson-annotations-", "guava-", "antlr4-runtime-",
                "commons-lang3-", "commons-io-", "slf4j-api-", "log4j-api-", "poi-5")) {
            assertEquals(1, count(lib), lib);
        }
    }

    @Test
    void oneLoggingRouteNoLoop() {
        // log4j-to-slf4j (claims-rules routes POI's log4j-api to SLF4J) next to Spark's log4j-slf4j2-impl
        // would send log events in a circle: it is excluded here.
        assertEquals(0, count("log4j-to-slf4j-"));
        assertEquals(0, count("slf4j-simple-") + count("slf4j-nop-"));
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(SLF4JServiceProvider.class).forEach(p -> providers.add(p.getClass().getName()));
        assertEquals(List.of("org.apache.logging.slf4j.SLF4JServiceProvider"), providers);
        assertFalse(org.apache.logging.log4j.LogManager.getContext(false).getClass().getName().contains("slf4j"),
                "log4j-api goes to log4j-core, not back to SLF4J");
    }
}

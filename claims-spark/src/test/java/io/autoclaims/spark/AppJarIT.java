package io.autoclaims.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.batch.BacklogRun;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar for spark-submit ({@code target/claims-spark-app.jar}) on Spark's classpath alone:
 * a fresh JVM gets the jars of Spark 4.2.0 (and of the libraries Spark ships) plus the application jar,
 * nothing of this build's classes, and runs {@code spark-reevaluate} in local mode; the records equal the
 * local batch run's. This is what {@code spark-submit --class io.autoclaims.spark.SparkCli} runs.
 */
class AppJarIT {
    @TempDir
    Path dir;

    @Test
    void theAppJarRunsOnSparksClasspath() throws Exception {
        Path app = Path.of("target/claims-spark-app.jar").toAbsolutePath();
        assertTrue(Files.exists(app), "mvn package makes " + app);
        Set<String> bundled = new HashSet<>();
        try (ZipFile z = new ZipFile(app.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                bundled.add(e.nextElement().getName());
            }
        }
        List<String> classpath = new ArrayList<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            File f = new File(entry);
            if (f.isFile() && f.getName().endsWith(".jar") && !inside(f, bundled)) {
                classpath.add(f.getAbsolutePath()); // Spark's, and the libraries it ships (provided)
            }
        }
        classpath.add(app.toString());

        Path backlog = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(backlog, 2000, 17);
        Path local = dir.resolve("local.jsonl");
        BacklogRun.builder().rulebook(Rulebook.loadDefault()).input(backlog).output(local).threads(1).build().run();

        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        command.addAll(List.of(System.getProperty("claims.spark.opens").trim().split("\\s+")));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), "io.autoclaims.spark.SparkCli",
                "spark-reevaluate", "--in", backlog.toString(), "--out", out.toString(), "--master", "local[2]",
                "--partitions", "3"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished in 5 minutes");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("2,000 records written"), log);
        assertArrayEquals(Files.readAllBytes(local), SparkCliTest.concatenated(out));
    }

    /** True when the jar's first class file is in the application jar: the jar is bundled there. */
    private static boolean inside(File jar, Set<String> bundled) throws IOException {
        try (ZipFile z = new ZipFile(jar)) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    return bundled.contains(name);
                }
            }
        }
        return false;
    }
}

package io.autoclaims.spark;

import io.autoclaims.batch.BacklogRun;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * What the Spark tests share in one JVM: one local[2] session, the default rulebook, and a 20,000-line
 * synthetic backlog (about 1 % bad lines) with the records of the local batch run on it.
 */
final class SparkTests {
    static final int LINES = 20_000;
    static final long SEED = 8;

    private static SparkSession spark;
    private static Rulebook rulebook;
    private static Path dir;
    private static Path backlog;
    private static List<String> localRecords;

    private SparkTests() {
    }

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("claims-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return spark;
    }

    static synchronized Rulebook rulebook() {
        if (rulebook == null) {
            rulebook = Rulebook.loadDefault();
        }
        return rulebook;
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("claims-spark-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        }
        return dir;
    }

    /** The 20,000-line backlog file. */
    static synchronized Path backlog() {
        if (backlog == null) {
            try {
                backlog = dir().resolve("backlog.jsonl");
                SyntheticBacklog.write(backlog, LINES, SEED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return backlog;
    }

    /** What {@code claims reevaluate} writes for {@link #backlog()}, one record per element (line i at i - 1). */
    static synchronized List<String> localRecords() {
        if (localRecords == null) {
            try {
                Path out = dir().resolve("local.jsonl");
                BacklogRun.builder().rulebook(rulebook()).input(backlog()).output(out).threads(2).build().run();
                localRecords = List.of(new String(Files.readAllBytes(out), StandardCharsets.UTF_8).split("\n", -1))
                        .subList(0, LINES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return localRecords;
    }

    static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}

package io.autoclaims.spark;

import io.autoclaims.batch.ImpactEdits;
import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.batch.RulebookLoading;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.RulebookHistory;
import io.autoclaims.rules.WorkbookIssue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark commands of the {@code claims} command line, in their own main class so that
 * {@code claims.jar} (claims-cli) never needs Spark: {@code ./claims spark-reevaluate ...} runs this class
 * with Spark's jars (local mode), and a cluster runs it through {@code spark-submit --class
 * io.autoclaims.spark.SparkCli claims-spark-app.jar spark-reevaluate ...}.
 */
@Command(name = "claims",
        mixinStandardHelpOptions = true,
        description = "Re-evaluates claim backlogs on Apache Spark.",
        subcommands = {SparkCli.Reevaluate.class, SparkCli.Impact.class, CommandLine.HelpCommand.class})
public final class SparkCli implements Runnable {
    static final int USAGE = 2;
    static final int RULEBOOK = 3;
    static final int FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs a Spark command and exits the JVM with its status: 0 done, 2 unusable arguments, 3 the
     * rulebook does not load, 4 the job failed. Without a Log4j configuration of its own, Spark's
     * logging is kept to warnings.
     *
     * @param args the arguments, e.g. {@code spark-reevaluate --in backlog.jsonl --out verdicts}
     */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            // before Spark starts logging; spark-submit runs have their own configuration already
            System.setProperty("log4j2.configurationFile", "io/autoclaims/spark/log4j2-cli.properties");
        }
        System.exit(run(args));
    }

    /**
     * Runs in-process and returns the exit status (tests call this).
     *
     * @param args the arguments, as for {@link #main}
     * @return the exit status, as for {@link #main}
     */
    public static int run(String... args) {
        return new CommandLine(new SparkCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every Spark command has. */
    static class SparkOptions {
        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master, e.g. local[2]; default: the one spark-submit gives, else local[*].")
        String master;

        @Option(names = "--partitions", paramLabel = "N",
                description = "Read the backlog in at least N partitions (input splits, no shuffle); default: Spark's.")
        Integer partitions;

        @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "" + ClaimCodec.DEFAULT_MAX_LINE_BYTES,
                description = "The longest input line read, in bytes (default: ${DEFAULT-VALUE}); a longer line gets a"
                        + " LINE_TOO_LONG error record, as in the local run (Hadoop holds it whole, it is not read).")
        int maxLineBytes;

        /** True when --partitions and --max-line-bytes are usable; else prints why (as the local commands do). */
        boolean valid(PrintWriter err) {
            boolean ok = true;
            if (partitions != null && partitions < 1) {
                err.println("--partitions must be 1 or more, got " + partitions);
                ok = false;
            }
            if (maxLineBytes < 1) {
                err.println("--max-line-bytes must be 1 or more, got " + maxLineBytes);
                err.println("--max-line-bytes 须不小于 1，实际为 " + maxLineBytes);
                ok = false;
            }
            err.flush();
            return ok;
        }

        /** The running session (spark-submit's, or a test's), or a new one; the flag says whether to stop it. */
        Session session(String appName) {
            boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
            SparkSession.Builder b = SparkSession.builder().appName(appName);
            String m = master != null ? master : System.getProperty("spark.master", "local[*]");
            if (master != null || System.getProperty("spark.master") == null) {
                b.master(m);
            }
            if (m.startsWith("local") && System.getProperty("spark.ui.enabled") == null) {
                b.config("spark.ui.enabled", "false");
            }
            return new Session(b.getOrCreate(), !existing);
        }

        Dataset<Row> lines(SparkSession spark, String in) {
            return partitions == null ? ClaimsSpark.readJsonl(spark, in) : ClaimsSpark.readJsonl(spark, in, partitions);
        }
    }

    record Session(SparkSession spark, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                spark.stop();
            }
        }
    }

    static Rulebook load(List<Path> paths, PrintWriter err) {
        return RulebookLoading.loadOrReport(paths, err);
    }

    /**
     * The history in a local folder, read on the driver, with its versions' warnings on {@code err};
     * or null after printing every problem with its cell (as {@code claims adjudicate --history} does).
     */
    static RulebookHistory loadHistory(Path folder, PrintWriter err) {
        return RulebookLoading.loadHistoryOrReport(folder, err);
    }

    @Command(name = "spark-reevaluate",
            mixinStandardHelpOptions = true,
            description = {
                "Re-evaluates a JSON Lines backlog on Spark: one record per input line, the same bytes as"
                        + " 'claims reevaluate' writes for that line.",
                "With --history each claim is adjudicated with the version in force on its as-of date, the same"
                        + " bytes as 'claims adjudicate --history'.",
                "",
                "--out is a directory of part files (replaced if it exists); in file-name order they hold the"
                        + " records in input order, so 'cat OUT/part-*' is the local run's output file."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {
                "0:every input line produced a record (error records included)",
                "2:unusable arguments (--history with --rules, --as-of without --history)",
                "3:the rulebook (or a version of the history) does not load; its problems are printed with their cells",
                "4:the Spark job failed (its error is printed)"})
    static final class Reevaluate extends SparkOptions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--rules", paramLabel = "PATH",
                description = "A rule workbook (.xlsx) or a folder of them, read on the driver; repeat for several."
                        + " Default: the shipped rulebook.")
        List<Path> rules;

        @Option(names = "--history", paramLabel = "DIR",
                description = "A local folder of rulebook versions (DIR/2026.1/, DIR/2027.1/, ...), each in force from the"
                        + " date its About sheet states, read on the driver; every version travels to the executors as"
                        + " its workbooks' bytes. Each claim gets the version in force on its as-of date. Instead of --rules.")
        Path history;

        @Option(names = "--as-of", paramLabel = "incident|submitted|DATE",
                description = "With --history: which date of a claim chooses its version: incident (default,"
                        + " incident.occurredOn), submitted (submittedOn) or one date yyyy-MM-dd for every claim.")
        String asOf;

        @Option(names = "--in", paramLabel = "BACKLOG.jsonl", required = true,
                description = "The JSON Lines backlog: a path or URI Hadoop reads (file:, hdfs:, s3a: ...).")
        String in;

        @Option(names = "--out", paramLabel = "DIR", required = true,
                description = "The output directory, a path or URI (Spark text part files; replaced).")
        String out;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!valid(err)) {
                return USAGE;
            }
            AsOf setting = historyOptions(err);
            if (setting == null) {
                return USAGE;
            }
            Rulebook rulebook = null;
            RulebookHistory versions = null;
            if (history != null) {
                versions = loadHistory(history, err);
                if (versions == null) {
                    return RULEBOOK;
                }
                StringBuilder names = new StringBuilder();
                for (Rulebook v : versions.versions()) {
                    names.append(names.length() == 0 ? "" : ", ").append(v.version()).append(" from ")
                            .append(v.inForceFrom().orElseThrow()).append(" (").append(v.fingerprint(), 0, 12).append(')');
                }
                err.printf(Locale.ROOT, "history %s as of %s: %s%n", history, setting, names);
            } else {
                rulebook = load(rules, err);
                if (rulebook == null) {
                    return RULEBOOK;
                }
                err.printf(Locale.ROOT, "rulebook %s %s (%s)%n", rulebook.name(), rulebook.version(),
                        rulebook.fingerprint().substring(0, 12));
            }
            err.flush();
            long started = System.nanoTime();
            try (Session s = session("claims spark-reevaluate")) {
                Dataset<Row> read = lines(s.spark(), in);
                Dataset<String> records = versions != null
                        ? ClaimsSpark.reevaluateLines(read, versions, setting, maxLineBytes)
                        : ClaimsSpark.reevaluateLines(read, rulebook, maxLineBytes);
                records.write().mode(SaveMode.Overwrite).option("lineSep", "\n").text(out);
                double seconds = (System.nanoTime() - started) / 1e9;
                long n = s.spark().read().text(out).count();
                err.printf(Locale.ROOT, "%,d records written to %s in %.1f s (%,.0f lines/s, master %s)%n", n, out,
                        seconds, n / seconds, s.spark().sparkContext().master());
                err.flush();
                return 0;
            } catch (RuntimeException e) {
                err.println("The Spark job failed: " + rootMessage(e));
                err.flush();
                return FAILED;
            }
        }

        /** The as-of setting (incident when not given); null after printing why the options are unusable. */
        private AsOf historyOptions(PrintWriter err) {
            String problem = null;
            if (history != null && rules != null && !rules.isEmpty()) {
                problem = "Give --rules or --history, not both. / --rules 与 --history 只能选其一。";
            } else if (asOf != null && history == null) {
                problem = "--as-of chooses a version of a --history; give --history DIR too. / --as-of 用于在 --history"
                        + " 中选择版本，请同时给出 --history DIR。";
            } else {
                try {
                    return asOf == null ? AsOf.INCIDENT : AsOf.parse(asOf);
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            err.println(problem);
            err.flush();
            return null;
        }
    }

    @Command(name = "spark-impact",
            mixinStandardHelpOptions = true,
            description = {
                "Runs a backlog through an old and a new rulebook on Spark in one pass and writes the report of"
                        + " 'claims impact' (impact.csv, impact.html, impact.json: the same bytes), optionally the"
                        + " changed lines as Parquet."},
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {
                "0:every input line was compared",
                "2:unusable arguments",
                "3:a rulebook does not load",
                "4:the Spark job failed"})
    static final class Impact extends SparkOptions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--old", paramLabel = "RULEBOOK", required = true, description = "The rulebook in force.")
        List<Path> old;

        @Option(names = "--new", paramLabel = "RULEBOOK", required = true, description = "The changed rulebook.")
        List<Path> changed;

        @Option(names = "--in", paramLabel = "BACKLOG.jsonl", required = true,
                description = "The JSON Lines backlog: a path or URI Hadoop reads.")
        String in;

        @Option(names = "--report", paramLabel = "DIR", required = true,
                description = "Local directory for impact.csv, impact.html and impact.json (written on the driver).")
        Path report;

        @Option(names = "--changed-parquet", paramLabel = "DIR",
                description = "Also write the changed lines as Parquet there (replaced).")
        Path parquet;

        @Option(names = "--top", paramLabel = "N", defaultValue = "50",
                description = "How many of the largest changes the page lists; default 50.")
        int top;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!valid(err)) {
                return USAGE;
            }
            if (top < 0) {
                err.println("--top must be 0 or more, got " + top);
                err.flush();
                return USAGE;
            }
            Rulebook older = load(old, err);
            Rulebook newer = older == null ? null : load(changed, err);
            if (newer == null) {
                return RULEBOOK;
            }
            try (Session s = session("claims spark-impact");
                    SparkImpact impact = ClaimsSpark.impact(lines(s.spark(), in), older, newer, top,
                            ImpactEdits.source(old), ImpactEdits.source(changed), maxLineBytes)) {
                ImpactSummary summary = impact.writeReport(report);
                if (parquet != null) {
                    impact.changed().write().mode(SaveMode.Overwrite).parquet(parquet.toString());
                }
                err.printf(Locale.ROOT, "%,d lines: %,d changed; payable old %s, new %s, delta %s%n", summary.lines(),
                        summary.changed(), summary.oldPayable().toPlainString(), summary.newPayable().toPlainString(),
                        summary.newPayable().subtract(summary.oldPayable()).toPlainString());
                err.println("report: " + report.resolve("impact.html"));
                err.flush();
                return 0;
            } catch (java.io.IOException e) {
                err.println("Writing the report failed: " + e.getMessage());
                err.flush();
                return FAILED;
            } catch (RuntimeException e) {
                err.println("The Spark job failed: " + rootMessage(e));
                err.flush();
                return FAILED;
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof RulebookMismatchException)) {
            t = t.getCause();
        }
        return t instanceof RulebookMismatchException ? t.getMessage() : e.toString();
    }
}

package io.autoclaims.cli;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code claims}: the command line of the claims adjudication library. */
@Command(name = "claims",
        mixinStandardHelpOptions = true,
        versionProvider = ClaimsCli.Version.class,
        description = "Adjudicates warranty, insurance and roadside-assistance claims with rule workbooks.",
        subcommands = {AdjudicateCommand.class, ReevaluateCommand.class, ReplayCommand.class, ImpactCommand.class, CheckCommand.class, DiffCommand.class, ExplainCommand.class,
            TestCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class ClaimsCli implements Runnable {
    /** Unusable arguments: a missing file, an unknown option. */
    static final int USAGE = 2;
    /** The rulebook does not load; its problems are on standard error. */
    static final int RULEBOOK = 3;
    /** Input or output failed while running. */
    static final int IO = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the records of {@code adjudicate} without {@code --out} go: descriptor 1, or a test's stream. */
    final OutputStream stdout;

    /** The top command, writing records to standard output (descriptor 1); picocli builds its subcommands. */
    public ClaimsCli() {
        this(CheckedOutput.standardOutput());
    }

    ClaimsCli(OutputStream stdout) {
        this.stdout = stdout;
    }

    /**
     * Runs the command line and exits the JVM with its status: 0 done, 2 unusable arguments, 3 the
     * rulebook does not load, 4 reading or writing failed.
     *
     * @param args the arguments, e.g. {@code adjudicate --in backlog.jsonl}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line in-process and returns the exit status; standard output is descriptor 1
     * itself, not {@link System#out} (a PrintStream that swallows write errors).
     *
     * @param args the arguments, as for {@link #main}
     * @return the exit status, as for {@link #main}
     */
    public static int run(String... args) {
        return run(CheckedOutput.standardOutput(), stdoutCharset(), null, args);
    }

    /**
     * As {@link #run(String...)}, with messages to {@code out} and {@code err} (tests call this); the
     * records of {@code adjudicate} without {@code --out} go to {@code out} too, decoded as UTF-8.
     *
     * @param out  where reports, help and records go
     * @param err  where messages and problems go
     * @param args the arguments, as for {@link #main}
     * @return the exit status, as for {@link #main}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new ClaimsCli(new Utf8ToWriter(out))).setOut(out).setErr(err);
        return reportOutFailed(cmd, null, cmd.execute(args));
    }

    /**
     * As {@link #run(String...)}, with standard output to {@code stdout} (reports in UTF-8, records as
     * written) and messages to {@code err}: the seam tests use to capture or fail standard output.
     */
    static int run(OutputStream stdout, PrintWriter err, String... args) {
        return run(stdout, StandardCharsets.UTF_8, err, args);
    }

    private static int run(OutputStream stdout, Charset charset, PrintWriter err, String... args) {
        CheckedOutput reports = CheckedOutput.ofStandardOutput(stdout);
        // as picocli's own default, but over a stream whose errors are kept
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(reports, charset)), true);
        CommandLine cmd = new CommandLine(new ClaimsCli(stdout)).setOut(out);
        if (err != null) {
            cmd.setErr(err);
        }
        return reportOutFailed(cmd, reports, cmd.execute(args));
    }

    /**
     * {@link #IO} with a message when what a command printed on standard output (a report, help)
     * did not get out whole; otherwise {@code status}. {@code adjudicate} reports its own records.
     */
    private static int reportOutFailed(CommandLine cmd, CheckedOutput reports, int status) {
        if (!cmd.getOut().checkError()) {
            return status;
        }
        if (reports != null) {
            reports.printReportFailure(cmd.getErr());
        } else {
            cmd.getErr().println("Writing standard output failed; what was printed is incomplete.");
            cmd.getErr().println("写入标准输出失败：输出不完整。");
            cmd.getErr().flush();
        }
        return IO;
    }

    /** The charset picocli would print standard output in: sun.stdout.encoding, else the default. */
    private static Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset()
                    : Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Bytes to a writer, decoded as UTF-8 a line at a time (a line never splits a character); the
     * writer's errors stay in it, for {@link PrintWriter#checkError()}.
     */
    private static final class Utf8ToWriter extends OutputStream {
        private final PrintWriter to;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Utf8ToWriter(PrintWriter to) {
            this.to = to;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                to.write(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() {
            to.flush();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ClaimsCli.class.getPackage().getImplementationVersion();
            return new String[] {"claims " + (v == null ? "(development build)" : v)};
        }
    }
}

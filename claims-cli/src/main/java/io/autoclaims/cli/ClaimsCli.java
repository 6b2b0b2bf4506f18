package io.autoclaims.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code claims}: the command line of the claims adjudication library. */
@Command(name = "claims",
        mixinStandardHelpOptions = true,
        versionProvider = ClaimsCli.Version.class,
        description = "Adjudicates warranty, insurance and roadside-assistance claims with rule workbooks.",
        subcommands = {AdjudicateCommand.class, ReevaluateCommand.class, ImpactCommand.class, CheckCommand.class, DiffCommand.class, ExplainCommand.class,
            TestCommand.class, CommandLine.HelpCommand.class})
public final class ClaimsCli implements Runnable {
    /** Unusable arguments: a missing file, an unknown option. */
    static final int USAGE = 2;
    /** The rulebook does not load; its problems are on standard error. */
    static final int RULEBOOK = 3;
    /** Input or output failed while running. */
    static final int IO = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in-process and returns the exit status. */
    public static int run(String... args) {
        return new CommandLine(new ClaimsCli()).execute(args);
    }

    /** As {@link #run(String...)}, with messages to {@code out} and {@code err} (tests call this). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new ClaimsCli()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ClaimsCli.class.getPackage().getImplementationVersion();
            return new String[] {"claims " + (v == null ? "(development build)" : v)};
        }
    }
}

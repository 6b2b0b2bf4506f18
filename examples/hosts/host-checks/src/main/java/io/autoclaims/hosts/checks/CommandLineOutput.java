package io.autoclaims.hosts.checks;

import io.autoclaims.cli.ClaimsCli;
import java.nio.file.Path;

/**
 * A build step of this module, run on its runtime classpath, which is the command line's: runs
 * {@code claims adjudicate --in NAME.jsonl --out NAME.expected.jsonl} on each sample backlog, in one
 * JVM (the rulebook is still loaded by each run, as it is when a user runs the command line).
 */
public final class CommandLineOutput {
    private CommandLineOutput() {
    }

    /**
     * Writes the command line's output beside each backlog; exits with the command line's status
     * when a run fails.
     *
     * @param args the folder that holds the backlogs
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        for (String name : HostChecks.BACKLOGS) {
            int status = ClaimsCli.run("adjudicate", "--in", dir.resolve(name + ".jsonl").toString(),
                    "--out", dir.resolve(name + ".expected.jsonl").toString());
            if (status != 0) {
                System.err.println("claims adjudicate --in " + name + ".jsonl exited with " + status);
                System.exit(status);
            }
        }
        System.exit(0); // Drools leaves threads behind
    }
}

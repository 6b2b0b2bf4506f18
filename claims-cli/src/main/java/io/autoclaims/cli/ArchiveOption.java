package io.autoclaims.cli;

import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.rules.RulebookArchiveException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --archive DIR} option: the rulebook archive every rulebook the command uses is stored in. */
final class ArchiveOption {

    @Option(names = "--archive", paramLabel = "DIR",
            description = "A rulebook archive (created if missing): the rulebook is stored in it, by fingerprint,"
                    + " before the first verdict, so that 'claims replay' can re-make every verdict later.")
    Path archive;

    /** This option set to {@code folder}, for a command whose archive option is required. */
    ArchiveOption withFolder(Path folder) {
        this.archive = folder;
        return this;
    }

    /** True when no archive was asked for. */
    boolean none() {
        return archive == null;
    }

    /**
     * The archive, or null after printing why it cannot be opened (the command then exits with
     * {@link ClaimsCli#IO}).
     */
    RulebookArchive open(PrintWriter err) {
        try {
            return RulebookArchive.open(archive);
        } catch (RulebookArchiveException e) {
            print(err, e);
            return null;
        }
    }

    static void print(PrintWriter err, RulebookArchiveException e) {
        err.println(e.getMessage());
        err.println(e.messageZh());
        err.flush();
    }
}

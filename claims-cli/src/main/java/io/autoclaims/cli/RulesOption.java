package io.autoclaims.cli;

import io.autoclaims.batch.RulebookLoading;
import io.autoclaims.rules.Rulebook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --rules PATH} option of the commands that adjudicate, and loading the rulebook it names. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "PATH",
            description = "A rule workbook (.xlsx) or a folder of them; repeat for several. Default: the shipped rulebook.")
    List<Path> rules;

    /**
     * The rulebook, with its warnings on {@code err}; or null after printing every problem with its
     * cell (the command then exits with {@link ClaimsCli#RULEBOOK}).
     */
    Rulebook load(PrintWriter err) {
        return RulebookLoading.loadOrReport(rules, err);
    }
}

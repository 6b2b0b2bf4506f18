package io.autoclaims.cli;

import io.autoclaims.batch.RulebookLoading;
import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.RulebookHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --history DIR} and {@code --as-of} options, and loading the history they name. */
final class HistoryOption {

    @Option(names = "--history", paramLabel = "DIR",
            description = "A folder of rulebook versions (DIR/2026.1/, DIR/2027.1/, ...), each in force from the date "
                    + "its About sheet states: each claim gets the version in force on its as-of date. Instead of --rules.")
    Path history;

    @Option(names = "--as-of", paramLabel = "incident|submitted|DATE",
            description = "With --history: which date of a claim chooses its version: incident (default, "
                    + "incident.occurredOn), submitted (submittedOn) or one date yyyy-MM-dd for every claim.")
    String asOf;

    /** Null when the options are usable; else the problem, printed by the caller (exit 2). */
    String problem(boolean rulesGiven) {
        if (history != null && rulesGiven) {
            return "Give --rules or --history, not both. / --rules 与 --history 只能选其一。";
        }
        if (asOf != null && history == null) {
            return "--as-of chooses a version of a --history; give --history DIR too. / --as-of 用于在 --history 中选择版本，请同时给出 --history DIR。";
        }
        return asOfProblem(asOf);
    }

    /** Null when {@code asOf} is absent or reads as an as-of setting; else why not, in both languages. */
    static String asOfProblem(String asOf) {
        if (asOf != null) {
            try {
                AsOf.parse(asOf);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    AsOf asOfSetting() {
        return asOf == null ? AsOf.INCIDENT : AsOf.parse(asOf);
    }

    /**
     * The history, with its versions' warnings on {@code err}; or null after printing every problem
     * with its cell (the command then exits with {@link ClaimsCli#RULEBOOK}).
     */
    RulebookHistory load(PrintWriter err) {
        return RulebookLoading.loadHistoryOrReport(history, err);
    }
}

package io.autoclaims.batch;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Decision;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link BacklogRun} produced. The counts cover the whole output file, lines written by earlier
 * (interrupted) runs of the same checkpoint included; {@code seconds} and {@code claimsPerSecond} cover
 * this run only.
 *
 * @param lines           records in the output: one per input line
 * @param verdicts        lines answered with a verdict
 * @param errors          lines answered with an error record (unreadable, invalid or unsupported claims)
 * @param decisions       verdicts by decision, every decision present (0 when none)
 * @param claimsByType    lines that held a readable claim, by claim type (unsupported ones included)
 * @param resumedFromLine lines that were already done when this run started (0 for a fresh run)
 * @param seconds         wall-clock time of this run, checkpoint verification included
 * @param claimsPerSecond lines this run adjudicated ({@code lines - resumedFromLine}) per second
 */
public record RunSummary(long lines, long verdicts, long errors, Map<Decision, Long> decisions,
                         Map<ClaimType, Long> claimsByType, long resumedFromLine, double seconds,
                         double claimsPerSecond) {

    /**
     * Checks the counts: the maps are completed with 0 for every missing key and copied.
     *
     * @param lines           records in the output
     * @param verdicts        lines answered with a verdict
     * @param errors          lines answered with an error record
     * @param decisions       verdicts by decision, not null; missing decisions count 0
     * @param claimsByType    readable claims by type, not null; missing types count 0
     * @param resumedFromLine lines already done when this run started
     * @param seconds         wall-clock time of this run
     * @param claimsPerSecond lines this run adjudicated per second
     * @throws IllegalArgumentException when a count is negative, {@code verdicts + errors != lines}, or
     *     {@code resumedFromLine} is outside {@code 0..lines}
     */
    public RunSummary {
        decisions = complete(Decision.class, decisions);
        claimsByType = complete(ClaimType.class, claimsByType);
        if (lines < 0 || verdicts < 0 || errors < 0 || verdicts + errors != lines) {
            throw new IllegalArgumentException("lines must equal verdicts + errors, got " + lines + " lines, "
                    + verdicts + " verdicts and " + errors + " errors");
        }
        if (resumedFromLine < 0 || resumedFromLine > lines) {
            throw new IllegalArgumentException("resumedFromLine must lie in 0.." + lines + ", got " + resumedFromLine);
        }
    }

    /**
     * The lines this run adjudicated.
     *
     * @return {@code lines - resumedFromLine}: the rest were done before it resumed
     */
    public long linesThisRun() {
        return lines - resumedFromLine;
    }

    /**
     * The summary as the command line prints it at the end of a run.
     *
     * @return several lines in English, no trailing line end
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%,d lines: %,d verdicts, %,d error records", lines, verdicts, errors));
        if (resumedFromLine > 0) {
            s.append(String.format(Locale.ROOT, " (resumed at line %,d)", resumedFromLine + 1));
        }
        s.append(String.format(Locale.ROOT, "%n  decisions:"));
        decisions.forEach((d, n) -> s.append(String.format(Locale.ROOT, "  %s %,d", d, n)));
        s.append(String.format(Locale.ROOT, "%n  claims by type:"));
        claimsByType.forEach((t, n) -> s.append(String.format(Locale.ROOT, "  %s %,d", t, n)));
        s.append(String.format(Locale.ROOT, "%n  %,d lines in %s this run, %,.0f claims/s", linesThisRun(),
                Durations.clock(seconds), claimsPerSecond));
        return s.toString();
    }

    private static <K extends Enum<K>> Map<K, Long> complete(Class<K> type, Map<K, Long> counts) {
        Objects.requireNonNull(counts, "counts");
        EnumMap<K, Long> all = new EnumMap<>(type);
        for (K k : type.getEnumConstants()) {
            Long n = counts.get(k);
            if (n != null && n < 0) {
                throw new IllegalArgumentException("count of " + k + " must be >= 0, got " + n);
            }
            all.put(k, n == null ? 0L : n);
        }
        return Collections.unmodifiableMap(all);
    }
}

package io.autoclaims.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One stored record a {@link Replay} could not reproduce, or could not try to.
 *
 * @param kind        what is wrong
 * @param line        the 1-based line (of both files: claim line N is paired with record line N)
 * @param claimId     the stored record's claim id, else the claim line's; null when neither has one
 * @param fingerprint the rulebook fingerprint the record names (or, for an error record, the one it was
 *                    re-made with); null when none
 * @param path        for {@link Kind#DIFFERENT}: the first field that differs, dotted ({@code reasons[0].text});
 *                    empty for the whole record; null for other kinds
 * @param oldValue    the stored value as JSON text, or what the kind concerns (the stored claim id); null
 *                    when absent
 * @param newValue    the value made now as JSON text, or what the kind concerns; null when absent
 */
public record ReplayFinding(Kind kind, long line, String claimId, String fingerprint, String path, String oldValue,
                            String newValue) {
    private static final JsonFactory JSON = new JsonFactory();
    /** The error code of a claim dated before a history's first version. */
    static final String HISTORY_ERROR = "NO_RULEBOOK_IN_FORCE";

    /** What a finding is about. */
    public enum Kind {
        /** Re-made, the record differs from the stored one, byte for byte; {@code path} is the first field that differs. */
        DIFFERENT,
        /** The verdict names a rulebook fingerprint the archive does not hold (reported once per fingerprint). */
        MISSING_RULEBOOK,
        /** The archive's entry for the fingerprint is damaged or was edited, and was refused (reported once per fingerprint). */
        REFUSED_RULEBOOK,
        /** The record and the claim line have different claim ids: the two files are not paired line by line. */
        CLAIM_ID_MISMATCH,
        /** The stored line is not a record a replay can use (not JSON, a verdict without a fingerprint). */
        UNREADABLE_RECORD,
        /**
         * An error record whose claim reads without error, on a batch with no verdict to take the rulebook
         * from; or a rulebook history's {@code NO_RULEBOOK_IN_FORCE} record (then {@code oldValue}) replayed
         * without the history that made it ({@link Replay.Builder#history}).
         */
        NO_RULEBOOK,
        /** The verdicts file ends before the claims file (reported once, at the first such line). */
        MISSING_RECORD,
        /** The verdicts file goes on after the claims file ends (reported once, at the first such line). */
        EXTRA_RECORD
    }

    /**
     * Checks the kind.
     *
     * @param kind        what is wrong, not null
     * @param line        the 1-based line
     * @param claimId     the claim id, or null
     * @param fingerprint the fingerprint, or null
     * @param path        the first differing field, or null
     * @param oldValue    the stored value, or null
     * @param newValue    the new value, or null
     */
    public ReplayFinding {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The finding in English, one line.
     *
     * @return e.g. {@code line 17 (W-17): DIFFERENT at payableCny: 860.00 -> 900.00}
     */
    @Override
    public String toString() {
        String head = "line " + line + (claimId == null ? "" : " (" + claimId + ")") + ": " + kind;
        return switch (kind) {
            case DIFFERENT -> head + " at " + (path.isEmpty() ? "the whole record" : path) + ": "
                    + shown(oldValue) + " -> " + shown(newValue);
            case MISSING_RULEBOOK -> head + ": the archive has no rulebook " + fingerprint;
            case REFUSED_RULEBOOK -> head + ": " + newValue;
            case CLAIM_ID_MISMATCH -> head + ": the record is for " + oldValue + ", the claim line is " + newValue;
            case UNREADABLE_RECORD -> head + ": " + newValue;
            case NO_RULEBOOK -> HISTORY_ERROR.equals(oldValue)
                    ? head + ": a rulebook history's " + HISTORY_ERROR + " record: give the history the run used"
                            + " (claims replay --history DIR) to re-make it"
                    : head + ": an error record whose claim now reads, with no verdict near it naming a rulebook";
            case MISSING_RECORD -> head + ": the verdicts file has no record for this claim line or the ones after it";
            case EXTRA_RECORD -> head + ": the verdicts file has records beyond the last claim line";
        };
    }

    /**
     * The finding in Chinese, one line.
     *
     * @return e.g. {@code 第 17 行（W-17）：DIFFERENT，payableCny 处不同：860.00 -> 900.00}
     */
    public String toStringZh() {
        String head = "第 " + line + " 行" + (claimId == null ? "" : "（" + claimId + "）") + "：" + kind;
        return switch (kind) {
            case DIFFERENT -> head + "，" + (path.isEmpty() ? "整条记录" : path) + " 处不同：" + shown(oldValue) + " -> "
                    + shown(newValue);
            case MISSING_RULEBOOK -> head + "，归档中没有规则集 " + fingerprint;
            case REFUSED_RULEBOOK -> head + "，归档中的规则集 " + fingerprint + " 已损坏或被改动，被拒绝";
            case CLAIM_ID_MISMATCH -> head + "，记录属于 " + oldValue + "，而索赔行为 " + newValue;
            case UNREADABLE_RECORD -> head + "，该行不是可重放的记录";
            case NO_RULEBOOK -> HISTORY_ERROR.equals(oldValue)
                    ? head + "，规则集历史生成的 " + HISTORY_ERROR + " 错误记录：请给出该次运行所用的规则集历史（claims replay"
                            + " --history DIR）以重现"
                    : head + "，这条错误记录的索赔现已可读，但附近没有注明规则集的裁定";
            case MISSING_RECORD -> head + "，裁定文件没有此行及之后索赔行的记录";
            case EXTRA_RECORD -> head + "，裁定文件在最后一行索赔之后仍有记录";
        };
    }

    /**
     * The finding as one line of JSON (no line end), as {@code claims replay --report} writes it:
     * {@code {"kind":..,"line":..,"claimId":..,"fingerprint":..,"path":..,"old":..,"new":..,"message":..,"messageZh":..}}.
     *
     * @return the JSON text
     */
    public String toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("kind", kind.name());
            g.writeNumberField("line", line);
            g.writeStringField("claimId", claimId);
            g.writeStringField("fingerprint", fingerprint);
            g.writeStringField("path", path);
            g.writeStringField("old", oldValue);
            g.writeStringField("new", newValue);
            g.writeStringField("message", toString());
            g.writeStringField("messageZh", toStringZh());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String shown(String value) {
        return value == null ? "(absent)" : value;
    }
}

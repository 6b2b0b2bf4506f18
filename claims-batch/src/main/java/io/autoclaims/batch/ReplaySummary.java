package io.autoclaims.batch;

import java.util.Locale;
import java.util.Map;

/**
 * What a {@link Replay} found.
 *
 * @param lines               lines compared: the longer of the two files, in lines
 * @param reproduced          records re-made byte for byte
 * @param verdicts            stored records that are verdicts
 * @param errorRecords        stored records that are error records
 * @param different           records re-made with other bytes ({@link ReplayFinding.Kind#DIFFERENT})
 * @param missingRulebook     lines whose rulebook the archive does not hold
 * @param refusedRulebook     lines whose archived rulebook was refused (damaged or edited)
 * @param claimIdMismatches   lines whose record and claim line have different claim ids
 * @param unreadable          stored lines that are not usable records
 * @param noRulebook          error records whose claim now reads, with no verdict of their batch naming a rulebook
 * @param missingRecords      claim lines after the end of the verdicts file
 * @param extraRecords        records after the end of the claims file
 * @param missingFingerprints each fingerprint the archive lacks, with its number of lines, in first-seen order
 * @param refusedFingerprints each fingerprint whose entry was refused, with its number of lines
 * @param seconds             wall-clock time, archived rulebooks' compilation included
 * @param recordsPerSecond    lines compared per second
 */
public record ReplaySummary(long lines, long reproduced, long verdicts, long errorRecords, long different,
                            long missingRulebook, long refusedRulebook, long claimIdMismatches, long unreadable,
                            long noRulebook, long missingRecords, long extraRecords,
                            Map<String, Long> missingFingerprints, Map<String, Long> refusedFingerprints,
                            double seconds, double recordsPerSecond) {

    /**
     * Copies the maps.
     *
     * @param lines               lines compared
     * @param reproduced          records re-made byte for byte
     * @param verdicts            stored verdicts
     * @param errorRecords        stored error records
     * @param different           records re-made with other bytes
     * @param missingRulebook     lines whose rulebook is missing
     * @param refusedRulebook     lines whose rulebook was refused
     * @param claimIdMismatches   lines not paired
     * @param unreadable          unusable stored lines
     * @param noRulebook          error records with no rulebook to re-make them with
     * @param missingRecords      claim lines without a record
     * @param extraRecords        records without a claim line
     * @param missingFingerprints fingerprints the archive lacks, with line counts
     * @param refusedFingerprints fingerprints refused, with line counts
     * @param seconds             wall-clock time
     * @param recordsPerSecond    lines per second
     */
    public ReplaySummary {
        missingFingerprints = Map.copyOf(missingFingerprints);
        refusedFingerprints = Map.copyOf(refusedFingerprints);
    }

    /**
     * Whether every stored record was re-made byte for byte.
     *
     * @return true when every line reproduced (the exit status 0 of {@code claims replay})
     */
    public boolean allReproduced() {
        return reproduced == lines;
    }

    /**
     * The summary in English, one line.
     *
     * @return counts and speed
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d lines: %,d reproduced, %,d not (%,d different, %,d of missing rulebooks"
                        + " in %d fingerprint(s), %,d of refused rulebooks, %,d claim ids not paired, %,d unreadable records,"
                        + " %,d error records with no rulebook, %,d claim lines without record, %,d records without claim"
                        + " line); %,d verdicts and %,d error records stored; %.1f s, %,.0f verdicts/s",
                lines, reproduced, lines - reproduced, different, missingRulebook, missingFingerprints.size(),
                refusedRulebook, claimIdMismatches, unreadable, noRulebook, missingRecords, extraRecords, verdicts,
                errorRecords, seconds, recordsPerSecond);
    }

    /**
     * The summary in Chinese, one line.
     *
     * @return counts and speed
     */
    public String toStringZh() {
        return String.format(Locale.ROOT, "共 %,d 行：%,d 行重现，%,d 行未重现（%,d 行不同，%,d 行的规则集不在归档中（%d 个指纹），"
                        + "%,d 行的归档规则集被拒绝，%,d 行单号不对应，%,d 行记录不可读，%,d 条错误记录无规则集可用，"
                        + "%,d 行索赔无记录，%,d 条记录无索赔行）；存有 %,d 条裁定、%,d 条错误记录；%.1f 秒，每秒 %,.0f 条",
                lines, reproduced, lines - reproduced, different, missingRulebook, missingFingerprints.size(),
                refusedRulebook, claimIdMismatches, unreadable, noRulebook, missingRecords, extraRecords, verdicts,
                errorRecords, seconds, recordsPerSecond);
    }
}

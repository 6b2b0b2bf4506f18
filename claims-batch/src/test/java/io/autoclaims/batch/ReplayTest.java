package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookArchive;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
    private static final Pattern PAYABLE = Pattern.compile("\"payableCny\":([0-9]+\\.[0-9]{2})");

    @TempDir
    Path dir;

    /** The warranty workbook alone: a rulebook with other fingerprint, and no rules for the other claim types. */
    private static final class Warranty {
        static final Rulebook RULEBOOK = Rulebook.fromWorkbooks(
                Map.of("warranty.xlsx", TestRulebooks.defaultRulebook().workbooks().get("warranty.xlsx")));
    }

    /** Runs the backlog with the archive, as {@code claims reevaluate --archive} does. */
    private Path run(Rulebook rulebook, Path claims, RulebookArchive archive, String name) throws Exception {
        Path out = dir.resolve(name);
        BacklogRun.builder().rulebook(rulebook).input(claims).output(out).threads(2).archive(archive).build().run();
        return out;
    }

    @Test
    void aHundredThousandStoredVerdictsAndErrorRecordsAllReproduce() throws Exception {
        Path claims = dir.resolve("claims.jsonl");
        SyntheticBacklog.write(claims, 100_000, 18);
        RulebookArchive archive = RulebookArchive.open(dir.resolve("archive"));
        long runStarted = System.nanoTime();
        Path verdicts = run(TestRulebooks.defaultRulebook(), claims, archive, "verdicts.jsonl");
        double runSeconds = (System.nanoTime() - runStarted) / 1e9;
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        List<ReplayFinding> found = new ArrayList<>();
        ReplaySummary s = Replay.builder().verdicts(verdicts).claims(claims).archive(archive).threads(2)
                .findings(found::add).build().verify();
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf("replay of 100,000 records: %.1f s, %,.0f verdicts/s (the run that made them: %.1f s, %,.0f claims/s;"
                + " load average before: %s, after: %s)%n", s.seconds(), s.recordsPerSecond(), runSeconds,
                100_000 / runSeconds, load, loadAfter);
        assertEquals(List.of(), found);
        assertTrue(s.allReproduced(), s.toString());
        assertEquals(100_000, s.lines());
        assertEquals(100_000, s.reproduced());
        assertEquals(100_000, s.verdicts() + s.errorRecords());
        assertTrue(s.errorRecords() > 500, "the backlog's bad lines are replayed as error records: " + s.errorRecords());
    }

    @Test
    void oneTamperedVerdictAndOneFingerprintMissingFromTheArchiveAreReportedAndNothingElse() throws Exception {
        Path claims = dir.resolve("claims.jsonl");
        SyntheticBacklog.write(claims, 3_000, 7);
        RulebookArchive archive = RulebookArchive.open(dir.resolve("archive"));
        List<String> records = new ArrayList<>(Files.readAllLines(run(TestRulebooks.defaultRulebook(), claims, archive,
                "verdicts.jsonl"), StandardCharsets.UTF_8));
        List<String> claimLines = Files.readAllLines(claims, StandardCharsets.UTF_8);

        int tampered = firstLine(records, 1_200, r -> PAYABLE.matcher(r).find() && !r.contains("\"payableCny\":0.00"));
        Matcher m = PAYABLE.matcher(records.get(tampered));
        m.find();
        String paid = m.group(1);
        String more = new BigDecimal(paid).add(BigDecimal.TEN).toPlainString();
        records.set(tampered, records.get(tampered).replaceFirst(Pattern.quote(m.group()), "\"payableCny\":" + more));

        // a verdict made by a rulebook that was never archived
        int other = firstLine(records, 2_100, r -> r.contains("\"type\":\"WARRANTY\"") && r.contains("\"rulebook\""));
        ByteArrayOutputStream made = new ByteArrayOutputStream();
        Adjudicator.of(Warranty.RULEBOOK).adjudicateJsonLines(new ByteArrayInputStream(
                (claimLines.get(other) + "\n").getBytes(StandardCharsets.UTF_8)), made);
        records.set(other, made.toString(StandardCharsets.UTF_8).strip());
        Path verdicts = dir.resolve("edited.jsonl");
        Files.write(verdicts, records, StandardCharsets.UTF_8);

        List<ReplayFinding> found = new ArrayList<>();
        ReplaySummary s = Replay.builder().verdicts(verdicts).claims(claims).archive(archive).findings(found::add)
                .build().verify();
        String id = claimId(records.get(tampered));
        assertEquals(List.of(
                new ReplayFinding(ReplayFinding.Kind.DIFFERENT, tampered + 1, id, TestRulebooks.defaultRulebook().fingerprint(),
                        "payableCny", more, paid),
                new ReplayFinding(ReplayFinding.Kind.MISSING_RULEBOOK, other + 1, claimId(records.get(other)),
                        Warranty.RULEBOOK.fingerprint(), null, null, null)), found);
        assertEquals(3_000, s.lines());
        assertEquals(2_998, s.reproduced());
        assertEquals(1, s.different());
        assertEquals(1, s.missingRulebook());
        assertEquals(Map.of(Warranty.RULEBOOK.fingerprint(), 1L), s.missingFingerprints());
        assertTrue(!s.allReproduced());
        assertTrue(found.get(0).toString().contains("DIFFERENT at payableCny: " + more + " -> " + paid), found.get(0).toString());
        assertTrue(found.get(0).toStringZh().contains("payableCny 处不同"), found.get(0).toStringZh());
    }

    @Test
    void aStoredFingerprintHoldingADateIsAMissingRulebookNotARulebookAsOfThatDate() throws Exception {
        Path claims = dir.resolve("claims-bar.jsonl");
        SyntheticBacklog.write(claims, 200, 11);
        RulebookArchive archive = RulebookArchive.open(dir.resolve("archive-bar"));
        List<String> records = new ArrayList<>(Files.readAllLines(run(TestRulebooks.defaultRulebook(), claims, archive,
                "verdicts-bar.jsonl"), StandardCharsets.UTF_8));
        String fingerprint = TestRulebooks.defaultRulebook().fingerprint();
        int edited = firstLine(records, 50, r -> r.contains("\"fingerprint\":\"" + fingerprint + "\""));
        // the separator a grouping key once joined fingerprint and as-of date with, inside the stored text
        String odd = fingerprint + "|2027-03-01";
        records.set(edited, records.get(edited).replace("\"fingerprint\":\"" + fingerprint + "\"",
                "\"fingerprint\":\"" + odd + "\""));
        Path verdicts = dir.resolve("edited-bar.jsonl");
        Files.write(verdicts, records, StandardCharsets.UTF_8);

        List<ReplayFinding> found = new ArrayList<>();
        ReplaySummary s = Replay.builder().verdicts(verdicts).claims(claims).archive(archive).findings(found::add)
                .build().verify();
        assertEquals(List.of(new ReplayFinding(ReplayFinding.Kind.MISSING_RULEBOOK, edited + 1,
                claimId(records.get(edited)), odd, null, null, null)), found);
        assertEquals(199, s.reproduced());
    }

    @Test
    void unsupportedClaimErrorRecordsReproduceWithTheirBatchsRulebookAndUnpairedLinesAreReportedOnce() throws Exception {
        Path claims = dir.resolve("claims.jsonl");
        SyntheticBacklog.write(claims, 400, 3);
        RulebookArchive archive = RulebookArchive.open(dir.resolve("archive"));
        // the warranty rulebook alone: every insurance and assistance line is an UNSUPPORTED_CLAIM_TYPE record
        Path verdicts = run(Warranty.RULEBOOK, claims, archive, "verdicts.jsonl");
        List<String> records = Files.readAllLines(verdicts, StandardCharsets.UTF_8);
        assertTrue(records.stream().filter(r -> r.contains("UNSUPPORTED_CLAIM_TYPE")).count() > 100);
        ReplaySummary all = Replay.builder().verdicts(verdicts).claims(claims).archive(archive).batchLines(100)
                .build().verify();
        assertTrue(all.allReproduced(), all.toString());

        // one line per batch: an error record whose claim reads has no verdict beside it to name a rulebook
        ReplaySummary alone = Replay.builder().verdicts(verdicts).claims(claims).archive(archive).batchLines(1)
                .build().verify();
        assertEquals(records.stream().filter(r -> r.contains("UNSUPPORTED_CLAIM_TYPE")).count(), alone.noRulebook());
        assertEquals(400 - alone.noRulebook(), alone.reproduced());

        // two records swapped, the last ten missing; then the claims file ending before the records
        List<String> edited = new ArrayList<>(records.subList(0, 390));
        Collections.swap(edited, 10, 11);
        Path shorter = dir.resolve("shorter.jsonl");
        Files.write(shorter, edited, StandardCharsets.UTF_8);
        List<ReplayFinding> found = new ArrayList<>();
        ReplaySummary s = Replay.builder().verdicts(shorter).claims(claims).archive(archive).findings(found::add)
                .build().verify();
        assertEquals(List.of(ReplayFinding.Kind.CLAIM_ID_MISMATCH, ReplayFinding.Kind.CLAIM_ID_MISMATCH,
                ReplayFinding.Kind.MISSING_RECORD), found.stream().map(ReplayFinding::kind).toList());
        assertEquals(List.of(11L, 12L, 391L), found.stream().map(ReplayFinding::line).toList());
        assertEquals(10, s.missingRecords());
        assertEquals(2, s.claimIdMismatches());
        assertEquals(388, s.reproduced());

        Path fewerClaims = dir.resolve("fewer.jsonl");
        Files.write(fewerClaims, Files.readAllLines(claims, StandardCharsets.UTF_8).subList(0, 395), StandardCharsets.UTF_8);
        found.clear();
        s = Replay.builder().verdicts(verdicts).claims(fewerClaims).archive(archive).findings(found::add).build().verify();
        assertEquals(List.of(new ReplayFinding(ReplayFinding.Kind.EXTRA_RECORD, 396, claimId(records.get(395)), null, null,
                null, null)), found);
        assertEquals(5, s.extraRecords());
        assertEquals(400, s.lines());
        assertEquals(395, s.reproduced());
    }

    private static int firstLine(List<String> records, int from, java.util.function.Predicate<String> p) {
        for (int i = from; i < records.size(); i++) {
            if (p.test(records.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such record after line " + from);
    }

    private static String claimId(String record) {
        Matcher m = Pattern.compile("^\\{\"claimId\":\"([^\"]*)\"").matcher(record);
        return m.find() ? m.group(1) : null;
    }
}

package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code claims adjudicate --archive}, then {@code claims replay} of its records: all reproduce (exit 0);
 * one tampered verdict and one verdict of a rulebook never archived are reported, and nothing else (exit 1);
 * a history's verdicts (both versions archived) replay with their version as of their stored date, and its
 * error records with the history given (--history).
 */
class ReplayCommandTest {
    private static final Path MIXED = Path.of("../examples/claims/mixed.jsonl");

    @TempDir
    Path dir;

    @Test
    void theRecordsOfAnArchivedRunReproduceAndATamperedOneAndAnUnarchivedRulebookAreReported() throws Exception {
        Path archive = dir.resolve("archive");
        Path out = dir.resolve("verdicts.jsonl");
        CliRun made = CliRun.of("adjudicate", "--in", MIXED.toString(), "--out", out.toString(), "--archive", archive.toString());
        assertEquals(0, made.status(), made.err());
        try (Stream<Path> entries = Files.list(archive)) {
            assertEquals(1, entries.count(), "the shipped rulebook, stored once");
        }
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(records.stream().anyMatch(r -> r.contains("\"error\":")), "the backlog has error records to replay");
        // reevaluate stores the same rulebook: the entry is found, not written twice
        Path again = dir.resolve("reevaluated.jsonl");
        CliRun re = CliRun.of("reevaluate", "--in", MIXED.toString(), "--out", again.toString(), "--threads", "1",
                "--archive", archive.toString());
        assertEquals(0, re.status(), re.err());
        assertEquals(Files.readString(out), Files.readString(again));
        try (Stream<Path> entries = Files.list(archive)) {
            assertEquals(1, entries.count());
        }

        CliRun same = CliRun.of("replay", "--verdicts", out.toString(), "--in", MIXED.toString(), "--archive",
                archive.toString(), "--threads", "1");
        assertEquals(0, same.status(), same.err());
        assertTrue(same.err().contains(records.size() + " lines: " + records.size() + " reproduced, 0 not"), same.err());
        assertTrue(same.err().contains("行重现"), same.err());

        // line 1: re-made by the warranty workbook alone, a rulebook not in the archive; line 2: its payable edited
        List<String> edited = new ArrayList<>(records);
        Matcher m = Pattern.compile("\"payableCny\":([0-9.]+)").matcher(edited.get(1));
        assertTrue(m.find(), edited.get(1));
        String paid = m.group(1);
        edited.set(1, edited.get(1).replaceFirst(Pattern.quote(m.group()), "\"payableCny\":99999.00"));
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        try (InputStream in = ReplayCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx")) {
            Files.copy(in, rules.resolve("warranty.xlsx"));
        }
        Path line1 = dir.resolve("line1.jsonl");
        Files.write(line1, List.of(Files.readAllLines(MIXED, StandardCharsets.UTF_8).get(0)), StandardCharsets.UTF_8);
        assertTrue(Files.readString(line1).contains("\"type\":\"WARRANTY\""));
        Path other = dir.resolve("other.jsonl");
        assertEquals(0, CliRun.of("adjudicate", "--in", line1.toString(), "--out", other.toString(), "--rules",
                rules.toString()).status());
        edited.set(0, Files.readString(other).strip());
        String otherFingerprint = fingerprint(edited.get(0));
        Path tampered = dir.resolve("tampered.jsonl");
        Files.write(tampered, edited, StandardCharsets.UTF_8);

        Path report = dir.resolve("report.jsonl");
        CliRun r = CliRun.of("replay", "--verdicts", tampered.toString(), "--in", MIXED.toString(), "--archive",
                archive.toString(), "--report", report.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("line 2 (" + claimId(records.get(1)) + "): DIFFERENT at payableCny: 99999.00 -> " + paid),
                r.err());
        assertTrue(r.err().contains("第 2 行（" + claimId(records.get(1)) + "）：DIFFERENT，payableCny 处不同"), r.err());
        assertTrue(r.err().contains("line 1 (" + claimId(records.get(0)) + "): MISSING_RULEBOOK: the archive has no rulebook "
                + otherFingerprint), r.err());
        assertTrue(r.err().contains(records.size() + " lines: " + (records.size() - 2) + " reproduced, 2 not (1 different, 1 of"
                + " missing rulebooks in 1 fingerprint(s)"), r.err());
        assertTrue(r.err().contains("missing from the archive: " + otherFingerprint + " (1 line(s))"), r.err());
        List<String> findings = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("{\"kind\":\"MISSING_RULEBOOK\",\"line\":1,"), findings.get(0));
        assertTrue(findings.get(1).startsWith("{\"kind\":\"DIFFERENT\",\"line\":2,"), findings.get(1));
        assertTrue(findings.get(1).contains("\"path\":\"payableCny\",\"old\":\"99999.00\",\"new\":\"" + paid + "\""),
                findings.get(1));

        CliRun noArchive = CliRun.of("replay", "--verdicts", out.toString(), "--in", MIXED.toString(), "--archive",
                dir.resolve("nowhere").toString());
        assertEquals(ClaimsCli.USAGE, noArchive.status(), noArchive.err());
        assertTrue(noArchive.err().contains("No rulebook archive at"), noArchive.err());
    }

    @Test
    void theRecordsOfAHistoryReplayWithTheirVersionAsOfTheirDateAndItsErrorRecordsWithTheHistory() throws Exception {
        Path history = Path.of("../examples/history");
        Path backlog = history.resolve("claims.jsonl");
        Path archive = dir.resolve("archive");
        Path out = dir.resolve("verdicts.jsonl");
        CliRun made = CliRun.of("adjudicate", "--history", history.toString(), "--in", backlog.toString(), "--out",
                out.toString(), "--archive", archive.toString());
        assertEquals(0, made.status(), made.err());
        try (Stream<Path> entries = Files.list(archive)) {
            assertEquals(2, entries.filter(Files::isDirectory).filter(e -> !e.getFileName().toString().startsWith("."))
                    .count(), "both versions stored before the first verdict");
        }
        List<String> records = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertTrue(records.stream().anyMatch(r -> r.contains("\"version\":\"2026.1\"") && r.contains("\"asOf\":")),
                records.toString());
        assertTrue(records.stream().anyMatch(r -> r.contains("\"version\":\"2027.1\"")), records.toString());
        int h04 = 3;
        assertTrue(records.get(h04).contains("\"claimId\":\"H-04\"") && records.get(h04).contains("NO_RULEBOOK_IN_FORCE"),
                records.get(h04));

        // H-04, dated before the first version, is re-made with the history the run used
        CliRun same = CliRun.of("replay", "--verdicts", out.toString(), "--in", backlog.toString(), "--archive",
                archive.toString(), "--history", history.toString(), "--threads", "1");
        assertEquals(0, same.status(), same.err());
        assertTrue(same.err().contains("5 lines: 5 reproduced, 0 not"), same.err());
        assertTrue(same.err().contains("4 verdicts and 1 error records stored"), same.err());

        // the replay takes the as-of date from the stored verdict; one moved before its version's in-force date
        // cannot have been made with that version: made again, it is no verdict of it. Without --history, H-04's
        // record is reported as needing the history.
        List<String> moved = new ArrayList<>(records);
        int k = 0;
        while (!moved.get(k).contains("\"inForceFrom\":\"")) {
            k++;
        }
        Matcher from = Pattern.compile("\"inForceFrom\":\"(\\d{4}-\\d{2}-\\d{2})\"").matcher(moved.get(k));
        Matcher asOf = Pattern.compile("\"asOf\":\"\\d{4}-\\d{2}-\\d{2}\"").matcher(moved.get(k));
        assertTrue(from.find() && asOf.find(), moved.get(k));
        String before = java.time.LocalDate.parse(from.group(1)).minusDays(1).toString();
        moved.set(k, moved.get(k).replace(asOf.group(), "\"asOf\":\"" + before + "\""));
        Path edited = dir.resolve("moved.jsonl");
        Files.write(edited, moved, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("replay", "--verdicts", edited.toString(), "--in", backlog.toString(), "--archive",
                archive.toString(), "--threads", "1");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("line " + (k + 1) + " (" + claimId(records.get(k)) + "): DIFFERENT"), r.err());
        assertTrue(r.err().contains("line 4 (H-04): NO_RULEBOOK: a rulebook history's NO_RULEBOOK_IN_FORCE record: give"
                + " the history the run used (claims replay --history DIR) to re-make it"), r.err());
        assertTrue(r.err().contains("5 lines: 3 reproduced, 2 not"), r.err());

        CliRun asOfAlone = CliRun.of("replay", "--verdicts", out.toString(), "--in", backlog.toString(), "--archive",
                archive.toString(), "--as-of", "submitted");
        assertEquals(ClaimsCli.USAGE, asOfAlone.status(), asOfAlone.err());
    }

    private static String claimId(String record) {
        Matcher m = Pattern.compile("^\\{\"claimId\":\"([^\"]*)\"").matcher(record);
        assertTrue(m.find(), record);
        return m.group(1);
    }

    private static String fingerprint(String record) {
        Matcher m = Pattern.compile("\"fingerprint\":\"([0-9a-f]{64})\"").matcher(record);
        assertTrue(m.find(), record);
        return m.group(1);
    }
}

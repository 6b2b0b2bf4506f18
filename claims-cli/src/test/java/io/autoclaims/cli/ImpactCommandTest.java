package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.batch.ImpactRun;
import io.autoclaims.batch.ImpactSummary;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims impact} end to end, in-process: the three files, the summary on stderr, exit codes. */
class ImpactCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static byte[] shipped(String name) throws IOException {
        try (InputStream in = ImpactCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The shipped rulebook in {@code old/}; in {@code new/} the same with T-01 (traction battery, drive motor) at 120 months. */
    private void rulebooks() throws IOException {
        Files.createDirectories(dir.resolve("old"));
        Files.createDirectories(dir.resolve("new"));
        for (String name : List.of("warranty.xlsx", "insurance.xlsx", "assistance.xlsx")) {
            Files.write(dir.resolve("old").resolve(name), shipped(name));
            Files.write(dir.resolve("new").resolve(name), shipped(name));
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(shipped("warranty.xlsx")));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet terms = wb.getSheet("Terms 保修期限");
            for (Row row : terms) {
                if (row.getCell(0) != null && "T-01".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(2).setCellValue(120);
                }
            }
            wb.write(out);
            Files.write(dir.resolve("new").resolve("warranty.xlsx"), out.toByteArray());
        }
    }

    private static final String BATTERY_100_MONTHS = "{\"claimId\":\"IMP-01\",\"type\":\"WARRANTY\",\"submittedOn\":\"2025-10-10\","
            + "\"vehicle\":{\"vin\":\"LGXCE4CB0M1200001\",\"purchasedOn\":\"2017-06-10\",\"odometerKm\":120000},"
            + "\"incident\":{\"occurredOn\":\"2025-10-10\",\"cause\":\"QUALITY_DEFECT\"},\"repairShop\":{\"id\":\"4S-HZ-0101\","
            + "\"authorized\":true,\"tier\":\"DEALER_4S\"},\"lines\":[{\"lineId\":\"L1\",\"system\":\"TRACTION_BATTERY\","
            + "\"part\":\"BMS\",\"repairCostCny\":3600.00,\"replaceCostCny\":9200.00}],\"documents\":[\"REPAIR_ORDER\",\"WARRANTY_CARD\"]}";
    private static final String MOTOR_110_MONTHS = BATTERY_100_MONTHS.replace("IMP-01", "IMP-02")
            .replace("2017-06-10", "2016-08-10").replace("TRACTION_BATTERY", "DRIVE_MOTOR");

    @Test
    void writesTheReportTheApiWritesWithTheSummaryOnStandardError() throws IOException {
        rulebooks();
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, 3000, 5);
        // the synthetic cars are at most 5 years old: add two past the 96-month battery / motor term
        Files.writeString(in, BATTERY_100_MONTHS + "\n" + MOTOR_110_MONTHS + "\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun r = run("impact", "--old", dir.resolve("old").toString(), "--new", dir.resolve("new").toString(),
                "--in", in.toString(), "--report", dir.resolve("report").toString(), "--threads", "2");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out(), "nothing on standard output");
        assertTrue(r.err().contains("old rulebook autoclaims default rulebook"), r.err());
        assertTrue(r.err().contains("3,002 lines: "), r.err());
        assertTrue(r.err().contains("payable: old "), r.err());
        assertTrue(r.err().contains("impact.html"), r.err());
        // the edit behind the changes, and each side by version, fingerprint and path
        assertTrue(r.err().contains("1 cell(s) changed:\n  warranty.xlsx!Terms 保修期限!C6 T-01 THEN line.termMonths: "
                + "\"96\" -> \"120\""), r.err());
        assertTrue(r.err().contains(" · " + dir.resolve("new")), r.err());

        ImpactSummary api = ImpactRun.builder().oldRulebook(Rulebook.load(dir.resolve("old")))
                .newRulebook(Rulebook.load(dir.resolve("new")))
                .sources(dir.resolve("old").toString(), dir.resolve("new").toString())
                .input(in).reportDir(dir.resolve("api")).threads(1)
                .build().run();
        assertTrue(api.changed() > 0, "the two appended claims");
        assertTrue(api.delta().signum() > 0, "a longer term pays more");
        assertTrue(r.err().contains(String.format(java.util.Locale.ROOT, "%,d changed", api.changed())), r.err());
        for (String f : List.of("impact.csv", "impact.html", "impact.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("api").resolve(f)),
                    Files.readAllBytes(dir.resolve("report").resolve(f)), f);
        }
    }

    @Test
    void exitStatusForUnusableArgumentsAndRulebooksThatDoNotLoad() throws IOException {
        rulebooks();
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, 10, 5);
        String old = dir.resolve("old").toString();
        String report = dir.resolve("report").toString();

        CliRun missing = run("impact", "--old", old, "--in", in.toString(), "--report", report);
        assertEquals(ClaimsCli.USAGE, missing.status());
        assertTrue(missing.err().contains("--new"), missing.err());

        CliRun threads = run("impact", "--old", old, "--new", old, "--in", in.toString(), "--report", report, "--threads", "0");
        assertEquals(ClaimsCli.USAGE, threads.status());
        assertTrue(threads.err().contains("--threads must be 1 or more"), threads.err());

        CliRun noInput = run("impact", "--old", old, "--new", old, "--in", dir.resolve("nope.jsonl").toString(), "--report", report);
        assertEquals(ClaimsCli.USAGE, noInput.status(), noInput.err());
        assertTrue(noInput.err().contains("No such file"), noInput.err());

        Path broken = dir.resolve("broken.xlsx");
        Files.writeString(broken, "not a workbook");
        CliRun bad = run("impact", "--old", old, "--new", broken.toString(), "--in", in.toString(), "--report", report);
        assertEquals(ClaimsCli.RULEBOOK, bad.status(), bad.err());
        assertTrue(bad.err().contains("The rulebook does not load"), bad.err());
        assertTrue(bad.err().contains("the new rulebook"), bad.err());
    }

    @Test
    void theImpactOfAddingAVersionToAHistoryNamesEachSidesVersion() throws IOException {
        Path history = Path.of("../examples/history");
        // the history before 2027.1: 2026.1 alone
        Path before = dir.resolve("before");
        try (java.util.stream.Stream<Path> files = Files.walk(history.resolve("2026.1"))) {
            for (Path f : files.toList()) {
                Path to = before.resolve("2026.1").resolve(history.resolve("2026.1").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path report = dir.resolve("report");
        CliRun r = run("impact", "--old-history", before.toString(), "--new-history", history.toString(), "--in",
                history.resolve("claims.jsonl").toString(), "--report", report.toString(), "--threads", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("new history " + history + ": version 2027.1 from 2027-01-01 ("), r.err());
        assertTrue(r.err().contains("5 lines: 1 changed"), r.err());
        assertTrue(r.err().contains("2026.1 -> 2027.1: warranty.xlsx!Terms 保修期限!C6 T-01"), r.err());
        List<String> csv = Files.readAllLines(report.resolve("impact.csv"));
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(1).startsWith("2,H-02,WARRANTY,DENIED,APPROVED,") && csv.get(1).endsWith(",2026.1,2027.1"),
                csv.get(1));

        String in = history.resolve("claims.jsonl").toString();
        CliRun both = run("impact", "--old", history.resolve("2026.1").toString(), "--old-history", history.toString(),
                "--new-history", history.toString(), "--in", in, "--report", report.toString());
        assertEquals(ClaimsCli.USAGE, both.status(), both.err());
        assertTrue(both.err().contains("Give the old side once: --old RULEBOOK or --old-history DIR, not both or neither."
                + " / 请只给出一次原规则"), both.err());
        CliRun asOf = run("impact", "--old", history.resolve("2026.1").toString(), "--new", history.resolve("2027.1").toString(),
                "--as-of", "submitted", "--in", in, "--report", report.toString());
        assertEquals(ClaimsCli.USAGE, asOf.status(), asOf.err());
        assertTrue(asOf.err().contains("--as-of chooses the versions of a history"), asOf.err());
    }
}

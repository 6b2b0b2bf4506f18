package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.AsOf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImpactRun} with histories: the impact of adding 2027.1 (T-01, battery term 96 -> 120 months) to
 * a history of 2026.1 alone. On the example backlog exactly H-02 moves (dated after 2027-01-01, 100
 * months old), each side named by its version; on a seeded table of 160 battery claims, exactly those
 * dated on or after 2027-01-01 whose age lies between the two terms move, and none dated before.
 */
class HistoryImpactTest {
    private static final LocalDate ADDED = LocalDate.of(2027, 1, 1);

    @TempDir
    Path dir;

    @Test
    void addingTheVersionMovesExactlyH02WithEachSidesVersionNamed() throws IOException {
        Path report = dir.resolve("report");
        ImpactSummary s = ImpactRun.builder().oldHistory(TestHistories.first()).newHistory(TestHistories.both())
                .input(TestHistories.FOLDER.resolve("claims.jsonl")).reportDir(report).sources("old/", "new/")
                .threads(1).build().run();
        assertEquals(5, s.lines());
        assertEquals(1, s.changed());
        assertEquals(1, s.oldErrors(), "H-04, before 2026.1 on both sides");
        assertEquals(1, s.newErrors());
        ImpactRow h02 = s.largest().get(0);
        assertEquals("H-02", h02.claimId());
        assertEquals(2, h02.line());
        assertEquals(ImpactStatus.DENIED, h02.oldStatus());
        assertEquals(ImpactStatus.APPROVED, h02.newStatus());
        assertEquals("2026.1", h02.oldVersion());
        assertEquals("2027.1", h02.newVersion());
        assertTrue(h02.rulesDisappeared().stream().anyMatch(r -> r.ruleId().equals("W5-01")), h02.toString());

        assertEquals("2026.1", s.oldRulebook().version());
        assertEquals("2027.1", s.newRulebook().version(), "a history's side is named by its latest version");
        assertTrue(s.oldLabel().endsWith(" · old/: 2026.1 from 2026-01-01"), s.oldLabel());
        assertTrue(s.newLabel().endsWith(" · new/: 2026.1 from 2026-01-01, 2027.1 from 2027-01-01"), s.newLabel());
        assertTrue(s.edits().edits().stream().anyMatch(e -> e.where().startsWith("2026.1 -> 2027.1: warranty.xlsx!Terms")
                && e.ruleId().equals("T-01") && e.oldValue().equals("96") && e.newValue().equals("120")),
                s.edits().toString());
        assertTrue(s.edits().edits().stream().allMatch(e -> e.where().startsWith("2026.1 -> 2027.1: ")), s.edits().toString());

        List<String> csv = Files.readAllLines(report.resolve(ImpactReport.CSV), StandardCharsets.UTF_8);
        assertEquals(2, csv.size(), csv.toString());
        assertTrue(csv.get(0).endsWith(",old_version 原版本,new_version 新版本"), csv.get(0));
        assertTrue(csv.get(1).startsWith("2,H-02,WARRANTY,DENIED,APPROVED,") && csv.get(1).endsWith(",2026.1,2027.1"),
                csv.get(1));
        String json = Files.readString(report.resolve("impact.json"));
        assertTrue(json.contains("\"oldVersion\" : \"2026.1\",\n      \"newVersion\" : \"2027.1\"\n"), json);
        String html = Files.readString(report.resolve("impact.html"));
        assertTrue(html.contains("DENIED <span class=\"version\">(2026.1)</span>")
                && html.contains("APPROVED <span class=\"version\">(2027.1)</span>"), html);
        assertTrue(html.contains("2026.1 from 2026-01-01, 2027.1 from 2027-01-01"), html);
    }

    @Test
    void claimsDatedBeforeTheNewVersionNeverChangeAndThoseAfterChangeExactlyWhenTheLongerTermCoversThem()
            throws IOException {
        String template = Files.readAllLines(TestHistories.FOLDER.resolve("claims.jsonl"), StandardCharsets.UTF_8).get(0);
        Random random = new Random(20_270_101L);
        List<String> claims = new ArrayList<>();
        Set<Long> expected = new TreeSet<>();
        int before = 0;
        for (int i = 1; i <= 160; i++) {
            // incident dates from mid-2026 to mid-2028; ages below 96, between the terms, above 120 months
            LocalDate incident = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(2 * 365 + 180));
            int[] band = switch (random.nextInt(3)) {
                case 0 -> new int[] {60, 90};
                case 1 -> new int[] {100, 116};
                default -> new int[] {125, 140};
            };
            int months = band[0] + random.nextInt(band[1] - band[0] + 1);
            LocalDate purchased = incident.minusMonths(months).minusDays(random.nextInt(10));
            LocalDate submitted = incident.plusDays(random.nextInt(20));
            claims.add(template.replace("\"H-01\"", String.format("\"P-%03d\"", i))
                    .replace("\"submittedOn\":\"2026-11-23\"", "\"submittedOn\":\"" + submitted + "\"")
                    .replace("\"purchasedOn\":\"2018-07-15\"", "\"purchasedOn\":\"" + purchased + "\"")
                    .replace("\"occurredOn\":\"2026-11-20\"", "\"occurredOn\":\"" + incident + "\""));
            if (incident.isBefore(ADDED)) {
                before++;
            } else if (band[0] == 100) {
                expected.add((long) i);
            }
        }
        assertTrue(before >= 40 && expected.size() >= 15, "both sides of the date are well represented");
        Path in = dir.resolve("battery.jsonl");
        Files.write(in, claims, StandardCharsets.UTF_8);
        ImpactSummary s = ImpactRun.builder().oldHistory(TestHistories.first()).newHistory(TestHistories.both())
                .asOf(AsOf.INCIDENT).input(in).reportDir(dir.resolve("report")).threads(2).batchLines(25).top(1000)
                .build().run();

        Set<Long> moved = new TreeSet<>();
        for (ImpactRow r : s.largest()) {
            moved.add(r.line());
            LocalDate date = LocalDate.parse(claims.get((int) r.line() - 1).replaceAll(".*\"occurredOn\":\"([0-9-]+)\".*", "$1"));
            assertTrue(!date.isBefore(ADDED), r.claimId() + " dated " + date + " changed");
            assertEquals("2026.1", r.oldVersion());
            assertEquals("2027.1", r.newVersion());
        }
        assertEquals(expected, moved);
        assertEquals(expected.size(), s.changed());
        assertEquals(0, s.errorLines());
        assertTrue(s.newPayable().compareTo(s.oldPayable()) > 0, "the longer term pays more");
        assertNull(s.largest().stream().filter(r -> r.newStatus() == ImpactStatus.DENIED).findAny().orElse(null),
                "every moved claim is no longer denied");
    }
}

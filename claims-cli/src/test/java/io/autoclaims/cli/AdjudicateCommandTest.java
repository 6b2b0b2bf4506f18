package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims adjudicate} end to end, in-process: backlog in, one record per line out, exit codes. */
class AdjudicateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Delivered 2021-01-10, failure 2024-05-20: month 41, past the default 36-month whole-vehicle term. */
    private static final String OLD_CAR = "{\"claimId\":\"W-OLD\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2021-01-10\",\"odometerKm\":52000,"
            + "\"warrantyRegistered\":true},"
            + "\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"STEERING\",\"part\":\"转向机总成\",\"repairCostCny\":1800.00,"
            + "\"replaceCostCny\":6200.00}],\"documents\":[\"REPAIR_ORDER\"]}";

    @TempDir
    Path dir;

    private record Run(int status, String out, String err, List<String> lines) {
    }

    private Run run(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ClaimsCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        Path outFile = dir.resolve("out.jsonl");
        List<String> lines = Files.exists(outFile) ? Files.readAllLines(outFile, StandardCharsets.UTF_8) : List.of();
        return new Run(status, out.toString(), err.toString(), lines);
    }

    private Path backlog(String... lines) throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return in;
    }

    @Test
    void writesOneRecordPerInputLineInOrder() throws IOException {
        Path in = backlog(OLD_CAR, "not json", OLD_CAR.replace("W-OLD", "W-OLD-2").replace("\"odometerKm\":52000",
                "\"odometerKm\":-5"), "", OLD_CAR.replace("W-OLD", "W-OLD-3"));
        Run r = run("adjudicate", "--in", in.toString(), "--out", dir.resolve("out.jsonl").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(5, r.lines().size());
        assertEquals("W-OLD", JSON.readTree(r.lines().get(0)).get("claimId").asText());
        JsonNode notJson = JSON.readTree(r.lines().get(1));
        assertEquals(2, notJson.get("line").asInt());
        assertEquals("INVALID_JSON", notJson.get("error").get("code").asText());
        JsonNode negative = JSON.readTree(r.lines().get(2));
        assertEquals("W-OLD-2", negative.get("claimId").asText());
        assertEquals("vehicle.odometerKm", negative.get("error").get("field").asText());
        assertEquals(4, JSON.readTree(r.lines().get(3)).get("line").asInt());
        assertEquals("W-OLD-3", JSON.readTree(r.lines().get(4)).get("claimId").asText());
        assertTrue(r.err().contains("5 lines adjudicated"), r.err());
    }

    @Test
    void anEditedTermInACopyOfTheWorkbookChangesTheVerdict() throws IOException {
        Path in = backlog(OLD_CAR);
        Path out = dir.resolve("out.jsonl");
        Run before = run("adjudicate", "--in", in.toString(), "--out", out.toString());
        JsonNode expired = JSON.readTree(before.lines().get(0));
        assertEquals("DENIED", expired.get("decision").asText());
        assertEquals("WARRANTY_EXPIRED", expired.get("reasons").get(0).get("code").asText());

        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Path workbook = rules.resolve("warranty.xlsx");
        Files.write(workbook, withWholeVehicleTermOf(48));
        Run after = run("adjudicate", "--rules", rules.toString(), "--in", in.toString(), "--out", out.toString());
        assertEquals(0, after.status(), after.err());
        JsonNode covered = JSON.readTree(after.lines().get(0));
        assertEquals("APPROVED", covered.get("decision").asText(), covered.toString());
        assertEquals("REPAIR", covered.get("remedy").asText());
        assertTrue(after.lines().get(0).contains("\"payableCny\":1800.00,"), after.lines().get(0));
        assertEquals("COVERED_REPAIR", covered.get("reasons").get(0).get("code").asText());
        assertTrue(!covered.get("rulebook").get("fingerprint").asText()
                .equals(expired.get("rulebook").get("fingerprint").asText()), "an edited workbook has a new fingerprint");
    }

    @Test
    void aWorkbookErrorExitsWithItsCellOnStandardError() throws IOException {
        Path workbook = dir.resolve("warranty.xlsx");
        Files.write(workbook, withWholeVehicleTermOf("3 years"));
        Run r = run("adjudicate", "--rules", workbook.toString(), "--in", backlog(OLD_CAR).toString());
        assertEquals(ClaimsCli.RULEBOOK, r.status());
        assertTrue(r.err().contains("warranty.xlsx!Terms 保修期限!C9: \"3 years\" is not a whole number of months"),
                r.err());
    }

    @Test
    void aMissingInputFileIsAUsageError() throws IOException {
        Run r = run("adjudicate", "--in", dir.resolve("nope.jsonl").toString());
        assertEquals(ClaimsCli.USAGE, r.status());
        assertTrue(r.err().contains("nope.jsonl"), r.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() throws IOException {
        assertEquals(ClaimsCli.USAGE, run("adjudicate", "--frobnicate").status());
    }

    @Test
    void helpListsTheOptionsAndExitCodes() throws IOException {
        Run r = run("adjudicate", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--rules") && r.out().contains("--in") && r.out().contains("--out"), r.out());
        assertTrue(r.out().contains("Exit status"), r.out());
    }

    @Test
    void readsStandardInputAndWritesStandardOutput() throws IOException {
        InputStream stdin = System.in;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(("\uFEFF" + OLD_CAR + "\r\n").getBytes(StandardCharsets.UTF_8)));
            // standard output as ClaimsCli's seam takes it (descriptor 1 in the process; System.out is not used)
            assertEquals(0, ClaimsCli.run(captured, new PrintWriter(err, true), "adjudicate"), err.toString());
        } finally {
            System.setIn(stdin);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length);
        assertEquals("W-OLD", JSON.readTree(lines[0]).get("claimId").asText());
    }

    @Test
    void withoutOutTheRecordsGoToTheCallersWriter() throws IOException {
        Run r = run("adjudicate", "--in", backlog(OLD_CAR, OLD_CAR.replace("W-OLD", "W-OLD-2")).toString());
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertEquals("W-OLD-2", JSON.readTree(lines[1]).get("claimId").asText());
    }

    /** The shipped workbook with the whole-vehicle term (the Terms row whose system is blank) changed. */
    private static byte[] withWholeVehicleTermOf(Object months) throws IOException {
        try (InputStream in = AdjudicateCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx");
                Workbook wb = WorkbookFactory.create(in);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet terms = wb.getSheet("Terms 保修期限");
            for (Row row : terms) {
                if (row.getRowNum() >= 5 && row.getCell(0) != null && "T-04".equals(row.getCell(0).getStringCellValue())) {
                    if (months instanceof Integer m) {
                        row.getCell(2).setCellValue(m);
                    } else {
                        row.getCell(2).setCellValue(months.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}

package io.autoclaims.rules.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.model.Claim;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The shipped workbooks as other programs write them (the committed corpus under
 * src/test/resources/corpus, and POI's streaming writer at test time) load with the shipped
 * fingerprint and give byte-identical verdicts; the LibreOffice-edited copy has exactly its edit.
 */
class CorpusTest {

    @Test
    void theShippedWorkbooksRoundTrippedThroughLibreOfficeBehaveAsShipped() {
        Map<String, byte[]> lo = Corpus.folder("libreoffice");
        // the point of the corpus: LibreOffice writes booleans as TRUE()/FALSE() formulas
        assertTrue(part(lo.get("warranty.xlsx"), "xl/worksheets/sheet5.xml").contains("<f aca=\"false\">TRUE()</f>"));
        Corpus.assertSameAsShipped("LibreOffice round trip", lo);
    }

    @Test
    void theShippedWorkbooksSavedByOpenpyxlBehaveAsShipped() {
        Map<String, byte[]> py = Corpus.folder("openpyxl");
        // openpyxl's own part names (POI and LibreOffice write xl/commentsN.xml and vmlDrawingN.vml)
        assertTrue(part(py.get("warranty.xlsx"), "xl/comments/comment1.xml").contains("<commentList>"));
        Corpus.assertSameAsShipped("openpyxl", py);
    }

    @Test
    void theShippedWorkbooksWrittenByPoisStreamingWriterBehaveAsShipped() {
        Map<String, byte[]> sxssf = new HashMap<>();
        Corpus.shipped().forEach((name, bytes) -> sxssf.put(name, streamingCopy(bytes)));
        // data descriptors: the zip java.util.zip.ZipInputStream cannot read, and the guard used to refuse
        IOException e = assertThrows(IOException.class, () -> unzipWithZipInputStream(sxssf.get("warranty.xlsx")));
        assertTrue(e.getMessage().contains("invalid entry size"), e.getMessage());
        Corpus.assertSameAsShipped("SXSSF", sxssf);
    }

    @Test
    void theLibreOfficeEditedCopyHasItsEditAndNothingElse() throws IOException {
        byte[] edited = Corpus.resource("/corpus/libreoffice-edited/warranty.xlsx");
        String terms = part(edited, "xl/worksheets/sheet4.xml");
        assertTrue(terms.contains("<c r=\"C9\" s=\"11\" t=\"n\"><v>48</v></c>"), "the typed months");
        assertTrue(part(edited, "xl/worksheets/sheet11.xml").contains("<c r=\"D6\" s=\"15\" t=\"b\"><v>1</v></c>"),
                "the picked boolean");
        Rulebook shipped = Corpus.rulebook(Map.of());
        Rulebook lo = Corpus.rulebook(Map.of("warranty.xlsx", edited));
        Rulebook expected = Corpus.rulebook(Map.of("warranty.xlsx", poiEdited()));
        assertNotEquals(shipped.fingerprint(), lo.fingerprint());
        // the same cells as the same edit made through POI: the rest of LibreOffice's file is as shipped
        assertEquals(expected.fingerprint(), lo.fingerprint());
        assertEquals(Corpus.verdicts(expected), Corpus.verdicts(lo));
        assertEquals(Corpus.failures(expected), Corpus.failures(lo));

        // 48 months for the whole vehicle: a brake fault in month 42 is now covered
        Verdict before = Adjudicator.of(shipped).adjudicate(MONTH_42);
        Verdict after = Adjudicator.of(lo).adjudicate(MONTH_42);
        assertEquals(List.of("WARRANTY_EXPIRED"), codes(before));
        assertEquals("DENIED", before.decision().name());
        assertEquals(List.of("COVERED_REPAIR"), codes(after));
        assertEquals("APPROVED", after.decision().name());
        assertEquals(0, new java.math.BigDecimal("950.00").compareTo(after.payableCny()));

        // SC-01 now TRUE: a commercial vehicle's engine gets the 三包 assembly replacement it was excluded from
        Verdict commercialBefore = Adjudicator.of(shipped).adjudicate(claim("W-028"));
        Verdict commercialAfter = Adjudicator.of(lo).adjudicate(claim("W-028"));
        assertFalse(codes(commercialBefore).contains("SANBAO_ASSEMBLY"), codes(commercialBefore).toString());
        assertTrue(codes(commercialAfter).contains("SANBAO_ASSEMBLY"), codes(commercialAfter).toString());
        assertNotEquals(commercialBefore.remedy(), commercialAfter.remedy());

        // every other claim of the backlogs: the same verdict
        List<String> changed = new java.util.ArrayList<>();
        Map<String, String> shippedVerdicts = Corpus.verdicts(shipped);
        Map<String, String> loVerdicts = Corpus.verdicts(lo);
        for (String backlog : shippedVerdicts.keySet()) {
            String[] a = shippedVerdicts.get(backlog).split("\n");
            String[] b = loVerdicts.get(backlog).split("\n");
            assertEquals(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                String withoutRulebook = a[i].replace(shipped.fingerprint(), lo.fingerprint());
                if (!withoutRulebook.equals(b[i])) {
                    changed.add(backlog + ":" + a[i].substring(12, a[i].indexOf('"', 12)));
                    // only verdicts that read the whole-vehicle term or met the commercial-use exclusion
                    assertTrue(WHOLE_VEHICLE_TERM.matcher(a[i]).find() || a[i].contains("COMMERCIAL_USE_NO_SANBAO"),
                            backlog + " line " + (i + 1) + " changed:\n" + a[i] + "\n" + b[i]);
                }
            }
        }
        assertTrue(changed.containsAll(List.of("examples/claims/warranty.jsonl:W-028",
                "examples/claims/warranty.jsonl:W-034", "examples/claims/assistance.jsonl:A-001")), changed.toString());
        System.out.println("LibreOffice-edited warranty.xlsx changes the verdicts of " + changed);
    }

    @Test
    void aRealFormulaInALibreOfficeFileIsRefusedAtItsCell() {
        // LibreOffice's TRUE()/FALSE() cells stay; one computed value is refused where it stands
        byte[] withFormula = edit(Corpus.folder("libreoffice").get("warranty.xlsx"),
                wb -> wb.getSheet("Terms 保修期限").getRow(5).getCell(2).setCellFormula("8*12"));
        RulebookException e = assertThrows(RulebookException.class,
                () -> Corpus.rulebook(Map.of("warranty.xlsx", withFormula)));
        assertEquals(1, e.errors().size(), e.getMessage());
        WorkbookIssue issue = e.errors().get(0);
        assertEquals("FORMULA", issue.code());
        assertEquals("warranty.xlsx!Terms 保修期限!C6", issue.where().toString());
        assertEquals("formulas are not allowed in rule rows", issue.message());
        assertEquals("规则行中不允许使用公式", issue.messageZh());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static final java.util.regex.Pattern WHOLE_VEHICLE_TERM =
            java.util.regex.Pattern.compile("\"(line|vehicle)\\.termMonths\",\"value\":36\\b");

    /** A brake fault (whole-vehicle term, T-04) 42 months after purchase, well within the km term. */
    private static final Claim MONTH_42 = parse("{\"claimId\":\"M-42\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2020-11-10\",\"odometerKm\":52000,"
            + "\"warrantyRegistered\":true},\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"制动主缸\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\"]}");

    private static Claim claim(String id) {
        return parse(Corpus.backlogs().get("examples/claims/warranty.jsonl").lines()
                .filter(l -> l.contains("\"claimId\":\"" + id + "\"")).findFirst().orElseThrow());
    }

    private static Claim parse(String json) {
        return ((ReadResult.Ok) ClaimCodec.create().read(json, 1)).claim();
    }

    private static List<String> codes(Verdict v) {
        return v.reasons().stream().map(Reason::code).distinct().toList();
    }

    /** The edit the LibreOffice script makes, made with POI on the shipped workbook. */
    private static byte[] poiEdited() {
        return edit(Corpus.shipped().get("warranty.xlsx"), wb -> {
            wb.getSheet("Terms 保修期限").getRow(8).getCell(2).setCellValue(48);
            wb.getSheet("Sanbao scope 三包适用").getRow(5).getCell(3).setCellValue(true);
        });
    }

    static byte[] edit(byte[] bytes, Consumer<Workbook> change) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every cell of a workbook copied into POI's streaming writer (inline strings, data descriptors),
     * with the number format of each dated cell, and its merged regions.
     */
    static byte[] streamingCopy(byte[] bytes) {
        try (Workbook in = WorkbookFactory.create(new ByteArrayInputStream(bytes));
                SXSSFWorkbook out = new SXSSFWorkbook(100);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            Map<String, CellStyle> formats = new HashMap<>();
            for (Sheet s : in) {
                Sheet copy = out.createSheet(s.getSheetName());
                for (Row r : s) {
                    Row row = copy.createRow(r.getRowNum());
                    for (Cell c : r) {
                        Cell cell = row.createCell(c.getColumnIndex());
                        switch (c.getCellType()) {
                            case STRING -> cell.setCellValue(c.getStringCellValue());
                            case BOOLEAN -> cell.setCellValue(c.getBooleanCellValue());
                            case NUMERIC -> {
                                cell.setCellValue(c.getNumericCellValue());
                                if (DateUtil.isCellDateFormatted(c)) {
                                    String format = c.getCellStyle().getDataFormatString();
                                    cell.setCellStyle(formats.computeIfAbsent(format, f -> {
                                        CellStyle style = out.createCellStyle();
                                        style.setDataFormat(out.createDataFormat().getFormat(f));
                                        return style;
                                    }));
                                }
                            }
                            case BLANK -> {
                            }
                            default -> throw new IllegalStateException(c.getCellType() + " at " + c.getAddress());
                        }
                    }
                }
                s.getMergedRegions().forEach(copy::addMergedRegion);
            }
            out.write(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unzipWithZipInputStream(byte[] zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            while (in.getNextEntry() != null) {
                in.readAllBytes();
            }
        }
    }

    /** One part of an xlsx as text. */
    static String part(byte[] xlsx, String name) {
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx))
                .get()) {
            var entry = zip.getEntry(name);
            if (entry == null) {
                throw new AssertionError("no part " + name);
            }
            try (var in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

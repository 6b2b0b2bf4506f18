package io.autoclaims.rules.internal.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.WorkbookIssue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The guard reads the zip's central directory (so the data-descriptor zips of POI's streaming writer
 * load), keeps its limits on what really inflates, and finds macros by what the package declares and
 * what its parts hold, whatever they are named.
 */
class WorkbookGuardTest {
    private static final byte[] SHIPPED = resource("/io/autoclaims/rules/default/warranty.xlsx");
    /** A real VBA project (an OLE2 compound file), from Excel's SimpleMacro.xlsm in POI's test data. */
    private static final byte[] VBA = parts(resource("/corpus/poi/SimpleMacro.xlsm")).get("xl/vbaProject.bin");

    @Test
    void aZipWithDataDescriptorsIsRead() throws IOException {
        byte[] bytes;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("S").createRow(0).createCell(0).setCellValue("streamed 流式");
            wb.write(out);
            bytes = out.toByteArray();
        }
        IOException e = assertThrows(IOException.class, () -> {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                while (in.getNextEntry() != null) {
                    in.readAllBytes();
                }
            }
        });
        assertTrue(e.getMessage().startsWith("invalid entry size"), "what the guard used to report: " + e.getMessage());
        assertEquals(List.of(), issues(bytes));
    }

    @Test
    void aZipBombWrittenWithDataDescriptorsIsRefused() {
        // the local headers give no sizes; the directory gives the packed size, the inflater the real one
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        parts.put("xl/media/image1.png", new byte[10 << 20]); // under the unpacked total: the ratio refuses it
        WorkbookIssue e = only(streamed(parts));
        assertEquals("ZIP_BOMB", e.code(), e.toString());
        assertTrue(e.message().contains("xl/media/image1.png"), e.message());
    }

    @Test
    void whatUnpacksPastTheTotalIsRefusedWithDataDescriptors() {
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 5; i++) {
            byte[] noise = new byte[(int) (WorkbookGuard.MAX_UNCOMPRESSED_BYTES / 4)];
            random.nextBytes(noise); // incompressible: no ratio to trip over, only the total
            parts.put("xl/media/noise" + i + ".bin", noise);
        }
        byte[] bytes = streamed(parts);
        // the file itself is small enough: only counting what inflates refuses it
        assertTrue(bytes.length <= WorkbookGuard.MAX_FILE_BYTES, "a file size the guard admits");
        assertEquals("WORKBOOK_TOO_LARGE", only(bytes).code());
    }

    @Test
    void tooManyEntriesAreRefusedBeforeTheDirectoryIsRead() {
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        for (int i = 0; i <= WorkbookGuard.MAX_PARTS; i++) {
            parts.put("xl/media/x" + i + ".txt", new byte[] {'x'});
        }
        WorkbookIssue e = only(streamed(parts));
        assertEquals("WORKBOOK_TOO_LARGE", e.code());
        assertTrue(e.message().contains("entries, more than the " + WorkbookGuard.MAX_PARTS), e.message());
        assertTrue(e.messageZh().contains("个条目"), e.messageZh());
    }

    @Test
    void aRenamedVbaProjectIsRefusedByWhatItHolds() {
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        parts.put("xl/media/image1.png", VBA);
        WorkbookIssue e = only(stored(parts));
        assertEquals("MACRO_WORKBOOK", e.code());
        assertEquals("warranty.xlsx", e.where().toString());
        assertTrue(e.message().contains("xl/media/image1.png") && e.message().contains("OLE compound file"),
                e.message());
        assertTrue(e.messageZh().contains("OLE 复合文件"), e.messageZh());
        assertTrue(e.hintZh().contains(".xlsx"), e.hintZh());
    }

    @Test
    void aVbaProjectDeclaredByContentTypeIsRefusedWhateverItsNameAndBytes() {
        // an Override for the renamed part, and a Default for every .dat part
        for (String declaration : List.of(
                "<Override PartName=\"/xl/data.xml\" ContentType=\"application/vnd.ms-office.vbaProject\"/>",
                "<Default Extension=\"dat\" ContentType=\"application/vnd.ms-office.vbaProject\"/>",
                // the XML parser reads what a regular expression would miss
                "<Override PartName='/xl/data.xml' ContentType='application/vnd.ms-office.vba&#x50;roject'/>")) {
            Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
            String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
            parts.put("[Content_Types].xml", types.replace("</Types>", declaration + "</Types>")
                    .getBytes(StandardCharsets.UTF_8));
            parts.put("xl/data.dat", new byte[] {1, 2, 3});
            WorkbookIssue e = only(stored(parts));
            assertEquals("MACRO_WORKBOOK", e.code(), declaration);
            assertTrue(e.message().contains("content type application/vnd.ms-office.vbaProject"), e.message());
        }
    }

    @Test
    void aVbaProjectRelationshipIsRefused() {
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        String rels = new String(parts.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8);
        parts.put("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>",
                "<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\""
                        + " Target=\"notes.txt\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/notes.txt", "harmless".getBytes(StandardCharsets.UTF_8));
        WorkbookIssue e = only(stored(parts));
        assertEquals("MACRO_WORKBOOK", e.code());
        assertTrue(e.message().contains("relationship of type"), e.message());
    }

    @Test
    void aMacroEnabledWorkbookRenamedToXlsxIsRefused() {
        // Excel's own macro workbooks (POI's test data): a VBA project, and an Excel 4 macro sheet
        assertEquals("MACRO_WORKBOOK", only(resource("/corpus/poi/SimpleMacro.xlsm")).code());
        byte[] xlm = resource("/corpus/poi/xlmmacro.xlsm");
        assertEquals("MACRO_WORKBOOK", only(xlm).code());
        // declared as a plain workbook, its macro sheet still gives it away
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(xlm));
        String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
        assertTrue(types.contains("sheet.macroEnabled.main+xml"), types);
        parts.put("[Content_Types].xml", types.replace("application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
                .getBytes(StandardCharsets.UTF_8));
        WorkbookIssue e = only(stored(parts));
        assertEquals("MACRO_WORKBOOK", e.code());
        assertTrue(e.message().contains("macrosheet+xml"), e.message());
    }

    @Test
    void anOldBinaryWorkbookWithAVbaProjectIsRefusedWhateverItsName() {
        WorkbookIssue e = only(resource("/corpus/poi/SimpleMacro.xls"));
        assertEquals("MACRO_WORKBOOK", e.code());
        assertTrue(e.message().contains("_VBA_PROJECT_CUR"), e.message());
    }

    @Test
    void aPartHiddenFromTheCentralDirectoryIsRefused() {
        // two parts of equal name length; the directory's copy of one name is changed, its local header is not
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        parts.put("xl/media/hidden1.bin", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        byte[] bytes = stored(parts);
        byte[] name = "xl/media/hidden1.bin".getBytes(StandardCharsets.US_ASCII);
        int last = lastIndexOf(bytes, name);
        bytes[last + name.length - 5] = '2';
        WorkbookIssue e = only(bytes);
        assertEquals("UNREADABLE_WORKBOOK", e.code(), e.toString());
        assertTrue(e.message().contains("xl/media/hidden1.bin") && e.message().contains("central directory"),
                e.message());
    }

    @Test
    void aLocalEntryThatIsNotTheDirectorysPartIsRefused() {
        // local "EVIL" Terms sheet, a stray directory signature that ends a reader's walk through the
        // local headers, then the "GOOD" one the directory points at: Excel would show the good rules,
        // POI and FastXlsx (reading local headers in order) would run the evil ones
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        String terms = "xl/worksheets/sheet4.xml";
        byte[] good = parts.remove(terms);
        byte[] evil = new String(good, StandardCharsets.UTF_8).replace("<v>96</v>", "<v>960</v>")
                .getBytes(StandardCharsets.UTF_8);
        HandZip zip = new HandZip();
        parts.forEach((name, content) -> zip.listed(zip.local(name, content)));
        zip.local(terms, evil);
        zip.raw(new byte[] {'P', 'K', 1, 2});
        zip.listed(zip.local(terms, good));
        WorkbookIssue e = only(zip.bytes());
        assertEquals("UNREADABLE_WORKBOOK", e.code(), e.toString());
        assertTrue(e.message().contains(terms) && e.message().contains("two different contents"), e.message());
        assertTrue(e.messageZh().contains("两份不同的内容"), e.messageZh());
    }

    @Test
    void aDirectoryPartTheLocalEntriesNeverReachIsRefused() {
        // the last part sits behind a stray directory signature: the readers never see it
        Map<String, byte[]> parts = new LinkedHashMap<>(parts(SHIPPED));
        String terms = "xl/worksheets/sheet4.xml";
        byte[] hidden = parts.remove(terms);
        HandZip zip = new HandZip();
        parts.forEach((name, content) -> zip.listed(zip.local(name, content)));
        zip.raw(new byte[] {'P', 'K', 1, 2});
        zip.listed(zip.local(terms, hidden));
        WorkbookIssue e = only(zip.bytes());
        assertEquals("UNREADABLE_WORKBOOK", e.code(), e.toString());
        assertTrue(e.message().contains(terms) && e.message().contains("do not reach"), e.message());
        // the same parts written plainly pass
        HandZip plain = new HandZip();
        parts(SHIPPED).forEach((name, content) -> plain.listed(plain.local(name, content)));
        assertEquals(List.of(), issues(plain.bytes()));
    }

    @Test
    void twoPartsWhoseNamesDifferOnlyInCaseAreRefused() {
        // Excel Online wrote xl/worksheets/sheet1.xml and xl/worksheets/Sheet1.xml (POI's test data)
        WorkbookIssue e = only(resource("/corpus/poi/duplicate-filename-case-insensitive.xlsx"));
        assertEquals("UNREADABLE_WORKBOOK", e.code());
        assertTrue(e.message().contains("twice"), e.message());
    }

    @Test
    void theShippedWorkbooksPass() {
        for (String name : List.of("warranty", "insurance", "assistance")) {
            assertEquals(List.of(), issues(resource("/io/autoclaims/rules/default/" + name + ".xlsx")), name);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static List<WorkbookIssue> issues(byte[] bytes) {
        List<WorkbookIssue> issues = new ArrayList<>();
        boolean passed = WorkbookGuard.check("warranty.xlsx", bytes, issues);
        assertEquals(issues.isEmpty(), passed, issues.toString());
        return issues;
    }

    private static WorkbookIssue only(byte[] bytes) {
        List<WorkbookIssue> issues = issues(bytes);
        assertEquals(1, issues.size(), issues.toString());
        assertTrue(issues.get(0).isError());
        assertTrue(issues.get(0).messageZh() != null && issues.get(0).hintZh() != null, "in Chinese too");
        return issues.get(0);
    }

    static byte[] resource(String name) {
        try (InputStream in = WorkbookGuardTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of a zip, by name, in order. */
    static Map<String, byte[]> parts(byte[] zip) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile z = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(z.getEntriesInPhysicalOrder())) {
                try (InputStream in = z.getInputStream(e)) {
                    parts.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /** A zip written to a stream that cannot seek: every entry has a data descriptor, as SXSSF writes. */
    private static byte[] streamed(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new FilterOutputStream(out) {
            // hides the buffer's type, so the writer cannot seek back to fill in sizes
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        })) {
            write(zip, parts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip with sizes in its local headers. */
    private static byte[] stored(Map<String, byte[]> parts) {
        try (SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel()) {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
                write(zip, parts);
            }
            return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ZipArchiveOutputStream zip, Map<String, byte[]> parts) throws IOException {
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            zip.putArchiveEntry(new ZipArchiveEntry(p.getKey()));
            zip.write(p.getValue());
            zip.closeArchiveEntry();
        }
    }

    /** A zip written byte by byte: stored local entries, stray bytes, and a directory of chosen entries. */
    private static final class HandZip {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream directory = new ByteArrayOutputStream();
        private int listed;

        /** A stored local entry; returns its directory record (not yet listed). */
        byte[] local(String name, byte[] content) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            int offset = out.size();
            java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0x21).putInt((int) crc.getValue()).putInt(content.length).putInt(content.length)
                    .putShort((short) n.length).putShort((short) 0);
            raw(h.array());
            raw(n);
            raw(content);
            java.nio.ByteBuffer c = java.nio.ByteBuffer.allocate(46).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue()).putInt(content.length)
                    .putInt(content.length).putShort((short) n.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
            byte[] record = java.util.Arrays.copyOf(c.array(), 46 + n.length);
            System.arraycopy(n, 0, record, 46, n.length);
            return record;
        }

        void listed(byte[] record) {
            directory.writeBytes(record);
            listed++;
        }

        void raw(byte[] bytes) {
            out.writeBytes(bytes);
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(directory.toByteArray());
            java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) listed)
                    .putShort((short) listed).putInt(directory.size()).putInt(out.size()).putShort((short) 0);
            all.writeBytes(end.array());
            return all.toByteArray();
        }
    }

    private static int lastIndexOf(byte[] bytes, byte[] what) {
        for (int i = bytes.length - what.length; i >= 0; i--) {
            if (java.util.Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}

package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.ShippedWorkbooks;
import io.autoclaims.rules.testing.WorkbookPatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken workbooks are refused with a clear error, in bounded memory, executing nothing. */
class HostileWorkbookTest {

    @TempDir
    Path dir;

    private static WorkbookIssue refused(String file, byte[] bytes) {
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.fromWorkbooks(Map.of(file, bytes)));
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.errors().get(0);
    }

    @Test
    void macroEnabledFilesAreRefusedByName() {
        WorkbookIssue e = refused("warranty.xlsm", ShippedWorkbooks.warranty());
        assertEquals("MACRO_WORKBOOK", e.code());
        assertEquals("warranty.xlsm", e.where().toString());
    }

    @Test
    void macrosInsideAnXlsxAreRefused() throws IOException {
        byte[] bytes = withExtraPart(ShippedWorkbooks.warranty(), "xl/vbaProject.bin", new byte[] {1, 2, 3});
        assertEquals("MACRO_WORKBOOK", refused("warranty.xlsx", bytes).code());
    }

    @Test
    void externalLinksAreRefused() throws IOException {
        byte[] bytes = withExtraPart(ShippedWorkbooks.warranty(), "xl/externalLinks/externalLink1.xml",
                "<externalLink/>".getBytes(StandardCharsets.UTF_8));
        assertEquals("EXTERNAL_LINK", refused("warranty.xlsx", bytes).code());
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            // within the unpacked limit, so that the ratio check is what refuses it
            for (int i = 0; i < (io.autoclaims.rules.internal.workbook.WorkbookGuard.MAX_UNCOMPRESSED_BYTES >> 20) - 2; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        WorkbookIssue e = refused("bomb.xlsx", out.toByteArray());
        assertEquals("ZIP_BOMB", e.code(), e.toString());
    }

    @Test
    void aMillionRowSheetIsRefusedWithoutReadingIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            OutputStream w = zip;
            w.write("<worksheet><sheetData>".getBytes(StandardCharsets.US_ASCII));
            for (int r = 1; r <= 1_000_000; r++) {
                w.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>R-" + r
                        + "</t></is></c></row>").getBytes(StandardCharsets.US_ASCII));
            }
            w.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        WorkbookIssue e = refused("huge.xlsx", out.toByteArray());
        assertTrue(e.code().equals("WORKBOOK_TOO_LARGE") || e.code().equals("ZIP_BOMB"), e.toString());
    }

    @Test
    void aHundredMegabyteFileIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.xlsx");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);
        }
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.load(big));
        assertEquals("WORKBOOK_TOO_LARGE", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().contains("100.0 MB"), e.errors().get(0).message());
    }

    @Test
    void aMacroWorkbookInARulesFolderIsNotSkippedSilently() throws IOException {
        Files.write(dir.resolve("warranty.xlsx"), ShippedWorkbooks.warranty());
        Files.write(dir.resolve("extra.xlsm"), ShippedWorkbooks.warranty());
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.load(dir));
        assertEquals("MACRO_WORKBOOK", e.errors().get(0).code());
    }

    @Test
    void textThatLooksLikeCodeIsOnlyEverAValue() {
        WorkbookIssue e = refused("warranty.xlsx", WorkbookPatch.of(ShippedWorkbooks.warranty())
                .set("Terms", "B6", "ENGINE\"); java.lang.Runtime.getRuntime().exec(\"rm\"); //").bytes());
        assertEquals("UNKNOWN_VALUE", e.code());
        assertEquals("B6", e.where().cell());
    }

    /** A copy of an xlsx with one more part in its zip. */
    private static byte[] withExtraPart(byte[] xlsx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}

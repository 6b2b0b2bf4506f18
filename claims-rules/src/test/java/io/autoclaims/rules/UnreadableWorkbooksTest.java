package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.testing.RawXlsx;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is not a readable workbook gets the library's own reason in English and Chinese: the
 * readers' exception texts (English only, different in every version, quoting the file's bytes)
 * never reach the analyst. Each case is a file a person or a program really makes: an empty file, a
 * text file renamed .xlsx, a copy cut short, a damaged download, a broken part, a workbook saved
 * with a password to open, an Excel 95 file, a Word file, a path that does not exist.
 */
class UnreadableWorkbooksTest {
    private static final String PREFIX = "the file cannot be read as an Excel workbook: ";
    private static final String PREFIX_ZH = "文件无法作为 Excel 工作簿读取：";
    private static final byte[] SHIPPED = Rulebook.defaultWorkbooks().get("warranty.xlsx");

    @Test
    void anEmptyFile() {
        assertReason(new byte[0], "the file is empty", "文件是空的");
    }

    @Test
    void aTextFileNamedXlsx() {
        assertReason("claim_id,decision\nW-1,APPROVED\n".getBytes(StandardCharsets.UTF_8),
                "it is not an Excel workbook (.xlsx or .xls)", "它不是 Excel 工作簿（.xlsx 或 .xls）");
    }

    @Test
    void aCopyCutShort() {
        assertReason(Arrays.copyOf(SHIPPED, SHIPPED.length / 2),
                "its zip container is damaged or cut short", "文件的 zip 容器已损坏或不完整");
    }

    @Test
    void aDownloadWithDamagedBytesInsideAPart() {
        // the Terms sheet's compressed data overwritten in the middle: the directory is intact
        byte[] damaged = SHIPPED.clone();
        int at = indexOf(damaged, "xl/worksheets/sheet4.xml".getBytes(StandardCharsets.US_ASCII)) + 200;
        Arrays.fill(damaged, at, at + 64, (byte) 0xFF);
        assertReason(damaged, "its zip container is damaged or cut short", "文件的 zip 容器已损坏或不完整");
    }

    @Test
    void aPackagePartThatIsNotWellFormedXml() {
        byte[] broken = RawXlsx.patch(SHIPPED, "[Content_Types].xml", "<Types ", "<Types <<");
        assertReason(broken, "a part of it is not well-formed XML", "其中某个部件不是格式正确的 XML");
    }

    @Test
    void aWorkbookWithAPasswordToOpen() throws Exception {
        assertReason(encrypted(SHIPPED), "the workbook is encrypted with a password to open",
                "工作簿设置了打开密码，已被加密");
    }

    @Test
    void anExcel95File() throws IOException {
        // BIFF5 keeps its records in a stream named "Book" (BIFF8, Excel 97 on: "Workbook")
        assertReason(compoundFile("Book"), "it is an Excel 95 or older file, which nothing here reads",
                "这是 Excel 95 或更早版本的文件，无法读取");
    }

    @Test
    void aWordFileNamedXlsx() throws IOException {
        assertReason(compoundFile("WordDocument"), "its content is damaged or in a form this library does not read",
                "其内容已损坏，或是本库无法读取的形式");
    }

    @Test
    void aPathThatDoesNotExistNamesOnlyThePath(@TempDir Path dir) {
        Path missing = dir.resolve("warranty.xlsx");
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.load(missing));
        WorkbookIssue issue = e.errors().get(0);
        assertEquals("UNREADABLE_FILE", issue.code());
        assertEquals("cannot read " + missing + ": it does not exist", issue.message());
        assertEquals("无法读取 " + missing + "：文件不存在", issue.messageZh());
    }

    @Test
    void aPathThroughAFileNamesOnlyThePath(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.write(dir.resolve("rules"), SHIPPED);
        Path through = notAFolder.resolve("warranty.xlsx");
        RulebookException e = assertThrows(RulebookException.class, () -> Rulebook.load(through));
        assertEquals("cannot read " + through + ": the file system refused it", e.errors().get(0).message());
        assertEquals("无法读取 " + through + "：文件系统拒绝了读取", e.errors().get(0).messageZh());
    }

    private static void assertReason(byte[] bytes, String reason, String reasonZh) {
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes)));
        assertEquals(1, e.errors().size(), e.getMessage());
        WorkbookIssue issue = e.errors().get(0);
        assertEquals("UNREADABLE_WORKBOOK", issue.code(), issue.toString());
        assertEquals("warranty.xlsx", issue.where().toString());
        assertEquals(PREFIX + reason, issue.message());
        assertEquals(PREFIX_ZH + reasonZh, issue.messageZh());
        assertTrue(!issue.hint().isBlank() && !issue.hintZh().isBlank(), issue.toString());
    }

    private static byte[] encrypted(byte[] xlsx) throws Exception {
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("理赔2026");
        try (POIFSFileSystem fs = new POIFSFileSystem();
                OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (OutputStream data = encryptor.getDataStream(fs)) {
                opc.save(data);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** An OLE2 compound file holding one stream of that name. */
    private static byte[] compoundFile(String stream) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}

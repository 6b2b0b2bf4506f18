package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code claims check} refuses a million-row sheet and a zip bomb in a 256 MB heap, with a clear error. */
class HostileWorkbookMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aMillionRowSheetAndAZipBombAreRefusedIn256Megabytes() throws IOException, InterruptedException {
        Path huge = dir.resolve("huge.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(huge))) {
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
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        for (Path workbook : List.of(huge, bomb)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = dir.resolve(workbook.getFileName() + ".log");
            Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    ClaimsCli.class.getName(), "check", "--rules", workbook.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "finished");
            String out = Files.readString(log);
            assertEquals(1, p.exitValue(), out);
            assertTrue(out.contains(workbook.getFileName().toString()) && !out.contains("OutOfMemoryError"), out);
            assertTrue(out.contains("unpacks to more than") || out.contains("zip bomb"), out);
        }
    }
}

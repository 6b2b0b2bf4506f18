package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.testkit.SyntheticBacklog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: a line break in the rulebook name passed {@code check}, then {@code reevaluate
 * --checkpoint} exited 2 (the checkpoint cannot hold it). A rulebook name or version holding a line
 * break, a control character or a line separator is refused at its cell ({@code UNSAFE_NAME}) by
 * {@code check} and by every load, and {@code reevaluate --checkpoint} stops at the load (exit 3)
 * before anything, checkpoint or output, is written. (Leading and trailing whitespace, a final
 * {@code \r} included, is trimmed from cells, so only characters inside the text are at issue.)
 */
class RulebookNameCommandTest {
    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /**
     * The shipped warranty workbook with the About value labelled {@code label} set to {@code xml} as
     * spelt in {@code xl/sharedStrings.xml} (a control character as Excel writes it, {@code _x0007_}:
     * POI would write a {@code ?}); returns its cell.
     */
    private static String withAbout(Path file, String label, String xml) throws IOException {
        try (InputStream in = RulebookNameCommandTest.class.getResourceAsStream("/io/autoclaims/rules/default/warranty.xlsx");
                Workbook wb = WorkbookFactory.create(in);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet about = wb.getSheet("About 说明");
            String cell = null;
            for (Row row : about) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().toLowerCase(Locale.ROOT).startsWith(label)
                        && cell == null) {
                    row.getCell(1).setCellValue("@@UNSAFE@@");
                    cell = new CellReference(row.getRowNum(), 1).formatAsString(false);
                }
            }
            assertTrue(cell != null, "a row labelled " + label);
            wb.write(out);
            Files.write(file, rewrite(out.toByteArray(), "xl/sharedStrings.xml", "@@UNSAFE@@", xml));
            return cell;
        }
    }

    private static byte[] rewrite(byte[] xlsx, String part, String from, String to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(part)) {
                    String text = new String(content, StandardCharsets.UTF_8);
                    replaced = text.contains(from);
                    content = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        assertTrue(replaced, from + " in " + part);
        return out.toByteArray();
    }

    @Test
    void unsafeNamesAndVersionsAreRefusedAtTheirCellByCheckAndEveryLoad() throws IOException {
        Path in = dir.resolve("backlog.jsonl");
        SyntheticBacklog.write(in, 50, 3);
        String[][] cases = { // the About row, the value as spelt in the XML, the character
            {"rulebook", "autoclaims&#10;warranty", "U+000A"},
            {"rulebook", "autoclaims\u2028warranty", "U+2028"},
            {"version", "2026_x000D_.1", "U+000D"},
            {"version", "2026_x0007_1", "U+0007"},
            {"version", "2026.1_x001B_[2J", "U+001B"},
        };
        for (String[] c : cases) {
            Path rules = Files.createDirectories(dir.resolve("rules-" + c[2].substring(2)));
            String cell = withAbout(rules.resolve("warranty.xlsx"), c[0], c[1]);
            String where = "warranty.xlsx!About 说明!" + cell;
            String what = c[0] + " = " + c[2];

            CliRun check = run("check", "--rules", rules.toString());
            assertEquals(1, check.status(), what + ": " + check.out() + check.err());
            assertTrue(check.out().contains(where + ": the rulebook " + (c[0].equals("rulebook") ? "name" : "version")),
                    what + ": " + check.out());
            assertTrue(check.out().contains(c[2]), what + ": " + check.out());
            for (String line : check.out().split("\n")) {
                assertFalse(line.contains("\r") || line.contains("\u2028") || line.contains("\u0007")
                        || line.contains("\u001B"), what + ": " + line);
            }
            CliRun json = run("check", "--rules", rules.toString(), "--format", "json");
            assertTrue(json.out().contains("\"code\":\"UNSAFE_NAME\""), what + ": " + json.out());

            CliRun adjudicate = run("adjudicate", "--rules", rules.toString(), "--in", in.toString(), "--out",
                    dir.resolve("adjudicated.jsonl").toString());
            assertEquals(ClaimsCli.RULEBOOK, adjudicate.status(), what + ": " + adjudicate.err());
            assertTrue(adjudicate.err().contains(where), what + ": " + adjudicate.err());

            Path out = dir.resolve("reevaluated.jsonl");
            Path ckpt = dir.resolve("ckpt");
            CliRun reevaluate = run("reevaluate", "--rules", rules.toString(), "--in", in.toString(), "--out", out.toString(),
                    "--checkpoint", ckpt.toString());
            assertEquals(ClaimsCli.RULEBOOK, reevaluate.status(), what + ": " + reevaluate.err());
            assertTrue(reevaluate.err().contains(where) && reevaluate.err().contains(c[2]), what + ": " + reevaluate.err());
            assertFalse(Files.exists(ckpt), what + ": no checkpoint directory is made");
            assertFalse(Files.exists(out), what + ": no output is made");
            assertFalse(Files.exists(dir.resolve("adjudicated.jsonl")), what + ": adjudicate made no output");
        }
    }
}

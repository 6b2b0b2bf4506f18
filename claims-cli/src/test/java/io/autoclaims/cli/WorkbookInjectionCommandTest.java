package io.autoclaims.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13's reproducer, exactly: sheet names of the shipped warranty workbook that end the DRL
 * comment they used to be written into and call {@code System.exit(42)}. Each command that loads a
 * rulebook runs in a child JVM, so a payload that ran would show as exit code 42; every one refuses
 * the rulebook at the two sheets instead.
 */
class WorkbookInjectionCommandTest {
    @TempDir
    static Path dir;
    static Path rules;

    @BeforeAll
    static void writeHostileCopy() throws IOException {
        rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("scenarios"));
        byte[] shipped;
        try (InputStream in = io.autoclaims.rules.Rulebook.class.getResourceAsStream("default/warranty.xlsx")) {
            shipped = in.readAllBytes();
        }
        try (InputStream in = io.autoclaims.rules.Rulebook.class.getResourceAsStream("default/scenarios/warranty.jsonl")) {
            Files.write(rules.resolve("scenarios/warranty.jsonl"), in.readAllBytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(shipped));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/workbook.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace("name=\"Terms 保修期限\"", "name=\"Terms&#10;rule &quot;evil&quot; when then "
                                    + "java.lang.System.exit(42); end&#10;/*\"")
                            .replace("name=\"Coverage 保修范围\"", "name=\"Coverage*/&#10;//\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        Files.write(rules.resolve("warranty.xlsx"), out.toByteArray());
    }

    private static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("examples/claims/warranty.jsonl"))) {
                return p.resolve("examples/claims/warranty.jsonl");
            }
        }
        throw new IllegalStateException("examples/claims/warranty.jsonl not found above " + Path.of("").toAbsolutePath());
    }

    private static String[] child(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClaimsCli.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "child", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "finished");
        return new String[] {String.valueOf(p.exitValue()), Files.readString(log)};
    }

    @Test
    void everyCommandRefusesTheRulebookAtBothSheetsAndRunsNothing() throws Exception {
        String in = examples().toString();
        String[][] runs = {
            child("check", "--rules", rules.toString()),
            child("adjudicate", "--rules", rules.toString(), "--in", in),
            child("test", "--rules", rules.toString()),
            child("explain", "--rules", rules.toString(), "--claim", in, "--line", "1"),
            child("reevaluate", "--rules", rules.toString(), "--in", in, "--out", dir.resolve("out.jsonl").toString()),
            child("impact", "--old", rules.toString(), "--new", rules.toString(), "--in", in,
                    "--report", dir.resolve("report").toString()),
        };
        for (String[] r : runs) {
            assertNotEquals("42", r[0], r[1]);
            assertNotEquals("0", r[0], r[1]);
            assertTrue(r[1].contains("warranty.xlsx!Terms\\u000Arule \"evil\" when then java.lang.System.exit(42); end\\u000A/*: "
                    + "the sheet name"), r[1]);
            assertTrue(r[1].contains("warranty.xlsx!Coverage*/\\u000A//: the sheet name"), r[1]);
            assertTrue(r[1].contains("U+000A"), r[1]);
        }
        assertEquals("1", runs[0][0], runs[0][1]);
    }
}

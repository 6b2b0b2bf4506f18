package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rulebook written as a jar's content ({@link RulebookJar#write}) and loaded back from a class
 * path ({@link Rulebook#fromClasspath(String, ClassLoader)}): found by name or coordinate, its
 * scenarios reading their claim files from the jar, and refused when it was changed after the build,
 * when no jar or two jars answer; a dated rulebook's manifest names its in-force date.
 */
class RulebookJarTest {
    @TempDir
    static Path dir;
    static Path rules;
    static Path classes;
    static RulebookJar.Manifest manifest;

    @BeforeAll
    static void build() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules 规则"));
        // dated, as a released version of a history is (the date written as text, as an analyst may type it)
        Files.write(rules.resolve("warranty.xlsx"), WorkbookErrorsTest.edit(Rulebook.defaultWorkbooks().get("warranty.xlsx"),
                wb -> {
                    var row = wb.getSheet("About 说明").createRow(4);
                    row.createCell(0).setCellValue("In force from 施行日期");
                    row.createCell(1).setCellValue("2026-01-01");
                }));
        Files.createDirectories(rules.resolve("scenarios"));
        Files.writeString(rules.resolve("scenarios/warranty.jsonl"), Rulebook.defaultResource("scenarios/warranty.jsonl"));
        Files.writeString(rules.resolve("~$warranty.xlsx"), "an Excel lock file");
        Files.writeString(rules.resolve(".warranty.xlsx.swp"), "an editor's file");
        // a link leading out of the rule folder: its target must not end up in a published jar
        Files.writeString(dir.resolve("secret.txt"), "a file of the build machine");
        Files.createSymbolicLink(rules.resolve("scenarios/leak.jsonl"), dir.resolve("secret.txt"));
        classes = dir.resolve("classes");
        manifest = RulebookJar.write(rules, classes, "com.example", "warranty-rules", "1.2.0");
    }

    private static URLClassLoader loader(Path... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    @Test
    void theManifestNamesTheRulebookItsWorkbooksAndFilesNotTheLockOrHiddenFiles() throws IOException {
        assertEquals("autoclaims default rulebook", manifest.name());
        assertEquals(List.of("warranty.xlsx"), manifest.workbooks());
        assertEquals(List.of("scenarios/warranty.jsonl"), manifest.files());
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(classes.resolve(RulebookJar.MANIFEST))) {
            p.load(in);
        }
        assertEquals(manifest.fingerprint(), p.getProperty("fingerprint"));
        assertEquals(java.time.LocalDate.of(2026, 1, 1), manifest.inForceFrom());
        assertEquals("2026-01-01", p.getProperty("inForceFrom"));
        assertEquals("com.example", p.getProperty("groupId"));
        assertEquals("1.2.0", p.getProperty("artifactVersion"));
        assertTrue(Files.isRegularFile(classes.resolve("META-INF/autoclaims/rulebook/scenarios/warranty.jsonl")));
        assertTrue(!Files.exists(classes.resolve("META-INF/autoclaims/rulebook/scenarios/leak.jsonl")), "a link is not copied");
    }

    @Test
    void theSameRulebookWritesTheSameManifestBytesWithNoDateInThem() throws IOException {
        byte[] first = Files.readAllBytes(classes.resolve(RulebookJar.MANIFEST));
        Path again = dir.resolve("again");
        RulebookJar.write(Rulebook.load(rules), rules, again, "com.example", "warranty-rules", "1.2.0");
        assertEquals(new String(first, StandardCharsets.ISO_8859_1),
                Files.readString(again.resolve(RulebookJar.MANIFEST), StandardCharsets.ISO_8859_1));
        assertTrue(!new String(first, StandardCharsets.ISO_8859_1).contains("#"), "no date comment");
    }

    @Test
    void loadedFromAJarByCoordinateOrNameItIsTheFoldersRulebookAndItsScenariosRunFromTheJar() throws Exception {
        Path jar = dir.resolve("warranty-rules-1.2.0.jar");
        zip(classes, jar);
        try (URLClassLoader loader = loader(jar)) {
            Rulebook fromJar = Rulebook.fromClasspath("com.example:warranty-rules", loader);
            assertEquals(manifest.fingerprint(), fromJar.fingerprint());
            assertEquals(manifest.inForceFrom(), fromJar.inForceFrom().orElseThrow());
            assertEquals(manifest.inForceFrom(), RulebookJar.onClasspath(loader).get(0).inForceFrom());
            ScenarioReport report = RulebookScenarios.run(fromJar);
            assertTrue(report.passed(), report.failures().toString());
            assertEquals(35, report.results().size());
            assertEquals(manifest.fingerprint(), Rulebook.fromClasspath("autoclaims default rulebook", loader).fingerprint());
        }
    }

    @Test
    void aNameNoJarAnswersToIsRefusedNamingWhatIsThere() throws Exception {
        try (URLClassLoader loader = loader(classes)) {
            RulebookException e = assertThrows(RulebookException.class,
                    () -> Rulebook.fromClasspath("com.example:other-rules", loader));
            WorkbookIssue issue = e.issues().get(0);
            assertEquals("RULEBOOK_NOT_ON_CLASSPATH", issue.code());
            assertTrue(issue.message().contains("autoclaims default rulebook (com.example:warranty-rules)"), issue.message());
            assertTrue(issue.messageZh().contains("类路径上没有名为"), issue.messageZh());
        }
    }

    @Test
    void twoJarsAnsweringToOneNameAreRefused() throws Exception {
        Path other = dir.resolve("other-classes");
        RulebookJar.write(rules, other, "com.example", "warranty-rules-fork", "1.0.0");
        try (URLClassLoader loader = loader(classes, other)) {
            RulebookException e = assertThrows(RulebookException.class,
                    () -> Rulebook.fromClasspath("autoclaims default rulebook", loader));
            assertEquals("RULEBOOK_ON_CLASSPATH_TWICE", e.issues().get(0).code());
            // the coordinate still tells them apart
            assertEquals(manifest.fingerprint(), Rulebook.fromClasspath("com.example:warranty-rules-fork", loader).fingerprint());
        }
    }

    @Test
    void aWorkbookChangedAfterTheBuildIsRefusedWithBothFingerprints() throws Exception {
        Path tampered = dir.resolve("tampered-classes");
        copy(classes, tampered);
        // another valid workbook under the same name: it loads, but it is not what was built and tested
        Files.write(tampered.resolve("META-INF/autoclaims/rulebook/warranty.xlsx"),
                WorkbookErrorsTest.edit(Rulebook.defaultWorkbooks().get("warranty.xlsx"),
                        wb -> wb.getSheet("Terms 保修期限").getRow(8).getCell(3).setCellValue(200000)));
        try (URLClassLoader loader = loader(tampered)) {
            RulebookException e = assertThrows(RulebookException.class,
                    () -> Rulebook.fromClasspath("com.example:warranty-rules", loader));
            WorkbookIssue issue = e.issues().get(0);
            assertEquals("RULEBOOK_JAR_CHANGED", issue.code());
            assertTrue(issue.message().contains(manifest.fingerprint()), issue.message());
            assertTrue(issue.messageZh().contains("指纹"), issue.messageZh());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void zip(Path root, Path jar) throws IOException {
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar)); var all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(root.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        assertTrue(new String(Files.readAllBytes(jar), StandardCharsets.ISO_8859_1).contains("rulebook.properties"));
    }
}

package io.autoclaims.maven.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Lays out the rule repositories the invoker tests build (pre-integration-test): each project of
 * {@code src/it} copied, and in every folder holding a {@code rulebook-edits.txt} a rule folder made from the shipped {@code warranty.xlsx} and its
 * scenario file with the cell edits its {@code rulebook-edits.txt} lists (one per line:
 * {@code sheet<TAB>cell or range<TAB>value}; a number is written as a number, a blank value clears),
 * as an analyst would have made them in Excel. {@code baseline-edits.txt} makes a {@code baseline/}
 * rule folder the same way. The shipped workbook stays the one source: no copy of it is committed.
 */
public final class ItRepositories {
    private static final String DEFAULT = "io/autoclaims/rules/default/";

    private ItRepositories() {
    }

    /**
     * Lays out every project.
     *
     * @param args the source folder ({@code src/it}), the target folder, this project's version and JUnit's
     *     and the archetype plugin's (written into every pom, invoker.properties and verify.groovy in place of
     *     {@code @project.version@}, {@code @junit.version@} and {@code @archetype.version@})
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path from = Path.of(args[0]);
        Path to = Path.of(args[1]);
        copyTree(from, to, java.util.Map.of("@project.version@", args[2], "@junit.version@", args[3],
                "@archetype.version@", args[4]));
        try (Stream<Path> projects = Files.walk(to)) {
            for (Path project : projects.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(project.resolve("rulebook-edits.txt"))) {
                    ruleFolder(project.resolve("src/main/rulebook"), project.resolve("rulebook-edits.txt"));
                }
                if (Files.exists(project.resolve("baseline-edits.txt"))) {
                    ruleFolder(project.resolve("baseline"), project.resolve("baseline-edits.txt"));
                }
            }
        }
    }

    static void ruleFolder(Path folder, Path edits) throws IOException {
        Files.createDirectories(folder.resolve("scenarios"));
        Files.write(folder.resolve("scenarios/warranty.jsonl"), resource("scenarios/warranty.jsonl"));
        byte[] workbook = resource("warranty.xlsx");
        List<String> lines = Files.readAllLines(edits, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (!lines.isEmpty()) {
            try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(workbook))) {
                for (String line : lines) {
                    String[] e = line.split("\t", -1);
                    Sheet sheet = wb.getSheet(e[0]);
                    if (sheet == null) {
                        throw new IllegalArgumentException("no sheet " + e[0] + " in warranty.xlsx (" + edits + ")");
                    }
                    CellRangeAddress range = CellRangeAddress.valueOf(e[1]);
                    for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                        for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                            set(row.getCell(c) == null ? row.createCell(c) : row.getCell(c), e.length > 2 ? e[2] : "");
                        }
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                workbook = out.toByteArray();
            }
        }
        Files.write(folder.resolve("warranty.xlsx"), workbook);
    }

    private static void set(Cell cell, String value) {
        if (value.isEmpty()) {
            cell.setBlank();
        } else if (value.matches("-?\\d+(\\.\\d+)?")) {
            cell.setCellValue(Double.parseDouble(value));
        } else {
            cell.setCellValue(value);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ItRepositories.class.getClassLoader().getResourceAsStream(DEFAULT + name)) {
            if (in == null) {
                throw new IOException("the shipped " + name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static void copyTree(Path from, Path to, java.util.Map<String, String> tokens) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (List.of("pom.xml", "invoker.properties", "verify.groovy").contains(p.getFileName().toString())) {
                    String pom = Files.readString(p, StandardCharsets.UTF_8);
                    for (var t : tokens.entrySet()) {
                        pom = pom.replace(t.getKey(), t.getValue());
                    }
                    Files.writeString(target, pom, StandardCharsets.UTF_8);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

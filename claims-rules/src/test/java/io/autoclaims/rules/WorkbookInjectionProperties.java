package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.rules.testing.Hostile;
import io.autoclaims.rules.testing.XlsxParts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Nothing from a workbook is code: hostile text in any text position of the shipped warranty workbook
 * (sheet names, titles, headers, rule ids, codes, enum cells, reason texts, notes, About fields,
 * scenario ids) either is refused with an error, or compiles to exactly the rules of the clean
 * workbook; in neither case does a payload run, at load, at adjudication or in a checked swap.
 */
class WorkbookInjectionProperties {
    private static byte[] clean;
    private static Rulebook cleanRulebook;
    /** The clean workbook with every table compiled to shape rules over indexed row facts. */
    private static String cleanIndexedDrl;

    /** What a position holds: free text must leave the DRL untouched; a typed cell may change a value. */
    enum Kind { TEXT, TYPED }

    record Position(String sheet, String cell, Kind kind) {
        @Override
        public String toString() {
            return sheet + "!" + cell;
        }
    }

    static final List<Position> CELLS = List.of(
            new Position("About 说明", "B1", Kind.TEXT), new Position("About 说明", "B2", Kind.TEXT),
            new Position("About 说明", "B4", Kind.TEXT), new Position("About 说明", "D8", Kind.TEXT),
            new Position("Terms 保修期限", "A1", Kind.TEXT), new Position("Terms 保修期限", "E6", Kind.TEXT),
            new Position("Terms 保修期限", "A5", Kind.TEXT), new Position("Coverage 保修范围", "J5", Kind.TEXT),
            new Position("Coverage 保修范围", "J6", Kind.TEXT), new Position("Coverage 保修范围", "K6", Kind.TEXT),
            new Position("Coverage 保修范围", "L6", Kind.TEXT), new Position("Documents 单证", "H7", Kind.TEXT),
            new Position("Scenarios 测试场景", "A5", Kind.TEXT), new Position("Scenarios 测试场景", "G5", Kind.TEXT),
            new Position("Terms 保修期限", "A6", Kind.TYPED), new Position("Terms 保修期限", "B2", Kind.TYPED),
            new Position("Terms 保修期限", "B6", Kind.TYPED), new Position("Coverage 保修范围", "B6", Kind.TYPED),
            new Position("Coverage 保修范围", "H6", Kind.TYPED), new Position("Coverage 保修范围", "I6", Kind.TYPED),
            new Position("Coverage 保修范围", "B3", Kind.TYPED), new Position("Coverage 保修范围", "D4", Kind.TYPED),
            new Position("Terms 保修期限", "C6", Kind.TYPED), new Position("Documents 单证", "A7", Kind.TYPED));

    /** Sheets whose name is replaced (keeping the prefix that gives the sheet its role). */
    static final List<String> SHEETS = List.of("About 说明", "Terms 保修期限", "Coverage 保修范围", "Scenarios 测试场景");

    @BeforeContainer
    static void loadClean() throws IOException {
        try (InputStream in = Rulebook.class.getResourceAsStream("default/warranty.xlsx")) {
            clean = in.readAllBytes();
        }
        cleanRulebook = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", clean), RulebookScenarios.defaultFiles());
        cleanIndexedDrl = RulebookCompiler.compile(Map.of("warranty.xlsx", clean), 1).drl();
    }

    @Example
    void theIssuePayloadInSheetNamesIsRefusedAtBothSheets() throws IOException {
        byte[] bytes = XlsxParts.rewrite(clean, "xl/workbook.xml", xml -> xml
                .replace("name=\"Terms 保修期限\"", "name=\"" + XlsxParts.xmlAttribute(Hostile.ISSUE_PAYLOAD) + "\"")
                .replace("name=\"Coverage 保修范围\"", "name=\"" + XlsxParts.xmlAttribute("Coverage*/\n//") + "\""));
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes), RulebookScenarios.defaultFiles()));
        List<String> unsafe = e.errors().stream().filter(i -> i.code().equals("UNSAFE_NAME"))
                .map(i -> i.where().toString()).sorted().toList();
        assertEquals(List.of("warranty.xlsx!Coverage*/\\u000A//", "warranty.xlsx!Terms\\u000Arule \"evil\" when then java.lang.System.setProperty("
                + "\"autoclaims.canary\", \"ran\"); end\\u000A/*"), unsafe);
        assertTrue(e.errors().stream().allMatch(i -> !i.toString().contains("\n") && !i.toStringZh().contains("\n")));
        // the live rulebook stays, and nothing ran while the candidate was checked
        Adjudicator adjudicator = Adjudicator.of(cleanRulebook);
        Path dir = Files.createTempDirectory("injection");
        Files.write(dir.resolve("warranty.xlsx"), bytes);
        assertThrows(RulebookException.class, () -> adjudicator.swap(dir.resolve("warranty.xlsx")));
        assertEquals(cleanRulebook, adjudicator.rulebook());
        assertTrue(Hostile.canaryQuiet());
    }

    @Example
    void aFileNameWithALineBreakIsRefused() {
        RulebookException e = assertThrows(RulebookException.class,
                () -> Rulebook.fromWorkbooks(Map.of("warranty\n*/.xlsx", clean)));
        assertEquals("UNSAFE_NAME", e.errors().get(0).code());
        assertEquals("warranty\\u000A*/.xlsx", e.errors().get(0).where().toString());
    }

    @Property(tries = 40)
    void hostileCellTextCompilesToNoCode(@ForAll("cells") Position at, @ForAll("hostile") String text) {
        outcome(patchCell(at, text), at.kind(), at + " = " + XlsxParts.xmlAttribute(text));
    }

    @Property(tries = 15)
    void hostileSheetNamesCompileToNoCode(@ForAll("sheets") String sheet, @ForAll("hostile") String text) {
        String prefix = sheet.substring(0, sheet.indexOf(' ') + 1);
        byte[] bytes = XlsxParts.rewrite(clean, "xl/workbook.xml", xml -> xml.replace("name=\"" + sheet + "\"",
                "name=\"" + XlsxParts.xmlAttribute(prefix + text) + "\""));
        outcome(bytes, Kind.TEXT, sheet + " -> " + XlsxParts.xmlAttribute(prefix + text));
    }

    @Provide
    Arbitrary<Position> cells() {
        return Arbitraries.of(CELLS);
    }

    @Provide
    Arbitrary<String> sheets() {
        return Arbitraries.of(SHEETS);
    }

    @Provide
    Arbitrary<String> hostile() {
        return Hostile.texts();
    }

    /**
     * Refused with at least one error, or loaded with the clean workbook's rules (for free text: the
     * very same DRL), adjudicating and swapping without any payload running.
     */
    private static void outcome(byte[] bytes, Kind kind, String what) {
        Rulebook candidate;
        try {
            candidate = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", bytes), RulebookScenarios.defaultFiles());
        } catch (RulebookException refused) {
            assertFalse(refused.errors().isEmpty(), what);
            assertTrue(refused.errors().stream().allMatch(i -> !i.toString().contains("\n")), what);
            assertTrue(Hostile.canaryQuiet(), what);
            return;
        }
        if (kind == Kind.TEXT) {
            assertEquals(cleanRulebook.toDrl(), candidate.toDrl(), what);
            // the other form of a table (large tables: one rule per row shape, rows as facts) too
            assertEquals(cleanIndexedDrl, RulebookCompiler.compile(Map.of("warranty.xlsx", bytes), 1).drl(), what);
        } else {
            assertEquals(ruleNames(cleanRulebook.toDrl()).size(), ruleNames(candidate.toDrl()).size(), what);
        }
        assertEquals(cleanRulebook.rules().size(), candidate.rules().size(), what);
        Adjudicator adjudicator = Adjudicator.of(cleanRulebook);
        try {
            adjudicator.swap(candidate);
        } catch (RulebookException refused) {
            // a changed value may fail a scenario: refused is fine, running code is not
        }
        assertTrue(Hostile.canaryQuiet(), what);
    }

    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([A-Za-z][A-Za-z0-9_]*)\"$");

    private static List<String> ruleNames(String drl) {
        List<String> names = new ArrayList<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static byte[] patchCell(Position at, String text) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(clean))) {
            Sheet sheet = wb.getSheet(at.sheet());
            org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(at.cell());
            Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            cell.setCellValue(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

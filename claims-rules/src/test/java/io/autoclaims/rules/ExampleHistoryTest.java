package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.rules.internal.table.WorkbookModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example history ({@code examples/history}) stays the shipped rulebook: 2026.1 is the shipped
 * workbooks with an in-force date, 2027.1 the same with T-01's 120 months, both with the shipped
 * scenarios. Read only (nothing compiled), so an edit of the shipped workbooks that is not carried
 * to the example fails here.
 */
class ExampleHistoryTest {
    private static final Path HISTORY = Files.exists(Path.of("../examples/history"))
            ? Path.of("../examples/history") : Path.of("examples/history");

    /** Each workbook's cells without its About sheet (version, dates and change log differ on purpose). */
    private static Map<String, String> cells(Map<String, byte[]> files, List<WorkbookModel> models) {
        Map<String, String> cells = new java.util.TreeMap<>();
        for (WorkbookModel m : models) {
            cells.put(m.file(), m.canonical().replaceAll("(?s)#sheet About[^\n]*\n.*?(?=#sheet |$)", ""));
        }
        return cells;
    }

    private static List<WorkbookModel> read(Map<String, byte[]> files) {
        List<WorkbookIssue> issues = new ArrayList<>();
        List<WorkbookModel> models = RulebookCompiler.read(files, issues);
        assertTrue(issues.stream().noneMatch(WorkbookIssue::isError), issues.toString());
        return models;
    }

    @Test
    void theExampleVersionsAreTheShippedRulebookDatedAndTheLongerBatteryTerm() throws IOException {
        Map<String, byte[]> shippedFiles = Rulebook.defaultWorkbooks();
        Map<String, String> shipped = cells(shippedFiles, read(shippedFiles));
        for (String version : List.of("2026.1", "2027.1")) {
            Path dir = HISTORY.resolve(version);
            Map<String, byte[]> files = Rulebook.readWorkbooks(List.of(dir));
            List<WorkbookModel> models = read(files);
            LocalDate from = LocalDate.parse(version.substring(0, 4) + "-01-01");
            for (WorkbookModel m : models) {
                assertEquals(version, m.version(), m.file());
                assertEquals(from, m.inForceFrom(), m.file());
            }
            Map<String, String> cells = cells(files, models);
            if (version.equals("2026.1")) {
                assertEquals(shipped, cells);
            } else {
                assertEquals(shipped.get("insurance.xlsx"), cells.get("insurance.xlsx"));
                assertEquals(shipped.get("assistance.xlsx"), cells.get("assistance.xlsx"));
                List<String> was = List.of(shipped.get("warranty.xlsx").split("\n"));
                List<String> now = List.of(cells.get("warranty.xlsx").split("\n"));
                List<String> changed = new ArrayList<>();
                for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
                    if (!was.get(i).equals(now.get(i))) {
                        changed.add(was.get(i) + " -> " + now.get(i));
                    }
                }
                assertEquals(1, changed.size(), changed.toString());
                assertTrue(changed.get(0).matches("C\\d+\tBigDecimal\t96 -> C\\d+\tBigDecimal\t120"), changed.toString());
            }
            for (String s : List.of("warranty.jsonl", "insurance.jsonl", "assistance.jsonl")) {
                assertEquals(Rulebook.defaultResource("scenarios/" + s), Files.readString(dir.resolve("scenarios").resolve(s)));
            }
        }
    }
}

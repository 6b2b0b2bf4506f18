package io.autoclaims.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReportJson writes the check findings with the bytes {@code claims check --format json} wrote through databind. */
class ReportJsonTest {

    @Test
    void findingsAreTheBytesTheCommandLineWroteBefore() throws Exception {
        List<WorkbookIssue> issues = List.of(
                WorkbookIssue.error("NOT_A_NUMBER", CellRef.of("warranty.xlsx", "Terms 保修期限", 9, 3),
                        "\"3 years\" is not a whole number of months", "write a whole number such as 36")
                        .withZh("\"3 years\" 不是整月数", "请填写整数，如 36"),
                WorkbookIssue.warning("GAP", CellRef.sheet("insurance.xlsx", "Lines 定损项目"), "a gap\tbetween rows", null),
                WorkbookIssue.error("UNREADABLE", CellRef.workbook("broken.xlsx"), "not a zip: \u0001\\ \"x\"", null));
        assertEquals(databind(issues), ReportJson.findings(issues));
        assertEquals("[]", ReportJson.findings(List.of()));
    }

    /** What CheckCommand.json wrote until ReportJson replaced it. */
    private static String databind(List<WorkbookIssue> issues) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (WorkbookIssue i : issues) {
            ObjectNode n = array.addObject();
            n.put("severity", i.severity().name());
            n.put("code", i.code());
            n.put("where", i.where().toString());
            n.put("workbook", i.where().workbook());
            n.put("sheet", i.where().sheet());
            n.put("cell", i.where().cell());
            n.put("message", i.message());
            n.put("hint", i.hint());
            n.put("messageZh", i.messageZh());
            n.put("hintZh", i.hintZh());
        }
        return mapper.writeValueAsString(array);
    }
}

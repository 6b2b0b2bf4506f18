package io.autoclaims.rules.testing;

import static io.autoclaims.rules.testing.ShippedWorkbookChecks.isTable;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.names;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.texts;
import static io.autoclaims.rules.testing.ShippedWorkbookChecks.validations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** WorkbookBuilder, which writes synthetic workbooks for tests (never the shipped ones). */
class WorkbookBuilderTest {

    @Test
    void builderChecksItsInput() throws IOException {
        WorkbookBuilder b = WorkbookBuilder.create().about("t", "1", null, null);
        WorkbookBuilder.TableBuilder t = b.table("T 表", "T").column("ID", "rule id", "Rule id 规则编号")
                .column("IF incident.cause", "enum Cause", "Cause 原因")
                .column("THEN x", "integer", "X 某值");
        assertThrows(IllegalArgumentException.class, () -> t.row("A-1"));
        assertThrows(IllegalArgumentException.class, () -> t.row("A-1", "COLLISION", 1.5));
        assertThrows(IllegalArgumentException.class, () -> b.table("T 表", "T"));
        assertThrows(IllegalArgumentException.class, () -> b.table("U", "1U"));
        assertThrows(IllegalArgumentException.class, () -> t.claimType("WARRANTY, LEASE"));
        assertThrows(IllegalArgumentException.class, () -> t.claimType("WARRANTY, WARRANTY"));
        assertThrows(IllegalArgumentException.class, () -> t.claimType(""));
        assertThrows(IllegalArgumentException.class, () -> b.reference("T 表"));
        assertThrows(IllegalArgumentException.class, () -> b.reference("R").note("Table 表"));
        t.row("A-1", "COLLISION", 7L);
        try (Workbook small = new XSSFWorkbook(new ByteArrayInputStream(b.toBytes()))) {
            // Cause has too many constants for an inline list: the drop-down reads a hidden sheet
            XSSFSheet sheet = (XSSFSheet) small.getSheet("T 表");
            DataValidation dv = validations(sheet).get(1);
            assertEquals(ValidationType.LIST, dv.getValidationConstraint().getValidationType());
            assertTrue(dv.getValidationConstraint().getFormula1().contains("Lists"));
            int lists = small.getSheetIndex("Lists 列表");
            assertTrue(small.isSheetHidden(lists));
            assertEquals(7, sheet.getRow(5).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void claimTypesAreWrittenAsGivenAndReferenceSheetsAreNoTables() throws IOException {
        WorkbookBuilder b = WorkbookBuilder.create().about("t", "1", null, null);
        b.table("T 表", "T").claimType("WARRANTY, ASSISTANCE").column("ID", "rule id", "Rule id 规则编号")
                .column("THEN charge.memberFreeKm", "decimal", "Free km 免费公里")
                .column("THEN charge.memberFixedCny", "money", "Fixed 固定价")
                .row("A-1", 15, 0);
        b.reference("R 参考").title("Reference 参考").column("Name 名称", 10).column("Value 值", 10).row("x", "y");
        try (XSSFWorkbook small = new XSSFWorkbook(new ByteArrayInputStream(b.toBytes()))) {
            assertEquals(List.of("About 说明", "T 表", "R 参考"),
                    List.of(small.getSheetName(0), small.getSheetName(1), small.getSheetName(2)));
            XSSFSheet t = small.getSheet("T 表");
            assertEquals("WARRANTY, ASSISTANCE", t.getRow(1).getCell(7).getStringCellValue());
            Map<Integer, DataValidation> dvs = validations(t);
            assertEquals(ValidationType.DECIMAL, dvs.get(1).getValidationConstraint().getValidationType());
            assertEquals(ValidationType.DECIMAL, dvs.get(2).getValidationConstraint().getValidationType());
            Cell zero = t.getRow(5).getCell(2);
            assertEquals(CellType.NUMERIC, zero.getCellType(), "a price of 0 is a number cell");
            assertEquals("0.00", new DataFormatter().formatCellValue(zero));
            assertEquals("15", new DataFormatter().formatCellValue(t.getRow(5).getCell(1)));
            Sheet r = small.getSheet("R 参考");
            assertFalse(isTable(r));
            assertEquals("Reference 参考", r.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of("Name 名称", "Value 值"), texts(r.getRow(3), 2));
            assertEquals(List.of("x", "y"), texts(r.getRow(4), 2));
        }
    }

    /** The builder writes the engine's vocabularies out; they must agree with the engine's enums. */
    @Test
    void hardCodedVocabulariesMatchTheEngine() {
        Map<String, List<WorkbookBuilder.EnumValue>> written = Map.of(
                "io.autoclaims.rules.internal.run.Formula", WorkbookBuilder.FORMULAS,
                "io.autoclaims.rules.internal.run.ChargeBasis", WorkbookBuilder.CHARGE_BASES,
                "io.autoclaims.rules.internal.table.Effect", WorkbookBuilder.enumValues("enum Effect"));
        assertEquals(List.of("LINES_SUM", "MIN_ASSESSED", "MIN_INVOICED", "CAP_SUM_INSURED", "DEDUCTIBLE",
                "PLUS_RESCUE"), names(WorkbookBuilder.enumValues("enum Formula")));
        assertEquals(List.of("TARIFF", "HIGHWAY_TOLL"), names(WorkbookBuilder.enumValues("enum ChargeBasis")));
        for (var e : written.entrySet()) {
            Class<?> cls;
            try {
                cls = Class.forName(e.getKey());
            } catch (ClassNotFoundException missing) {
                continue; // the engine does not have this vocabulary (yet): nothing to compare
            }
            Set<String> engine = new HashSet<>();
            for (Object o : cls.getEnumConstants()) {
                engine.add(((Enum<?>) o).name());
            }
            assertEquals(engine, new HashSet<>(names(e.getValue())), e.getKey());
        }
    }
}

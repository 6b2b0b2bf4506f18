package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.rules.testing.Claims;
import io.autoclaims.rules.testing.ShippedWorkbooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Dated versions of the shipped warranty workbook, compiled once per test JVM and shared: compiling a
 * rulebook costs about a second, so tests build histories from these few versions.
 */
final class HistoryFixture {
    static final LocalDate D2025 = LocalDate.of(2025, 7, 1);
    static final LocalDate D2026 = LocalDate.of(2026, 1, 1);
    static final LocalDate D2027 = LocalDate.of(2027, 1, 1);

    /** Three versions; 2027.1 extends T-01 (traction battery, drive motor) from 96 to 120 months. */
    static final Rulebook V2025 = version("2025.2", D2025, 96);
    static final Rulebook V2026 = version("2026.1", D2026, 96);
    static final Rulebook V2027 = version("2027.1", D2027, 120);
    static final List<Rulebook> POOL = List.of(V2025, V2026, V2027);

    private HistoryFixture() {
    }

    /** The shipped warranty workbook with another version cell, an In force from row (none for null) and T-01's months. */
    static byte[] warranty(String version, LocalDate from, int batteryMonths) {
        return WorkbookErrorsTest.edit(ShippedWorkbooks.warranty(), wb -> {
            Sheet about = wb.getSheet("About 说明");
            about.getRow(1).getCell(1).setCellValue(version);
            if (from != null) {
                inForce(wb, from);
            }
            if (batteryMonths != 96) {
                HotSwapTest.term(wb, "T-01", batteryMonths);
            }
        });
    }

    /** Row 5 of the About sheet: {@code In force from 施行日期} and a date cell styled as the Effective date above. */
    static void inForce(Workbook wb, Object value) {
        Sheet about = wb.getSheet("About 说明");
        Row row = about.getRow(4) == null ? about.createRow(4) : about.getRow(4);
        Cell label = row.createCell(0);
        label.setCellValue("In force from 施行日期");
        label.setCellStyle(about.getRow(2).getCell(0).getCellStyle());
        Cell cell = row.createCell(1);
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(about.getRow(2).getCell(1).getCellStyle());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    static Rulebook version(String version, LocalDate from, int batteryMonths) {
        return Rulebook.fromWorkbooks(Map.of("warranty.xlsx", warranty(version, from, batteryMonths)),
                Rulebook::defaultResource);
    }

    /** Writes a version folder: its warranty workbook and the scenario file it names. */
    static Path writeVersion(Path history, String folder, byte[] warranty) {
        try {
            Path dir = Files.createDirectories(history.resolve(folder));
            Files.write(dir.resolve("warranty.xlsx"), warranty);
            Files.createDirectories(dir.resolve("scenarios"));
            Files.writeString(dir.resolve("scenarios/warranty.jsonl"), Rulebook.defaultResource("scenarios/warranty.jsonl"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A traction battery failing on {@code incident}, 100 months after delivery, submitted a week
     * later: expired under a 96-month term, covered under 120 months.
     */
    static Claim battery(String id, LocalDate incident) {
        return battery(id, incident, incident.plusDays(7));
    }

    static Claim battery(String id, LocalDate incident, LocalDate submitted) {
        return Claims.warranty().claimId(id).deliveredOn(incident.minusMonths(100)).occurredOn(incident)
                .submittedOn(submitted).odometerKm(90_000).warrantyRegistered(true)
                .line(l -> l.system(io.autoclaims.model.PartSystem.TRACTION_BATTERY)).build();
    }

    /** Copies of the files of {@code r}, for a folder: by name. */
    static Map<String, byte[]> files(Rulebook r) {
        return new LinkedHashMap<>(r.workbooks());
    }
}

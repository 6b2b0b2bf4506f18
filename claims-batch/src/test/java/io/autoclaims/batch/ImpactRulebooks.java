package io.autoclaims.batch;

import io.autoclaims.rules.Rulebook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The rulebooks the impact tests compare: the shipped one, and a copy whose traction-battery and
 * drive-motor term (rule row T-01, column C of {@code Terms 保修期限}) is 120 months instead of 96,
 * without the assistance workbook (so assistance claims become UNSUPPORTED_CLAIM_TYPE errors).
 * Compiled once per test JVM.
 */
final class ImpactRulebooks {
    private ImpactRulebooks() {
    }

    private static final class Holder {
        static final Rulebook TERM_120_NO_ASSISTANCE;

        static {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("warranty.xlsx", warrantyWithBatteryTerm(120));
            files.put("insurance.xlsx", shipped("insurance.xlsx"));
            TERM_120_NO_ASSISTANCE = Rulebook.fromWorkbooks(files);
        }
    }

    /** Warranty (T-01: 120 months) and insurance; no assistance. */
    static Rulebook term120WithoutAssistance() {
        return Holder.TERM_120_NO_ASSISTANCE;
    }

    static byte[] shipped(String name) {
        try (InputStream in = ImpactRulebooks.class.getResourceAsStream("/io/autoclaims/rules/default/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped warranty workbook with the months of rule row T-01 set to {@code months}. */
    static byte[] warrantyWithBatteryTerm(int months) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(shipped("warranty.xlsx")));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet terms = wb.getSheet("Terms 保修期限");
            boolean found = false;
            for (Row row : terms) {
                if (row.getCell(0) != null && "T-01".equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(2).setCellValue(months);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException("no rule row T-01 in Terms 保修期限");
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

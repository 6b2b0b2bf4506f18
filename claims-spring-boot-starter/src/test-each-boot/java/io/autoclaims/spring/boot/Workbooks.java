package io.autoclaims.spring.boot;

import io.autoclaims.rules.Rulebook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The shipped rulebook, loaded once per test JVM, edited copies of its warranty workbook, and the sample
 * backlogs.
 */
final class Workbooks {
    static final Rulebook SHIPPED = Rulebook.loadDefault();

    private Workbooks() {
    }

    /** The shipped warranty workbook. */
    static byte[] warranty() {
        return SHIPPED.workbooks().get("warranty.xlsx");
    }

    /** The shipped warranty workbook with the months of one row of its Terms table changed. */
    static byte[] warrantyWithTerm(String ruleId, int months) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(warranty()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Row row : wb.getSheet("Terms 保修期限")) {
                if (row.getCell(0) != null && ruleId.equals(row.getCell(0).toString())) {
                    row.getCell(2).setCellValue(months);
                    wb.write(out);
                    return out.toByteArray();
                }
            }
            throw new IllegalArgumentException(ruleId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A rules folder as an analyst keeps one: the shipped warranty workbook and the claims its
     * scenarios name ({@code scenarios/warranty.jsonl}, read from the library's resources).
     */
    static Path warrantyFolder(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.write(dir.resolve("warranty.xlsx"), warranty());
        try (InputStream in = Rulebook.class.getResourceAsStream("default/scenarios/warranty.jsonl")) {
            Files.write(dir.resolve("scenarios/warranty.jsonl"), in.readAllBytes());
        }
        return dir;
    }

    /**
     * A sample backlog of {@code examples/claims}, found from the module the tests run in (this one, or
     * {@code examples/hosts/boot40}).
     */
    static Path sampleBacklog(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path backlog = dir.resolve("examples/claims").resolve(file);
            if (Files.isRegularFile(backlog)) {
                return backlog;
            }
        }
        throw new IllegalStateException("examples/claims/" + file + " is not above " + Path.of("").toAbsolutePath());
    }

    /** The warranty workbook alone, as a rulebook (it cannot adjudicate insurance or assistance claims). */
    static Rulebook warrantyOnly() {
        return WarrantyOnly.RULEBOOK;
    }

    /** Compiled on first use, once per test JVM: a rulebook is immutable. */
    private static final class WarrantyOnly {
        static final Rulebook RULEBOOK = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", warranty()));
    }
}

package io.autoclaims.rules.testing;

import io.autoclaims.rules.RulebookCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The shipped default workbooks ({@code src/main/resources/io/autoclaims/rules/default/*.xlsx}) as the
 * analysts last saved them. They are the source: no code rebuilds them; a test that needs a variant
 * patches a copy with {@link WorkbookPatch}.
 */
public final class ShippedWorkbooks {

    private ShippedWorkbooks() {
    }

    /** All shipped workbooks, by file name, in loading order; fresh copies the caller may change. */
    public static Map<String, byte[]> all() {
        return new LinkedHashMap<>(RulebookCheck.defaultWorkbooks());
    }

    /** One shipped workbook's bytes ({@code warranty.xlsx}, ...). */
    public static byte[] bytes(String file) {
        byte[] bytes = RulebookCheck.defaultWorkbooks().get(file);
        if (bytes == null) {
            throw new IllegalArgumentException("no shipped workbook " + file + " in " + RulebookCheck.defaultWorkbooks().keySet());
        }
        return bytes;
    }

    public static byte[] warranty() {
        return bytes("warranty.xlsx");
    }

    public static byte[] insurance() {
        return bytes("insurance.xlsx");
    }

    public static byte[] assistance() {
        return bytes("assistance.xlsx");
    }

    /** The shipped workbook opened with POI, for tests that read its cells, styles and sheet settings. */
    public static XSSFWorkbook open(String file) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

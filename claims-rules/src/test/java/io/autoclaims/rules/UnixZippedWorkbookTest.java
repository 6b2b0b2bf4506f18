package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.X7875_NewUnix;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A workbook zipped again by Info-ZIP ({@code zip -r} on Linux or macOS) carries Unix extra fields on
 * every entry. Reading them goes through commons-compress code that calls commons-lang3
 * ({@code X7875_NewUnix.getLocalFileDataLength}, {@code ZipShort.lengthOf}): this is why
 * commons-lang3 stays among the runtime jars although no shipped workbook reaches it.
 */
class UnixZippedWorkbookTest {

    @Test
    void aWorkbookWithUnixExtraFieldsLoadsAsTheOriginal() throws IOException {
        byte[] original = Rulebook.defaultWorkbooks().get("warranty.xlsx");
        byte[] rezipped = withUnixExtraFields(original);
        assertTrue(rezipped.length > original.length, "the extra fields were written");

        Rulebook fromOriginal = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", original));
        Rulebook fromRezipped = Rulebook.fromWorkbooks(Map.of("warranty.xlsx", rezipped));
        assertEquals(fromOriginal.fingerprint(), fromRezipped.fingerprint(), "the same cells were read");
        assertEquals(fromOriginal.rules(), fromRezipped.rules());
    }

    /** Every entry again, each with the uid/gid ("ux") and timestamp ("UT") fields Info-ZIP writes. */
    private static byte[] withUnixExtraFields(byte[] xlsx) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(xlsx));
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                X7875_NewUnix owner = new X7875_NewUnix();
                owner.setUID(1000);
                owner.setGID(1000);
                copy.addExtraField(owner);
                X5455_ExtendedTimestamp time = new X5455_ExtendedTimestamp();
                time.setModifyJavaTime(new java.util.Date(1_700_000_000_000L));
                copy.addExtraField(time);
                out.putArchiveEntry(copy);
                copy(in, out);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void copy(InputStream in, ZipArchiveOutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
    }
}

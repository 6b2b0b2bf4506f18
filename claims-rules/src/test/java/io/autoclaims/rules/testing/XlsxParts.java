package io.autoclaims.rules.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites one XML part of an .xlsx as text, the way an attacker edits a file by hand: what no
 * spreadsheet program would write (a line break in a sheet name) but any zip tool can.
 */
public final class XlsxParts {
    private XlsxParts() {
    }

    /** A copy of the workbook with {@code part} (e.g. {@code xl/workbook.xml}) passed through {@code edit}. */
    public static byte[] rewrite(byte[] xlsx, String part, UnaryOperator<String> edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length + 1024);
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(part)) {
                    found = true;
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found) {
            throw new IllegalArgumentException("no part " + part);
        }
        return out.toByteArray();
    }

    /** {@code text} as the value of an XML attribute: every character a character reference or plain. */
    public static String xmlAttribute(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == '"' || cp == '&' || cp == '<' || cp == '>' || cp > 0x7e) {
                sb.append("&#").append(cp).append(';');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}

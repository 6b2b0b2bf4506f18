package io.autoclaims.rules.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds .xlsx files from raw SpreadsheetML, part by part, for the workbooks no spreadsheet program
 * writes: hostile cells, rows numbered out of range, hidden sheets, and files at the guard's size
 * limits. Also unzips and rezips a shipped workbook so a test can patch one part's XML.
 */
public final class RawXlsx {
    public static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final List<String[]> sheets = new ArrayList<>(); // name, state, part xml
    private final Map<String, byte[]> extra = new LinkedHashMap<>();
    private final List<String> shared = new ArrayList<>();
    private final Map<String, Integer> sharedIndex = new LinkedHashMap<>();
    private String styles;

    /** A sheet; {@code state} is null, "hidden" or "veryHidden"; {@code sheetData} is the rows' XML. */
    public RawXlsx sheet(String name, String state, String sheetData) {
        sheets.add(new String[] {name, state, "<worksheet xmlns=\"" + NS + "\"><sheetData>" + sheetData
                + "</sheetData></worksheet>"});
        return this;
    }

    /** The styles part's inner XML (numFmts, cellXfs...). */
    public RawXlsx styles(String inner) {
        this.styles = "<styleSheet xmlns=\"" + NS + "\">" + inner + "</styleSheet>";
        return this;
    }

    /** Any other part, as is. */
    public RawXlsx part(String name, byte[] content) {
        extra.put(name, content);
        return this;
    }

    /** The index of a shared string, added once. */
    public int shared(String s) {
        return sharedIndex.computeIfAbsent(s, k -> {
            shared.add(k);
            return shared.size() - 1;
        });
    }

    /** A row of cells from column A: String (inline), Integer/Long/Double, Boolean; null leaves a gap. */
    public static String row(int r, Object... values) {
        StringBuilder sb = new StringBuilder("<row r=\"").append(r).append("\">");
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            String ref = column(i) + r;
            if (v instanceof String s) {
                sb.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(s))
                        .append("</t></is></c>");
            } else if (v instanceof Boolean b) {
                sb.append("<c r=\"").append(ref).append("\" t=\"b\"><v>").append(b ? 1 : 0).append("</v></c>");
            } else if (v instanceof Shared s) {
                sb.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(s.index).append("</v></c>");
            } else {
                sb.append("<c r=\"").append(ref).append("\"><v>").append(v).append("</v></c>");
            }
        }
        return sb.append("</row>").toString();
    }

    /** A cell value that is a shared string's index. */
    public record Shared(int index) {
    }

    public static String column(int c) {
        StringBuilder sb = new StringBuilder();
        for (int x = c; x >= 0; x = x / 26 - 1) {
            sb.insert(0, (char) ('A' + x % 26));
        }
        return sb.toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public byte[] build() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        StringBuilder wb = new StringBuilder("<workbook xmlns=\"" + NS + "\" xmlns:r=\"" + R_NS + "\"><sheets>");
        StringBuilder rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < sheets.size(); i++) {
            String[] s = sheets.get(i);
            int n = i + 1;
            wb.append("<sheet name=\"").append(escape(s[0])).append("\" sheetId=\"").append(n).append('"')
                    .append(s[1] == null ? "" : " state=\"" + s[1] + "\"").append(" r:id=\"rId").append(n).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(n)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(n).append(".xml\"/>");
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(n)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            parts.put("xl/worksheets/sheet" + n + ".xml", s[2].getBytes(StandardCharsets.UTF_8));
        }
        wb.append("</sheets></workbook>");
        if (!shared.isEmpty()) {
            StringBuilder sst = new StringBuilder("<sst xmlns=\"" + NS + "\" count=\"" + shared.size() + "\" uniqueCount=\""
                    + shared.size() + "\">");
            shared.forEach(s -> sst.append("<si><t>").append(escape(s)).append("</t></si>"));
            parts.put("xl/sharedStrings.xml", sst.append("</sst>").toString().getBytes(StandardCharsets.UTF_8));
            rels.append("<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        }
        if (styles != null) {
            parts.put("xl/styles.xml", styles.getBytes(StandardCharsets.UTF_8));
            rels.append("<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
            types.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        }
        rels.append("</Relationships>");
        types.append("</Types>");
        Map<String, byte[]> all = new LinkedHashMap<>();
        all.put("[Content_Types].xml", types.toString().getBytes(StandardCharsets.UTF_8));
        all.put("_rels/.rels", ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        all.put("xl/workbook.xml", wb.toString().getBytes(StandardCharsets.UTF_8));
        all.put("xl/_rels/workbook.xml.rels", rels.toString().getBytes(StandardCharsets.UTF_8));
        all.putAll(parts);
        all.putAll(extra);
        return zip(all);
    }

    /** The parts of a zip, in order. */
    public static Map<String, byte[]> unzip(byte[] xlsx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    public static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A copy of an xlsx with one part's text changed by {@code from -> to} (which must occur). */
    public static byte[] patch(byte[] xlsx, String part, String from, String to) {
        Map<String, byte[]> parts = unzip(xlsx);
        String xml = new String(parts.get(part), StandardCharsets.UTF_8);
        if (!xml.contains(from)) {
            throw new IllegalArgumentException(part + " does not contain " + from);
        }
        parts.put(part, xml.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    /**
     * A copy of an xlsx with the cell {@code ref} of a part replaced by {@code element} (written
     * without a style), which takes the replaced cell's own style: the test names what the cell holds,
     * not how the shipped file happens to number its styles.
     */
    public static byte[] replaceCell(byte[] xlsx, String part, String ref, String element) {
        Map<String, byte[]> parts = unzip(xlsx);
        String xml = new String(parts.get(part), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<c r=\"" + ref + "\"([^>]*?)(/>|>.*?</c>)").matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException(part + " has no cell " + ref);
        }
        java.util.regex.Matcher style = java.util.regex.Pattern.compile(" s=\"\\d+\"").matcher(m.group(1));
        String styled = style.find() ? element.replaceFirst(">", style.group() + ">") : element;
        parts.put(part, (xml.substring(0, m.start()) + styled + xml.substring(m.end())).getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }
}

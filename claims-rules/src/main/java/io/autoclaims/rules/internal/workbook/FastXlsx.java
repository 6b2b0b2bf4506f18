package io.autoclaims.rules.internal.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a plain .xlsx workbook into a {@link Grid} with the JDK's SAX parser, without POI's usermodel
 * (XMLBeans builds a tree of every cell, and its schema classes alone cost a cold JVM about a
 * second). It gives the same cells, types, values and display texts as POI's usermodel
 * ({@link Grid#of}); what it does not handle exactly it declines, returning null, and the caller
 * opens the workbook with POI instead: formulas (but the constants TRUE() and FALSE() LibreOffice saves
 * for a boolean, read as the boolean), cells or rows without their reference, ISO date
 * cells, strict OOXML, chart or macro sheets, duplicate zip entries, a DOCTYPE, or anything that fails
 * to parse. Number formats come from the styles part and POI's own {@link DataFormatter} and
 * {@link DateUtil}, so dates read and display as POI reads them.
 */
final class FastXlsx {
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final Pattern UTF_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");
    private static final SAXParserFactory SAX = saxFactory();

    /** Thrown inside the parse when the workbook is larger than the loader holds: it is refused. */
    private static final class Refused extends SAXException {
        final Grid.TooLarge tooLarge;

        Refused(Grid.TooLarge tooLarge) {
            super(tooLarge.getMessage());
            this.tooLarge = tooLarge;
        }
    }

    /** Characters of one cell's text kept while reading: past Excel's limit the cell is unreadable anyway. */
    private static final int KEEP_CHARS = 8 * Grid.MAX_CELL_CHARS;

    /** Thrown inside the parse when the workbook holds something only POI reads exactly. */
    private static final class Declined extends SAXException {
        Declined(String why) {
            super(why);
        }
    }

    private final Map<String, byte[]> parts;
    /** Made for the first date in a format other than ISO's: its logging set-up costs a cold JVM. */
    private DataFormatter formatter;
    private final List<String> sharedStrings = new ArrayList<>();
    /** Lengths of the shared strings longer than Excel allows (their entries are null). */
    private final Map<Integer, Integer> longSharedStrings = new HashMap<>();
    private final Grid.Budget budget = new Grid.Budget();
    /** numFmtId of each cellXfs entry, by style index. */
    private final List<Integer> styleFormats = new ArrayList<>();
    private final Map<Integer, String> customFormats = new HashMap<>();
    private boolean date1904;

    private FastXlsx(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    /** The grid of an .xlsx workbook, or null when it must be read with POI instead. */
    static Grid read(byte[] bytes) {
        try {
            Map<String, byte[]> parts = unzip(bytes);
            return parts == null ? null : new FastXlsx(parts).read();
        } catch (Refused e) {
            throw e.tooLarge; // refused, not declined: POI would hold even more of it
        } catch (Grid.TooLarge e) {
            throw e;
        } catch (IOException | SAXException | RuntimeException e) {
            return null;
        }
    }

    private Grid read() throws IOException, SAXException {
        String workbookPart = target("", "_rels/.rels", "/officeDocument");
        if (workbookPart == null) {
            return null;
        }
        String dir = workbookPart.contains("/") ? workbookPart.substring(0, workbookPart.lastIndexOf('/') + 1) : "";
        String workbookRels = dir + "_rels/" + workbookPart.substring(dir.length()) + ".rels";
        Map<String, String[]> rels = relationships(workbookRels, dir);
        List<String[]> sheetRefs = new ArrayList<>(); // name, relationship id, state
        parse(workbookPart, new DefaultHandler() {
            private boolean sawProperties;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
                if (!MAIN_NS.equals(uri)) {
                    if (local.equals("workbook")) {
                        throw new Declined("not a transitional SpreadsheetML workbook");
                    }
                    return;
                }
                if (local.equals("workbookPr") && !sawProperties) {
                    sawProperties = true; // POI reads the first
                    String v = a.getValue("date1904");
                    date1904 = "1".equals(v) || "true".equals(v);
                } else if (local.equals("sheet")) {
                    sheetRefs.add(new String[] {a.getValue("name"), a.getValue(REL_NS, "id"), a.getValue("state")});
                }
            }
        });
        Grid.Budget.sheets(sheetRefs.size());
        for (String[] rel : rels.values()) {
            if (rel[0].endsWith("/sharedStrings")) {
                readSharedStrings(rel[1]);
                parts.remove(rel[1]); // kept as strings now: the part's bytes need not stay too
            } else if (rel[0].endsWith("/styles")) {
                readStyles(rel[1]);
            }
        }
        List<Grid.Sheet> sheets = new ArrayList<>();
        for (String[] ref : sheetRefs) {
            String[] rel = ref[1] == null ? null : rels.get(ref[1]);
            if (ref[0] == null || rel == null || !rel[0].endsWith("/worksheet") || !parts.containsKey(rel[1])) {
                return null; // a chart, dialog or macro sheet, or a broken reference: POI says what it is
            }
            // POI reads an unknown state as visible, as Excel shows the sheet
            sheets.add(readSheet(ref[0], rel[1], "hidden".equals(ref[2]) || "veryHidden".equals(ref[2])));
        }
        return new Grid(sheets);
    }

    // ---- parts ----------------------------------------------------------------------------------

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            return null;
        }
        Map<String, byte[]> parts = new HashMap<>();
        // the local entries in order, with the options of POI's ZipHelper.openZipStream (as WorkbookGuard
        // checks them against the central directory): the data-descriptor entries of POI's streaming
        // writer read here too, where java.util.zip's ZipInputStream fails on them
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", false,
                true)) {
            ZipArchiveEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                // part names are case-insensitive; a duplicate is for POI to refuse
                if (parts.put(e.getName().toLowerCase(Locale.ROOT), zip.readAllBytes()) != null) {
                    return null;
                }
            }
        }
        return parts;
    }

    /** The part a relationship of the given type points at, resolved against {@code dir}. */
    private String target(String dir, String relsPart, String typeSuffix) throws IOException, SAXException {
        for (String[] rel : relationships(relsPart, dir).values()) {
            if (rel[0].endsWith(typeSuffix)) {
                return rel[1];
            }
        }
        return null;
    }

    /** Relationship id to {type, resolved part name (lower case)}; external targets are left out. */
    private Map<String, String[]> relationships(String relsPart, String dir) throws IOException, SAXException {
        Map<String, String[]> rels = new HashMap<>();
        if (!parts.containsKey(relsPart.toLowerCase(Locale.ROOT))) {
            return rels;
        }
        parse(relsPart, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if (local.equals("Relationship") && !"External".equals(a.getValue("TargetMode"))
                        && a.getValue("Id") != null && a.getValue("Type") != null && a.getValue("Target") != null) {
                    rels.put(a.getValue("Id"), new String[] {a.getValue("Type"), resolve(dir, a.getValue("Target"))});
                }
            }
        });
        return rels;
    }

    private static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return String.join("/", out).toLowerCase(Locale.ROOT);
    }

    private void parse(String part, DefaultHandler handler) throws IOException, SAXException {
        byte[] bytes = parts.get(part.toLowerCase(Locale.ROOT));
        if (bytes == null) {
            throw new Declined("no part " + part);
        }
        SAXParser parser;
        try {
            parser = SAX.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
        parser.parse(new ByteArrayInputStream(bytes), handler);
    }

    private static SAXParserFactory saxFactory() {
        // the JDK's own parser, without looking through every jar for another one
        SAXParserFactory f = SAXParserFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        try {
            // workbooks come from outside: no DOCTYPE, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a standard feature", e);
        }
        return f;
    }

    // ---- shared strings and styles -------------------------------------------------------------

    private void readSharedStrings(String part) throws IOException, SAXException {
        parse(part, new DefaultHandler() {
            private final StringBuilder plain = new StringBuilder();
            private final StringBuilder runs = new StringBuilder();
            private long chars;
            private boolean hasRuns;
            private int depthInPhonetic;
            private boolean inRun;
            private boolean inText;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if (!MAIN_NS.equals(uri)) {
                    return;
                }
                switch (local) {
                    case "si" -> {
                        plain.setLength(0);
                        runs.setLength(0);
                        hasRuns = false;
                        chars = 0;
                    }
                    case "rPh" -> depthInPhonetic++;
                    case "r" -> {
                        inRun = true;
                        hasRuns = true;
                    }
                    case "t" -> inText = depthInPhonetic == 0;
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if (!MAIN_NS.equals(uri)) {
                    return;
                }
                switch (local) {
                    case "si" -> {
                        String text = chars > KEEP_CHARS ? null : utfDecode(hasRuns ? runs.toString() : plain.toString());
                        if (text == null || text.length() > Grid.MAX_CELL_CHARS) {
                            // not kept: a cell naming it is unreadable, whatever the table holds
                            longSharedStrings.put(sharedStrings.size(), text == null ? KEEP_CHARS + 1 : text.length());
                            text = null;
                        }
                        sharedStrings.add(text);
                    }
                    case "rPh" -> depthInPhonetic--;
                    case "r" -> inRun = false;
                    case "t" -> inText = false;
                    default -> {
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inText) {
                    StringBuilder into = inRun ? runs : plain;
                    chars += length;
                    if (chars <= KEEP_CHARS) {
                        into.append(ch, start, length);
                    }
                }
            }
        });
    }

    private void readStyles(String part) throws IOException, SAXException {
        parse(part, new DefaultHandler() {
            private boolean inCellXfs;
            /** POI reads the formats of numFmts only, not those of the conditional styles (dxfs). */
            private boolean inNumFmts;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
                if (!MAIN_NS.equals(uri)) {
                    return;
                }
                switch (local) {
                    case "numFmts" -> inNumFmts = true;
                    case "numFmt" -> {
                        String id = a.getValue("numFmtId");
                        if (inNumFmts && id != null && a.getValue("formatCode") != null) {
                            customFormats.put(Integer.parseInt(id), a.getValue("formatCode"));
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            String id = a.getValue("numFmtId");
                            styleFormats.add(id == null ? 0 : (int) Long.parseLong(id));
                        }
                    }
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                if (MAIN_NS.equals(uri) && local.equals("cellXfs")) {
                    inCellXfs = false;
                }
                if (MAIN_NS.equals(uri) && local.equals("numFmts")) {
                    inNumFmts = false;
                }
            }
        });
    }

    /** POI's decoding of the {@code _xHHHH_} escapes Excel writes for control characters. */
    static String utfDecode(String value) {
        if (!value.contains("_x")) {
            return value;
        }
        StringBuilder buf = new StringBuilder();
        Matcher m = UTF_ESCAPE.matcher(value);
        int idx = 0;
        while (m.find()) {
            buf.append(value, idx, m.start());
            buf.append((char) Integer.parseInt(m.group(1), 16));
            idx = m.end();
        }
        if (idx == 0) {
            return value;
        }
        buf.append(value.substring(idx));
        return buf.toString();
    }

    // ---- sheets ---------------------------------------------------------------------------------

    private Grid.Sheet readSheet(String name, String part, boolean hidden) throws IOException, SAXException {
        NavigableMap<Integer, Grid.Row> rows = new TreeMap<>();
        List<CellRangeAddress> merged = new ArrayList<>();
        List<Long> badRows = new ArrayList<>();
        Grid.Layout layout = new Grid.Layout();
        parse(part, new DefaultHandler() {
            private int rowNum = -1;
            /** The row's number is outside the sheet: its cells are counted, not kept. */
            private boolean outOfRange;
            /** Characters of the cell's text seen, kept or not. */
            private long chars;
            private TreeMap<Integer, Grid.Cell> cells;
            private String ref;
            private String type;
            private int style;
            private final StringBuilder text = new StringBuilder();
            private boolean collect;
            private boolean hasValue;
            private String value;
            /** The cell's formula text, null when it has none. */
            private String formula;
            private final StringBuilder inline = new StringBuilder();
            private boolean inInline;
            private boolean hasInline;
            private int phonetic;

            @Override
            public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
                if (!MAIN_NS.equals(uri)) {
                    return; // extensions (x14 data validations hold xm:f formulas of their own)
                }
                switch (local) {
                    case "row" -> {
                        String r = a.getValue("r");
                        if (r == null) {
                            throw new Declined("a row without its number");
                        }
                        long number;
                        try {
                            number = Long.parseLong(r.trim());
                        } catch (NumberFormatException e) {
                            throw new Declined("a row number " + r); // POI refuses it too
                        }
                        layout.row(number);
                        outOfRange = !Grid.rowInRange(number);
                        if (outOfRange) {
                            badRows.add(number);
                        }
                        rowNum = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, number - 1));
                        cells = new TreeMap<>();
                    }
                    case "c" -> {
                        ref = a.getValue("r");
                        if (ref == null || cells == null) {
                            throw new Declined("a cell without its reference");
                        }
                        layout.cell(ref);
                        try {
                            budget.cell(name);
                        } catch (Grid.TooLarge e) {
                            throw new Refused(e);
                        }
                        type = a.getValue("t");
                        chars = 0;
                        String s = a.getValue("s");
                        style = s == null ? 0 : (int) Long.parseLong(s);
                        hasValue = false;
                        value = null;
                        formula = null;
                        inline.setLength(0);
                        inInline = false;
                        hasInline = false;
                    }
                    case "f" -> {
                        // a boolean constant is how LibreOffice saves TRUE/FALSE; other formulas are POI's to read,
                        // and so are array and shared ones, whose other cells POI reads as formulas too
                        String t = a.getValue("t");
                        if ((t != null && !t.equals("normal")) || a.getValue("ref") != null) {
                            throw new Declined("an array or shared formula");
                        }
                        text.setLength(0);
                        collect = true;
                    }
                    case "v" -> {
                        text.setLength(0);
                        collect = true;
                    }
                    case "is" -> {
                        inInline = true;
                        hasInline = true;
                    }
                    case "rPh" -> phonetic++;
                    case "t" -> {
                        if (inInline && phonetic == 0) {
                            text.setLength(0);
                            collect = true;
                        }
                    }
                    case "mergeCell" -> {
                        String range = a.getValue("ref");
                        if (range != null) {
                            merged.add(CellRangeAddress.valueOf(range));
                        }
                    }
                    default -> {
                    }
                }
            }

            @Override
            public void endElement(String uri, String local, String qName) throws SAXException {
                if (!MAIN_NS.equals(uri)) {
                    return;
                }
                switch (local) {
                    case "f" -> {
                        formula = text.toString();
                        collect = false;
                    }
                    case "v" -> {
                        value = text.toString();
                        hasValue = true;
                        collect = false;
                    }
                    case "t" -> {
                        if (collect && inInline) {
                            inline.append(text);
                            collect = false;
                        }
                    }
                    case "rPh" -> phonetic--;
                    case "is" -> inInline = false;
                    case "c" -> {
                        int column = column(ref);
                        Grid.Cell cell;
                        if (formula != null) {
                            Boolean constant = Grid.constantBoolean(formula);
                            if (constant == null) {
                                throw new Declined("a formula");
                            }
                            cell = Grid.booleanCell(column, constant);
                        } else {
                            cell = chars > KEEP_CHARS ? Grid.tooLong(column, (int) chars)
                                    : cell(column, type, style, hasValue, value, hasInline ? inline.toString() : null);
                        }
                        if (!outOfRange) {
                            cells.put(column, cell);
                        }
                    }
                    case "row" -> {
                        if (!outOfRange) {
                            rows.put(rowNum, new Grid.Row(rowNum, cells.values()));
                        }
                        cells = null;
                    }
                    default -> {
                    }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (collect) {
                    chars += length;
                    if (chars <= KEEP_CHARS) {
                        text.append(ch, start, length);
                    }
                }
            }
        });
        parts.remove(part.toLowerCase(Locale.ROOT)); // read once: its bytes need not stay while the next is read
        return new Grid.Sheet(name, rows, merged, hidden, badRows, layout.found);
    }

    private Grid.Cell cell(int column, String t, int style, boolean hasValue, String v, String inline)
            throws Declined {
        String type = t == null ? "n" : t;
        switch (type) {
            case "s" -> {
                if (!hasValue) {
                    return string(column, "");
                }
                int i = Grid.sharedIndex(v, sharedStrings.size());
                if (i < 0) {
                    return Grid.badSharedString(column, v, sharedStrings.size());
                }
                String s = sharedStrings.get(i);
                return s == null ? Grid.tooLong(column, longSharedStrings.get(i)) : string(column, s);
            }
            case "inlineStr" -> {
                return checkedString(column, utfDecode(inline != null ? inline : hasValue ? v : ""));
            }
            case "str" -> {
                return checkedString(column, utfDecode(hasValue ? v : ""));
            }
            case "b" -> {
                Grid.Cell bad = hasValue ? Grid.badBoolean(column, v) : null;
                if (bad != null) {
                    return bad;
                }
                boolean b = hasValue && "1".equals(v);
                return new Grid.Cell(column, CellType.BOOLEAN, null, 0, b, null, null, b ? "TRUE" : "FALSE");
            }
            case "e" -> {
                Grid.Cell bad = hasValue ? Grid.badError(column, v) : null;
                if (bad != null) {
                    return bad;
                }
                String code = hasValue ? v : null;
                String display = code == null ? FormulaError.forInt(0).getString()
                        : FormulaError.forString(code).getString();
                return new Grid.Cell(column, CellType.ERROR, null, 0, false, null, null, display);
            }
            case "n" -> {
                if (!hasValue) {
                    return new Grid.Cell(column, CellType.BLANK, null, 0, false, null, null, "");
                }
                Grid.Cell bad = Grid.badNumber(column, v);
                if (bad != null) {
                    return bad;
                }
                double number = Double.parseDouble(v);
                Integer formatId = style >= 0 && style < styleFormats.size() ? styleFormats.get(style) : null;
                // numFmtId 0 is General: never a date (and DateUtil need not load for it)
                if (formatId != null && formatId != 0 && DateUtil.isValidExcelDate(number)) {
                    int idx = (short) formatId.intValue();
                    String format = customFormats.get(idx & 0xffff);
                    if (format == null) {
                        format = BuiltinFormats.getBuiltinFormat(idx & 0xffff);
                    }
                    if (DateUtil.isADateFormat(idx, format)) {
                        LocalDate date = DateUtil.getLocalDateTime(number, date1904).toLocalDate();
                        String display = format == null || format.trim().isEmpty() ? null : dateText(number, date,
                                idx, format);
                        if (display == null) {
                            throw new Declined("a date without a format string");
                        }
                        return new Grid.Cell(column, CellType.NUMERIC, null, number, false, null, date, display);
                    }
                }
                return new Grid.Cell(column, CellType.NUMERIC, null, number, false, null, null,
                        Grid.plainNumber(number));
            }
            case "d" -> throw new Declined("an ISO date cell");
            default -> {
                return Grid.badType(column, type);
            }
        }
    }

    /**
     * A date cell's display text: as POI's {@link DataFormatter} gives it; the ISO formats analysts'
     * workbooks use are written directly (the same text, without DataFormatter's start-up cost).
     */
    private String dateText(double number, LocalDate date, int idx, String format) {
        if (format.equals("yyyy-mm-dd")) {
            return date.toString();
        }
        if (format.equals("yyyy/mm/dd")) {
            return date.toString().replace('-', '/');
        }
        if (formatter == null) {
            formatter = new DataFormatter(Locale.ROOT);
        }
        return formatter.formatRawCellContents(number, idx, format, date1904);
    }

    /** The 0-based column of a cell reference such as {@code AB12} (as POI's {@code CellReference}). */
    static int column(String ref) throws Declined {
        int col = 0;
        int i = 0;
        if (i < ref.length() && ref.charAt(i) == '$') {
            i++;
        }
        int start = i;
        for (; i < ref.length(); i++) {
            char ch = Character.toUpperCase(ref.charAt(i));
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            col = col * 26 + (ch - 'A' + 1);
        }
        if (i == start || i - start > 3) {
            throw new Declined("a cell reference " + ref);
        }
        return col - 1;
    }

    private static Grid.Cell checkedString(int column, String s) {
        Grid.Cell bad = Grid.tooLong(column, s.length());
        return bad != null ? bad : string(column, s);
    }

    private static Grid.Cell string(int column, String s) {
        return new Grid.Cell(column, CellType.STRING, s, 0, false, null, null, s);
    }
}

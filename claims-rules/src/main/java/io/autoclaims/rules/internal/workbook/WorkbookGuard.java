package io.autoclaims.rules.internal.workbook;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Looks at a workbook file before Apache POI opens it, so that a hostile or broken file is refused
 * with a clear message in bounded memory: macros, external links, zip bombs, and sheets too large to
 * be rule tables. Nothing in the file is ever executed; this only keeps the reader's memory bounded.
 */
public final class WorkbookGuard {
    /*
     * The limits below keep any admitted workbook within a 256 MB heap (-Xmx256m), measured by
     * BoundedMemoryTest: the largest admitted workbook of each shape, loaded in a child JVM, and the
     * smallest heap each needed (JDK 17, default GC, the limits as set here):
     *   10,000-row table as the benchmarks write it (2.4 MB unpacked)      loads,   64 MB
     *   25,000-row table, MAX_RULE_ROWS (5.8 MB unpacked)                  loads,   80 MB
     *   a table past MAX_RULE_ROWS, 12 MB unpacked                         refused, 96 MB
     *   rows of long distinct shared strings, 12 MB unpacked               loads,  128 MB
     *   32,767-character inline strings, 12 MB unpacked                   loads,  112 MB
     *   one 12 MB inline string                                            refused (unreadable cell)
     *   numbers to MAX_CELLS, 12 MB unpacked                               refused, 64 MB
     *   MAX_SHEETS + 1 sheets; 12 MB of styles                             refused; loads, 64 MB
     *   POI's usermodel (a formula), 4 MB unpacked                         loads,  128 MB
     *   an .xls of numbers, 4 MB (HSSF)                                    refused (no About), 80 MB
     * Before: 48 MB unpacked and no cell or row limits, a 12 MB workbook read by POI and a 24 MB one
     * read by FastXlsx ran out of a 256 MB heap, as did a 300,000-row table.
     */
    /** Largest workbook file accepted (compressed). A 10,000-row table is well under 2 MB. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Largest total of the uncompressed parts: bounds the memory POI needs to read the workbook. */
    public static final long MAX_UNCOMPRESSED_BYTES = 12L * 1024 * 1024;
    /** Most cells a workbook may have (counted as they are read, refused past it: both readers). */
    public static final long MAX_CELLS = 300_000;
    /** Most sheets a workbook may have. */
    public static final int MAX_SHEETS = 1_000;
    /** Most rule rows one table may have (each becomes Drools data). */
    public static final int MAX_RULE_ROWS = 25_000;
    /**
     * Largest unpacked size of a workbook that only POI's usermodel reads (formulas, .xls, parts
     * the SAX reader declines): XMLBeans keeps a tree of every cell, many times the XML's size.
     */
    public static final long MAX_FULL_READER_BYTES = 4L * 1024 * 1024;
    /** A part that inflates more than this many times its compressed size is treated as a zip bomb. */
    private static final long MAX_RATIO = 200;
    /** Most zip entries accepted: a workbook of 100 sheets with comments and drawings has a few hundred. */
    static final int MAX_PARTS = 2000;
    private static final byte[] CENTRAL_HEADER = {'P', 'K', 1, 2};
    /** The signature of an OLE2 compound file (a VBA project, an ActiveX binary, an embedded object). */
    private static final byte[] CFB_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1};
    /** In a content type or relationship type (lower case): the package declares code. */
    private static final List<String> CODE_MARKERS = List.of("vbaproject", "macroenabled", "macrosheet", "activex");

    private WorkbookGuard() {
    }

    /** True when the file may be opened; otherwise an error naming the file is added. */
    static boolean check(String file, byte[] bytes, List<WorkbookIssue> issues) {
        CellRef where = CellRef.workbook(file);
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsm") || lower.endsWith(".xltm") || lower.endsWith(".xlsb")) {
            issues.add(WorkbookIssue.error("MACRO_WORKBOOK", where,
                    "macro-enabled and binary workbooks are not accepted as rule workbooks",
                    "save it as an Excel Workbook (.xlsx); rules are values, never code").withZh(
                    "启用宏的工作簿和二进制工作簿不能作为规则工作簿",
                    "请另存为 Excel 工作簿（.xlsx）；规则只填写取值，从不包含代码"));
            return false;
        }
        if (bytes.length > MAX_FILE_BYTES) {
            issues.add(tooLarge(where, bytes.length));
            return false;
        }
        if (startsWith(bytes, CFB_MAGIC)) {
            return checkCompoundFile(where, bytes, issues);
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            // not a zip: let POI say what it is (an old .xls, or not a workbook at all)
            return true;
        }
        try {
            return checkZip(where, bytes, issues);
        } catch (IOException | RuntimeException e) {
            issues.add(Unreadable.workbook(where, bytes, e));
            return false;
        }
    }

    /**
     * The zip's parts as its central directory lists them (what Excel and LibreOffice read; it also
     * holds the sizes of entries written with data descriptors, as POI's streaming writer writes
     * them), with every part inflated once to count its real size and look at its content; then the
     * local entries, as POI will stream them, must be the same parts.
     */
    private static boolean checkZip(CellRef where, byte[] bytes, List<WorkbookIssue> issues) throws IOException {
        // counted before the central directory is parsed: a directory of a million tiny entries costs memory
        int records = countSignatures(bytes, CENTRAL_HEADER);
        if (records > MAX_PARTS) {
            issues.add(tooManyParts(where, records));
            return false;
        }
        Map<String, String> names = new HashMap<>(); // lower case to as written
        Map<String, byte[]> packageParts = new TreeMap<>(); // [Content_Types].xml first, then the .rels parts
        Map<String, long[]> contents = new HashMap<>(); // lower case to {CRC-32, size} of what inflates
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (names.put(lower, name) != null) {
                    // part names are case-insensitive: which of two the reader takes is not ours to guess
                    issues.add(WorkbookIssue.error("UNREADABLE_WORKBOOK", where,
                            "the workbook's zip holds the part " + shown(name) + " twice",
                            "save the workbook again from Excel, WPS or LibreOffice").withZh(
                            "工作簿的 zip 中部件 " + shown(name) + " 出现了两次",
                            "请用 Excel、WPS 或 LibreOffice 重新保存工作簿"));
                    return false;
                }
                if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbaprojectsignature.bin")) {
                    issues.add(macros(where, "the part " + shown(name), "部件 " + shown(name)));
                    return false;
                }
                if (lower.startsWith("xl/externallinks/")) {
                    issues.add(WorkbookIssue.error("EXTERNAL_LINK", where,
                            "the workbook links to other workbooks; rule values must be typed in this one",
                            "break the links (Data > Edit Links > Break Link) and save again").withZh(
                            "工作簿链接了其他工作簿；规则取值必须直接填写在本工作簿中",
                            "请断开链接（数据 > 编辑链接 > 断开链接）后重新保存"));
                    return false;
                }
                boolean keep = lower.equals("[content_types].xml") || lower.endsWith(".rels");
                ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
                byte[] head = new byte[CFB_MAGIC.length];
                long size = 0;
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    // count what actually inflates: sizes in the directory can lie
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        crc.update(buffer, 0, n);
                        if (size < head.length) {
                            System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
                        }
                        size += n;
                        total += n;
                        if (total > MAX_UNCOMPRESSED_BYTES) {
                            issues.add(unpacksTooLarge(where));
                            return false;
                        }
                        if (kept != null) {
                            kept.write(buffer, 0, n);
                        }
                    }
                }
                long compressed = entry.getCompressedSize();
                if (compressed > 0 && size > 1024 * 1024 && size / compressed > MAX_RATIO) {
                    issues.add(WorkbookIssue.error("ZIP_BOMB", where,
                            "the part " + shown(name) + " inflates " + size / compressed
                                    + " times its packed size: refused as a possible zip bomb",
                            "save the workbook again from Excel, WPS or LibreOffice").withZh(
                            "部件 " + shown(name) + " 解压后是压缩大小的 " + size / compressed
                                    + " 倍：疑似 zip 炸弹，已拒绝",
                            "请用 Excel、WPS 或 LibreOffice 重新保存工作簿"));
                    return false;
                }
                if (size >= head.length && startsWith(head, CFB_MAGIC)) {
                    // VBA projects, ActiveX binaries and embedded OLE objects are compound files, whatever their name
                    issues.add(macros(where, "the part " + shown(name) + " (an OLE compound file: a VBA project, "
                            + "an ActiveX control or an embedded object)",
                            "部件 " + shown(name) + "（OLE 复合文件：VBA 工程、ActiveX 控件或嵌入对象）"));
                    return false;
                }
                if (kept != null) {
                    packageParts.put(lower, kept.toByteArray());
                }
                contents.put(lower, new long[] {crc.getValue(), size});
            }
        }
        String code = declaredCode(packageParts);
        if (code != null) {
            issues.add(macros(where, code, code));
            return false;
        }
        return sameLocalEntries(where, bytes, names, contents, issues);
    }

    /** An old binary workbook (.xls) whatever its name: refused when it holds a VBA project. */
    private static boolean checkCompoundFile(CellRef where, byte[] bytes, List<WorkbookIssue> issues) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            for (String vba : List.of("_VBA_PROJECT_CUR", "_VBA_PROJECT", "VBA")) {
                if (fs.getRoot().hasEntryCaseInsensitive(vba)) {
                    issues.add(macros(where, "the stream " + vba, "数据流 " + vba));
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a compound file after all: POI says what it is
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * True when the zip's local entries, read in order as POI and {@link FastXlsx} read them, are
     * exactly the parts of its central directory, each with the same content (CRC-32 and size of
     * what inflates): a part hidden from the directory would reach the reader unchecked, and a local
     * entry that differs from the directory's (a second local header the directory points at, behind
     * a stray directory signature that ends the readers' walk) would show the analyst in Excel one
     * rule set while the engine runs another.
     */
    private static boolean sameLocalEntries(CellRef where, byte[] bytes, Map<String, String> names,
            Map<String, long[]> contents, List<WorkbookIssue> issues) throws IOException {
        Set<String> seen = new HashSet<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        // the options of POI's ZipHelper.openZipStream
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.name(), false, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String lower = entry.getName().toLowerCase(Locale.ROOT);
                boolean part = !entry.isDirectory();
                if (part && (!names.containsKey(lower) || !seen.add(lower))) {
                    issues.add(WorkbookIssue.error("UNREADABLE_WORKBOOK", where,
                            "the workbook's zip holds a part " + shown(entry.getName())
                                    + " that its central directory does not list",
                            "save the workbook again from Excel, WPS or LibreOffice").withZh(
                            "工作簿的 zip 中有部件 " + shown(entry.getName()) + " 未列在其中央目录中",
                            "请用 Excel、WPS 或 LibreOffice 重新保存工作簿"));
                    return false;
                }
                CRC32 crc = new CRC32();
                long size = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                    size += n;
                    total += n;
                    if (total > MAX_UNCOMPRESSED_BYTES) {
                        issues.add(unpacksTooLarge(where));
                        return false;
                    }
                }
                long[] listed = part ? contents.get(lower) : null;
                if (listed != null && (listed[0] != crc.getValue() || listed[1] != size)) {
                    issues.add(WorkbookIssue.error("UNREADABLE_WORKBOOK", where,
                            "the workbook's zip holds two different contents for the part " + shown(entry.getName())
                                    + ": the one its central directory lists and another that readers reach first",
                            "save the workbook again from Excel, WPS or LibreOffice").withZh(
                            "工作簿的 zip 中部件 " + shown(entry.getName())
                                    + " 有两份不同的内容：中央目录列出的一份，以及读取程序先读到的另一份",
                            "请用 Excel、WPS 或 LibreOffice 重新保存工作簿"));
                    return false;
                }
            }
        }
        if (seen.size() != names.size()) {
            String missing = names.keySet().stream().filter(n -> !seen.contains(n)).sorted().findFirst()
                    .map(names::get).orElse("?");
            issues.add(WorkbookIssue.error("UNREADABLE_WORKBOOK", where,
                    "the workbook's central directory lists the part " + shown(missing)
                            + ", which the zip's entries, read in order, do not reach",
                    "save the workbook again from Excel, WPS or LibreOffice").withZh(
                    "工作簿的中央目录列出了部件 " + shown(missing) + "，但按顺序读取 zip 条目时读不到它",
                    "请用 Excel、WPS 或 LibreOffice 重新保存工作簿"));
            return false;
        }
        return true;
    }

    /**
     * What the package itself declares as code: a content type (by {@code Default} extension or
     * {@code Override} part) or a relationship of a VBA project, macro sheet or ActiveX control, or a
     * macro-enabled workbook; null when it declares none.
     */
    private static String declaredCode(Map<String, byte[]> packageParts) throws IOException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> part : packageParts.entrySet()) {
            String attribute = part.getKey().equals("[content_types].xml") ? "ContentType" : "Type";
            parse(part.getValue(), new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                    String value = a.getValue(attribute);
                    if (found.isEmpty() && value != null) {
                        String v = value.toLowerCase(Locale.ROOT);
                        for (String marker : CODE_MARKERS) {
                            if (v.contains(marker)) {
                                found.add((attribute.equals("Type") ? "a relationship of type " : "the content type ")
                                        + shown(value) + " in " + shown(part.getKey()));
                                return;
                            }
                        }
                    }
                }
            });
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static void parse(byte[] xml, DefaultHandler handler) throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.newSAXParser().parse(new ByteArrayInputStream(xml), handler);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e); // worded by Unreadable
        }
    }

    private static WorkbookIssue macros(CellRef where, String what, String whatZh) {
        return WorkbookIssue.error("MACRO_WORKBOOK", where,
                "the workbook contains macros or other code: " + what,
                "save it as an Excel Workbook (.xlsx) without macros, controls or embedded objects; "
                        + "rules are values, never code").withZh(
                "工作簿包含宏或其他代码：" + whatZh,
                "请另存为不含宏、控件或嵌入对象的 Excel 工作簿（.xlsx）；规则只填写取值，从不包含代码");
    }

    private static WorkbookIssue unpacksTooLarge(CellRef where) {
        return WorkbookIssue.error("WORKBOOK_TOO_LARGE", where,
                "the workbook unpacks to more than " + mb(MAX_UNCOMPRESSED_BYTES)
                        + " (a sheet with far more rows than a rule table has, or a zip bomb)",
                "keep rule tables to their rows; move data and pictures to other files").withZh(
                "工作簿解压后超过 " + mb(MAX_UNCOMPRESSED_BYTES)
                        + "（某个工作表的行数远超规则表应有的行数，或是 zip 炸弹）",
                "规则表只保留规则行；数据和图片请移到其他文件");
    }

    private static WorkbookIssue tooManyParts(CellRef where, int parts) {
        return WorkbookIssue.error("WORKBOOK_TOO_LARGE", where,
                "the workbook's zip has " + parts + " entries, more than the " + MAX_PARTS
                        + " a rule workbook may have",
                "keep rule tables to their rows; move data and pictures to other files").withZh(
                "工作簿的 zip 中有 " + parts + " 个条目，超过规则工作簿允许的 " + MAX_PARTS + " 个",
                "规则表只保留规则行；数据和图片请移到其他文件");
    }

    /** Occurrences of a 4-byte signature: an upper bound on the zip's central directory records. */
    private static int countSignatures(byte[] bytes, byte[] signature) {
        int count = 0;
        for (int i = 0; i + 3 < bytes.length; i++) {
            if (bytes[i] == signature[0] && bytes[i + 1] == signature[1] && bytes[i + 2] == signature[2]
                    && bytes[i + 3] == signature[3]) {
                count++;
            }
        }
        return count;
    }

    /** A name from the file, printable in a message: on one line ({@link NameText}), bounded length. */
    private static String shown(String name) {
        return NameText.oneLine(name.length() > 120 ? name.substring(0, 120) : name);
    }

    /**
     * Refuses, before POI's usermodel opens it, a workbook larger than that reader holds in the
     * documented heap: its unpacked size (an .xls: its file size) over {@link #MAX_FULL_READER_BYTES}.
     */
    static void checkFullReader(byte[] bytes) {
        long size = bytes.length;
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            size = 0;
            // commons-compress: it reads the zips with data descriptors that POI's streaming writer makes
            try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8",
                    true, true)) {
                byte[] buffer = new byte[64 * 1024];
                while (zip.getNextEntry() != null && size <= MAX_FULL_READER_BYTES) {
                    for (int n; size <= MAX_FULL_READER_BYTES && (n = zip.read(buffer)) > 0; ) {
                        size += n;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return; // not a zip it can count: POI refuses it with its own reason
            }
        }
        if (size > MAX_FULL_READER_BYTES) {
            throw new Grid.TooLarge(null, "the workbook holds formulas or parts that only the full reader reads, "
                    + "which holds at most " + mb(MAX_FULL_READER_BYTES) + " unpacked; this one has more",
                    "工作簿包含只有完整读取器才能读取的公式或部件，完整读取器最多处理解压后 " + mb(MAX_FULL_READER_BYTES)
                            + " 的工作簿；此工作簿超过该大小");
        }
    }

    /** The error for a file too large to be a rule workbook, before reading it. */
    public static WorkbookIssue tooLarge(CellRef where, long bytes) {
        return WorkbookIssue.error("WORKBOOK_TOO_LARGE", where,
                "the file has " + mb(bytes) + ", more than the " + mb(MAX_FILE_BYTES) + " a rule workbook may have",
                "keep rule tables to their rows; move data and pictures to other files").withZh(
                "文件大小为 " + mb(bytes) + "，超过规则工作簿允许的 " + mb(MAX_FILE_BYTES),
                "规则表只保留规则行；数据和图片请移到其他文件");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}

package io.autoclaims.rules.internal;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

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
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            // not a zip: let POI say what it is (an old .xls, or not a workbook at all)
            return true;
        }
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith("vbaproject.bin")) {
                    issues.add(WorkbookIssue.error("MACRO_WORKBOOK", where, "the workbook contains macros (VBA)",
                            "save it as an Excel Workbook (.xlsx) without macros").withZh(
                            "工作簿包含宏（VBA）", "请另存为不含宏的 Excel 工作簿（.xlsx）"));
                    return false;
                }
                if (name.startsWith("xl/externallinks/")) {
                    issues.add(WorkbookIssue.error("EXTERNAL_LINK", where,
                            "the workbook links to other workbooks; rule values must be typed in this one",
                            "break the links (Data > Edit Links > Break Link) and save again").withZh(
                            "工作簿链接了其他工作簿；规则取值必须直接填写在本工作簿中",
                            "请断开链接（数据 > 编辑链接 > 断开链接）后重新保存"));
                    return false;
                }
                long size = 0;
                // count what actually inflates: entry headers can lie
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    size += n;
                    total += n;
                    if (total > MAX_UNCOMPRESSED_BYTES) {
                        issues.add(WorkbookIssue.error("WORKBOOK_TOO_LARGE", where,
                                "the workbook unpacks to more than " + mb(MAX_UNCOMPRESSED_BYTES)
                                        + " (a sheet with far more rows than a rule table has, or a zip bomb)",
                                "keep rule tables to their rows; move data and pictures to other files").withZh(
                                "工作簿解压后超过 " + mb(MAX_UNCOMPRESSED_BYTES)
                                        + "（某个工作表的行数远超规则表应有的行数，或是 zip 炸弹）",
                                "规则表只保留规则行；数据和图片请移到其他文件"));
                        return false;
                    }
                }
                long compressed = entry.getCompressedSize();
                if (compressed > 0 && size > 1024 * 1024 && size / compressed > MAX_RATIO) {
                    issues.add(WorkbookIssue.error("ZIP_BOMB", where,
                            "the part " + entry.getName() + " inflates " + size / compressed
                                    + " times its packed size: refused as a possible zip bomb",
                            "save the workbook again from Excel, WPS or LibreOffice").withZh(
                            "部件 " + entry.getName() + " 解压后是压缩大小的 " + size / compressed
                                    + " 倍：疑似 zip 炸弹，已拒绝",
                            "请用 Excel、WPS 或 LibreOffice 重新保存工作簿"));
                    return false;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            issues.add(WorkbookIssue.error("UNREADABLE_WORKBOOK", where,
                    "the file cannot be read as an Excel workbook: " + e.getMessage(),
                    "save it as .xlsx from Excel, WPS or LibreOffice").withZh(
                    "文件无法作为 Excel 工作簿读取：" + e.getMessage(),
                    "请用 Excel、WPS 或 LibreOffice 另存为 .xlsx"));
            return false;
        }
        return true;
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

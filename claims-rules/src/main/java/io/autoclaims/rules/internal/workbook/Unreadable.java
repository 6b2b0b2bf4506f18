package io.autoclaims.rules.internal.workbook;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.ArchiveException;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.xml.sax.SAXException;

/**
 * The library's own words, in English and Chinese, for why a file is not a readable workbook. A
 * reader's exception text is English only, changes between versions and can quote the file's bytes,
 * so it never reaches an analyst: the reason is chosen by the kind of failure instead.
 */
public final class Unreadable {
    private static final String FIX = "save it as .xlsx from Excel, WPS or LibreOffice";
    private static final String FIX_ZH = "请用 Excel、WPS 或 LibreOffice 另存为 .xlsx";

    private Unreadable() {}

    /** A reason: its English and Chinese, and how to fix it. */
    record Why(String en, String zh, String fix, String fixZh) {
        private Why(String en, String zh) {
            this(en, zh, FIX, FIX_ZH);
        }
    }

    static final Why EMPTY = new Why("the file is empty", "文件是空的");
    static final Why ENCRYPTED = new Why("the workbook is encrypted with a password to open",
            "工作簿设置了打开密码，已被加密",
            "remove the password to open (Excel: File > Info > Protect Workbook > Encrypt with Password) and save again",
            "请取消打开密码（Excel：文件 > 信息 > 保护工作簿 > 用密码进行加密）后重新保存");
    static final Why OLD_EXCEL = new Why("it is an Excel 95 or older file, which nothing here reads",
            "这是 Excel 95 或更早版本的文件，无法读取");
    static final Why NOT_A_WORKBOOK = new Why("it is not an Excel workbook (.xlsx or .xls)",
            "它不是 Excel 工作簿（.xlsx 或 .xls）");
    static final Why DAMAGED_ZIP = new Why("its zip container is damaged or cut short",
            "文件的 zip 容器已损坏或不完整");
    static final Why BAD_XML = new Why("a part of it is not well-formed XML", "其中某个部件不是格式正确的 XML");
    static final Why BAD_PACKAGE = new Why("its package structure is not that of a workbook",
            "其包结构不是工作簿的结构");
    static final Why DAMAGED = new Why("its content is damaged or in a form this library does not read",
            "其内容已损坏，或是本库无法读取的形式");

    /** The reason for a failure to open or read a workbook: the most specific kind along its causes. */
    static Why why(Throwable failure) {
        // bounded: a cause chain can be made to loop (A caused by B caused by A)
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            Why why = direct(t);
            if (why != null) {
                return why;
            }
        }
        return DAMAGED;
    }

    private static Why direct(Throwable t) {
        if (t instanceof EmptyFileException) {
            return EMPTY;
        }
        if (t instanceof EncryptedDocumentException) {
            return ENCRYPTED;
        }
        if (t instanceof OldExcelFormatException) {
            return OLD_EXCEL;
        }
        if (t instanceof NotOfficeXmlFileException || t instanceof NotOLE2FileException
                || t instanceof OfficeXmlFileException) {
            return NOT_A_WORKBOOK;
        }
        if (t instanceof SAXException) {
            return BAD_XML;
        }
        if (t instanceof ZipException || t instanceof EOFException || t instanceof ArchiveException
                || t.getClass().getName().startsWith("org.apache.commons.compress.archivers.zip.")) {
            return DAMAGED_ZIP;
        }
        if (t instanceof InvalidFormatException) {
            return BAD_PACKAGE;
        }
        return null;
    }

    /** The UNREADABLE_WORKBOOK error for a failure reading a workbook's bytes. */
    public static WorkbookIssue workbook(CellRef where, byte[] bytes, Throwable failure) {
        Why why = bytes.length == 0 ? EMPTY
                : FileMagic.valueOf(bytes) != FileMagic.OOXML && FileMagic.valueOf(bytes) != FileMagic.OLE2
                        ? NOT_A_WORKBOOK : why(failure);
        return WorkbookIssue.error("UNREADABLE_WORKBOOK", where,
                "the file cannot be read as an Excel workbook: " + why.en(), why.fix())
                .withZh("文件无法作为 Excel 工作簿读取：" + why.zh(), why.fixZh());
    }

    /** The UNREADABLE_FILE error for a rulebook file or folder the file system would not give. */
    public static WorkbookIssue file(CellRef where, String path, java.io.IOException failure) {
        String en;
        String zh;
        if (failure instanceof NoSuchFileException) {
            en = "it does not exist";
            zh = "文件不存在";
        } else if (failure instanceof AccessDeniedException) {
            en = "permission denied";
            zh = "没有读取权限";
        } else if (failure instanceof NotDirectoryException) {
            en = "a part of the path is not a folder";
            zh = "路径中有一部分不是文件夹";
        } else if (failure instanceof FileSystemException) {
            en = "the file system refused it";
            zh = "文件系统拒绝了读取";
        } else {
            en = "an input/output error";
            zh = "发生输入输出错误";
        }
        return WorkbookIssue.error("UNREADABLE_FILE", where, "cannot read " + path + ": " + en,
                "check the path and the file's permissions").withZh("无法读取 " + path + "：" + zh,
                "请检查路径和文件权限");
    }
}

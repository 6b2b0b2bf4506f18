package io.autoclaims.rules.internal.compile;

import io.autoclaims.model.RulebookInfo;
import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.analysis.Lint;
import io.autoclaims.rules.internal.analysis.Validator;
import io.autoclaims.rules.internal.table.TableModel;
import io.autoclaims.rules.internal.table.WorkbookModel;
import io.autoclaims.rules.internal.workbook.WorkbookReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Workbook bytes to a running rulebook: read, type-check, validate, generate DRL, compile. */
public final class RulebookCompiler {
    private RulebookCompiler() {
    }

    /**
     * Compiles workbooks given by file name. Throws {@link RulebookException} with every issue, in
     * sheet order, when any error is found.
     */
    public static CompiledRulebook compile(Map<String, byte[]> files) {
        return compile(files, DrlWriter.INDEXED_MIN_ROWS);
    }

    /**
     * As {@link #compile(Map)}, with tables of {@code indexedMinRows} rows or more compiled to shape
     * rules over indexed row facts (1: every table; {@code Integer.MAX_VALUE}: none, one rule per row).
     * For equivalence tests and diagnostics: both forms must give the same verdicts.
     */
    public static CompiledRulebook compile(Map<String, byte[]> files, int indexedMinRows) {
        List<WorkbookIssue> issues = new ArrayList<>();
        if (files.isEmpty()) {
            issues.add(WorkbookIssue.error("NO_WORKBOOKS", CellRef.workbook("(none)"),
                    "no rule workbook was given", "give .xlsx files or a folder that holds them"));
            throw failure(issues);
        }
        List<WorkbookModel> workbooks = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            WorkbookModel wb = WorkbookReader.read(f.getKey(), f.getValue(), issues);
            if (wb != null) {
                workbooks.add(wb);
            }
        }
        checkInForceDates(workbooks, issues);
        List<TableModel> tables = new ArrayList<>();
        workbooks.forEach(w -> tables.addAll(w.tables()));
        // across tables, those with errors too, so that a load lists every problem at once
        List<TableModel> allTables = new ArrayList<>();
        workbooks.forEach(w -> allTables.addAll(w.allTables()));
        Validator.check(allTables, issues);
        Validator.checkLawSheet(allTables, workbooks.stream().flatMap(w -> w.laws().stream()).toList(), issues);
        if (issues.stream().anyMatch(WorkbookIssue::isError)) {
            throw failure(issues);
        }
        List<TableModel> stages = new ArrayList<>();
        List<CompiledRulebook.RowRef> rows = CompiledRulebook.number(tables, stages);
        DrlWriter.Result drl = DrlWriter.write(rows, indexedMinRows);
        Network network = DroolsCompiler.network(drl, CellRef.workbook(workbooks.get(0).file()), issues);
        if (network == null) {
            throw failure(issues);
        }
        List<WorkbookIssue> warnings = issues.stream().sorted(WorkbookIssue.IN_SHEET_ORDER).toList();
        return CompiledRulebook.of(stages, rows, info(workbooks), workbooks, warnings, network,
                RowIndex.forShapes(drl.shapes(), network.kieBase()));
    }

    /**
     * Everything {@code claims check} reports: what loading checks (types, references, legal
     * floors, and Drools' own compilation), plus the table analysis (gaps, unreachable rows,
     * overlaps). Never throws for a bad workbook; the issues are in sheet order.
     */
    public static List<WorkbookIssue> check(Map<String, byte[]> files) {
        List<WorkbookIssue> issues = new ArrayList<>();
        List<TableModel> tables = new ArrayList<>();
        List<TableModel> allTables = new ArrayList<>();
        List<WorkbookModel.LawBound> laws = new ArrayList<>();
        List<WorkbookModel> workbooks = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            WorkbookModel wb = WorkbookReader.read(f.getKey(), f.getValue(), issues);
            if (wb != null) {
                workbooks.add(wb);
                tables.addAll(wb.tables());
                allTables.addAll(wb.allTables());
                laws.addAll(wb.laws());
            }
        }
        // every row is checked across tables, rows with errors too; the table analysis (gaps,
        // overlaps) only on tables read without error, as a row missing a bad cell would mislead it
        Validator.check(allTables, issues);
        Validator.checkLawSheet(allTables, laws, issues);
        checkInForceDates(workbooks, issues);
        Lint.check(tables, issues);
        if (issues.stream().noneMatch(WorkbookIssue::isError) && !tables.isEmpty()) {
            List<TableModel> stages = new ArrayList<>();
            DrlWriter.Result drl = DrlWriter.write(CompiledRulebook.number(tables, stages));
            DroolsCompiler.compile(drl, CellRef.workbook(tables.get(0).workbook()), issues);
        }
        return issues.stream().sorted(WorkbookIssue.IN_SHEET_ORDER).toList();
    }

    /**
     * The table analysis of {@code claims check} (gaps, unreachable rows, overlaps) on a rulebook
     * already compiled: its tables as read, without reading or compiling again. In sheet order.
     */
    public static List<WorkbookIssue> lint(CompiledRulebook rulebook) {
        List<WorkbookIssue> issues = new ArrayList<>();
        List<TableModel> tables = new ArrayList<>();
        rulebook.workbooks().forEach(w -> tables.addAll(w.tables()));
        Lint.check(tables, issues);
        return issues.stream().sorted(WorkbookIssue.IN_SHEET_ORDER).toList();
    }

    /** The tables of the workbooks as read (type-checked, not compiled); problems go to {@code issues}. */
    public static List<WorkbookModel> read(Map<String, byte[]> files, List<WorkbookIssue> issues) {
        List<WorkbookModel> workbooks = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            WorkbookModel wb = WorkbookReader.read(f.getKey(), f.getValue(), issues);
            if (wb != null) {
                workbooks.add(wb);
            }
        }
        return workbooks;
    }

    /** Name, version and fingerprint of workbooks as read. */
    public static RulebookInfo infoOf(List<WorkbookModel> workbooks) {
        return info(workbooks);
    }

    /**
     * The workbooks of one rulebook are in force together: every About sheet that states an {@code In
     * force from} date must state the same one (stating it in one workbook is enough). A differing
     * date is an error at its cell naming the first workbook's cell.
     */
    static void checkInForceDates(List<WorkbookModel> workbooks, List<WorkbookIssue> issues) {
        WorkbookModel first = null;
        for (WorkbookModel w : workbooks) {
            if (w.inForceFrom() == null) {
                continue;
            }
            if (first == null) {
                first = w;
            } else if (!first.inForceFrom().equals(w.inForceFrom())) {
                issues.add(WorkbookIssue.error("IN_FORCE_DATES_DIFFER", w.inForceCell(),
                        "this workbook says the rulebook is in force from " + w.inForceFrom() + ", "
                                + first.inForceCell() + " says " + first.inForceFrom(),
                        "the workbooks of one rulebook are in force together: write the same date in both About "
                                + "sheets, or leave it in one of them only")
                        .withZh("本工作簿写明规则集自 " + w.inForceFrom() + " 起施行，而 " + first.inForceCell()
                                        + " 写的是 " + first.inForceFrom(),
                                "同一规则集的工作簿同时施行：请在两个 About 工作表中填写相同日期，或只在其中一个填写"));
            }
        }
    }

    /** The date the workbooks state they are in force from (the first that states one), or null. */
    private static java.time.LocalDate inForceFrom(List<WorkbookModel> workbooks) {
        for (WorkbookModel w : workbooks) {
            if (w.inForceFrom() != null) {
                return w.inForceFrom();
            }
        }
        return null;
    }

    private static RulebookException failure(List<WorkbookIssue> issues) {
        return new RulebookException(issues.stream().sorted(WorkbookIssue.IN_SHEET_ORDER).toList());
    }

    private static RulebookInfo info(List<WorkbookModel> workbooks) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> versions = new LinkedHashSet<>();
        // digested piece by piece: the same hash as of the texts joined, without a joined copy in memory
        MessageDigest md = sha256();
        for (WorkbookModel w : workbooks) {
            names.add(w.name());
            versions.add(w.version());
            md.update(("#workbook " + w.file() + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(w.canonical().getBytes(StandardCharsets.UTF_8));
        }
        return new RulebookInfo(String.join(" + ", names), String.join(" + ", versions),
                HexFormat.of().formatHex(md.digest()), inForceFrom(workbooks), null);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

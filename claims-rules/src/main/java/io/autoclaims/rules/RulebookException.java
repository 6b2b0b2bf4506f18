package io.autoclaims.rules;

import io.autoclaims.model.ClaimsException;
import java.io.Serial;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rulebook that does not load, or that a checked swap refuses: every issue found, errors and
 * warnings, in sheet order, each at its cell, in English and Chinese.
 */
public final class RulebookException extends ClaimsException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Issues are records of the library, not serializable; a deserialized exception keeps its message. */
    private final transient List<WorkbookIssue> issues;

    /**
     * The exception for the issues found.
     *
     * @param issues every issue, errors and warnings; the message lists the errors
     */
    public RulebookException(List<WorkbookIssue> issues) {
        super(summary(Objects.requireNonNull(issues, "issues")));
        this.issues = List.copyOf(issues);
    }

    /**
     * Issues caused by a failure that is not the workbook's (a bug, the heap running out).
     *
     * @param issues every issue, errors and warnings
     * @param cause  the failure, kept as the cause
     */
    public RulebookException(List<WorkbookIssue> issues, Throwable cause) {
        super(summary(Objects.requireNonNull(issues, "issues")), Objects.requireNonNull(cause, "cause"));
        this.issues = List.copyOf(issues);
    }

    /**
     * Runs a load or a check so that every failure is a {@code RulebookException}: one the workbooks
     * cause is already one; anything else (an exception from POI or Drools, the heap running out,
     * a stack overflow, a class that fails to link) becomes one error at {@code workbooks}, with the
     * failure as its cause; an AssertionError stays loud (the tests' reader cross-check). The
     * load's half-built objects are unreachable once it has failed, so the heap it used is free again.
     */
    static <T> T guard(String workbooks, java.util.function.Supplier<T> load) {
        try {
            return load.get();
        } catch (RulebookException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            throw new RulebookException(List.of(WorkbookIssue.error("OUT_OF_MEMORY", CellRef.workbook(workbooks),
                    "the Java heap (" + mb + " MB) ran out while loading or checking the rulebook",
                    "make the workbooks smaller (fewer rows, shorter texts), or give the JVM more heap (-Xmx)")
                    .withZh("加载或检查规则集时 Java 堆内存（" + mb + " MB）耗尽",
                            "请缩小工作簿（减少行数、缩短文本），或为 JVM 分配更多堆内存（-Xmx）")), e);
        } catch (StackOverflowError e) {
            // deep nesting in a file (XML, a long condition) can cause it as well as a bug: say both
            throw new RulebookException(List.of(WorkbookIssue.error("LOAD_FAILED", CellRef.workbook(workbooks),
                    "the thread's stack ran out while loading or checking the rulebook",
                    "a workbook may nest too deeply (save it again from Excel, WPS or LibreOffice, shorten very long "
                            + "cells); if it still fails, report it with the workbooks").withZh(
                    "加载或检查规则集时线程栈耗尽",
                    "工作簿可能嵌套过深（请用 Excel、WPS 或 LibreOffice 重新保存，缩短过长的单元格）；"
                            + "如仍失败，请连同工作簿一起报告")), e);
        } catch (RuntimeException | LinkageError e) {
            throw new RulebookException(List.of(WorkbookIssue.error("LOAD_FAILED", CellRef.workbook(workbooks),
                    "loading or checking the rulebook failed: " + e,
                    "this is a bug, not a mistake in the workbook: report it with the workbooks").withZh(
                    "加载或检查规则集失败：" + e, "这是程序缺陷，不是工作簿的错误：请连同工作簿一起报告")), e);
        }
    }

    /**
     * All issues, in sheet order.
     *
     * @return errors and warnings, unmodifiable
     */
    public List<WorkbookIssue> issues() {
        return issues;
    }

    /**
     * Only the errors.
     *
     * @return the issues that stop a load or a swap, unmodifiable
     */
    public List<WorkbookIssue> errors() {
        return issues.stream().filter(WorkbookIssue::isError).toList();
    }

    private static String summary(List<WorkbookIssue> issues) {
        List<WorkbookIssue> errors = issues.stream().filter(WorkbookIssue::isError).toList();
        return "The rulebook has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n"
                + errors.stream().map(WorkbookIssue::toString).collect(Collectors.joining("\n"));
    }
}

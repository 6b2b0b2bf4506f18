package io.autoclaims.rules;

import io.autoclaims.rules.internal.workbook.Unreadable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The versions of a rulebook over time, each in force from the date its About sheet states
 * ({@code In force from 施行日期}) until the next version's date. Immutable and thread-safe.
 *
 * <pre>{@code
 * RulebookHistory history = RulebookHistory.load(Path.of("rules"));   // rules/2026.1/, rules/2027.1/, ...
 * Adjudicator adjudicator = Adjudicator.of(history);                   // per claim, the version in force
 * history.versionOn(LocalDate.of(2027, 3, 1));                         // on its incident date
 * }</pre>
 *
 * <p>Every version is a complete rulebook (all its workbooks, with their scenario files); no two are
 * in force from the same date, and each states its date. Finding the version of a date is a binary
 * search over the sorted dates.
 */
public final class RulebookHistory {
    /** The versions by date, ascending; {@link #days} holds their dates as epoch days, the same order. */
    private final Rulebook[] versions;
    private final long[] days;

    private RulebookHistory(Rulebook[] sorted) {
        this.versions = sorted;
        this.days = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            days[i] = sorted[i].inForceFrom().orElseThrow().toEpochDay();
        }
    }

    /**
     * Loads a folder of version folders ({@code rules/2026.1/}, {@code rules/2027.1/}, ...), each
     * loaded as {@link Rulebook#load(Path...)} loads a folder; hidden folders are skipped. Every
     * version is validated before anything is refused, so the exception lists every problem of every
     * version at once, each workbook named with its version folder
     * ({@code 2027.1/warranty.xlsx!Terms 保修期限!C9: ...}).
     *
     * @param folder the folder holding one folder per version
     * @return the history
     * @throws RulebookException when the folder holds no version, a version does not load, states no
     *     in-force date, or two versions are in force from the same date (naming both About cells)
     */
    public static RulebookHistory load(Path folder) {
        Objects.requireNonNull(folder, "folder");
        List<Path> folders;
        try {
            folders = versionFolders(folder);
        } catch (IOException e) {
            throw new RulebookException(List.of(Unreadable.file(CellRef.workbook(folder.toString()), folder.toString(), e)));
        }
        List<WorkbookIssue> problems = new ArrayList<>();
        List<Rulebook> loaded = new ArrayList<>();
        java.util.Map<Rulebook, String> folderOf = new java.util.IdentityHashMap<>();
        for (Path version : folders) {
            String name = version.getFileName().toString();
            try {
                Rulebook r = Rulebook.load(version);
                loaded.add(r);
                folderOf.put(r, name + "/");
            } catch (RulebookException e) {
                e.issues().forEach(i -> problems.add(inVersion(name, version, i)));
            }
        }
        if (folders.isEmpty()) {
            problems.add(noVersions(folder));
        }
        problems.addAll(dateProblems(loaded, folderOf::get));
        if (problems.stream().anyMatch(WorkbookIssue::isError)) {
            throw new RulebookException(problems);
        }
        return new RulebookHistory(sorted(loaded));
    }

    /**
     * A history of rulebooks already loaded, e.g. built with {@link Rulebook#fromWorkbooks}.
     *
     * @param versions the versions, in any order; each states its in-force date
     * @return the history
     * @throws RulebookException when none is given, a version states no date, or two share one
     */
    public static RulebookHistory of(List<Rulebook> versions) {
        Objects.requireNonNull(versions, "versions");
        versions.forEach(v -> Objects.requireNonNull(v, "versions holds null"));
        List<WorkbookIssue> problems = new ArrayList<>(dateProblems(versions, r -> ""));
        if (versions.isEmpty()) {
            problems.add(WorkbookIssue.error("NO_VERSIONS", CellRef.workbook("(none)"),
                    "a rulebook history needs at least one version", "give the versions")
                    .withZh("规则集历史至少需要一个版本", "请给出各个版本"));
        }
        if (!problems.isEmpty()) {
            throw new RulebookException(problems);
        }
        return new RulebookHistory(sorted(versions));
    }

    /**
     * {@link #of(List)} of the versions given.
     *
     * @param versions the versions, in any order
     * @return the history
     * @throws RulebookException when none is given, a version states no date, or two share one
     */
    public static RulebookHistory of(Rulebook... versions) {
        return of(Arrays.asList(Objects.requireNonNull(versions, "versions")));
    }

    /**
     * This history with one more version, checked as {@link #of(List)} checks: it states a date, and
     * no version of this history is in force from the same date.
     *
     * @param version the new version
     * @return a new history; this one is unchanged
     * @throws RulebookException when the version states no date or its date is taken
     */
    public RulebookHistory with(Rulebook version) {
        Objects.requireNonNull(version, "version");
        List<Rulebook> all = new ArrayList<>(Arrays.asList(versions));
        all.add(version);
        return of(all);
    }

    /**
     * The versions, by in-force date, earliest first.
     *
     * @return the versions
     */
    public List<Rulebook> versions() {
        return List.of(versions);
    }

    /**
     * The version in force on a date: the latest whose in-force date is on or before it.
     *
     * @param date the date
     * @return that version; empty before the first version's date
     */
    public Optional<Rulebook> versionOn(LocalDate date) {
        int i = indexOn(Objects.requireNonNull(date, "date").toEpochDay());
        return i < 0 ? Optional.empty() : Optional.of(versions[i]);
    }

    /**
     * The first day any version is in force.
     *
     * @return the earliest version's in-force date
     */
    public LocalDate firstDate() {
        return LocalDate.ofEpochDay(days[0]);
    }

    /** The index of the version in force on an epoch day, or -1 before the first: one binary search. */
    int indexOn(long epochDay) {
        int i = Arrays.binarySearch(days, epochDay);
        return i >= 0 ? i : -i - 2;
    }

    Rulebook version(int index) {
        return versions[index];
    }

    int size() {
        return versions.length;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RulebookHistory[");
        for (int i = 0; i < versions.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(versions[i].version()).append(" from ").append(LocalDate.ofEpochDay(days[i]));
        }
        return sb.append(']').toString();
    }

    private static Rulebook[] sorted(List<Rulebook> versions) {
        return versions.stream().sorted(Comparator.comparing(r -> r.inForceFrom().orElseThrow()))
                .toArray(Rulebook[]::new);
    }

    /** What the date checks need of a version: its folder prefix ("" for none), version cell, date and cell. */
    record Dated(String folder, String version, LocalDate from, CellRef cell) {
        static Dated of(String folder, Rulebook r) {
            return new Dated(folder, r.version(), r.inForceFrom().orElse(null), r.inForceCell());
        }
    }

    private static List<WorkbookIssue> dateProblems(List<Rulebook> versions,
            java.util.function.Function<Rulebook, String> folder) {
        return dateProblems(versions.stream().map(r -> Dated.of(folder.apply(r), r)).toList());
    }

    /**
     * A version without a date (at its first workbook's About sheet), and each version in force from a
     * date an earlier one already took (at its About cell, naming the other's).
     */
    static List<WorkbookIssue> dateProblems(List<Dated> versions) {
        List<WorkbookIssue> problems = new ArrayList<>();
        java.util.Map<LocalDate, Dated> byDate = new java.util.HashMap<>();
        for (Dated r : versions) {
            CellRef cell = prefixed(r.folder(), r.cell());
            if (r.from() == null) {
                problems.add(WorkbookIssue.error("NO_IN_FORCE_DATE", cell,
                        "version " + r.version() + " of the history states no date it is in force from",
                        "add a row \"In force from 施行日期\" to its About sheet with the first day it applies "
                                + "as a date in column B, e.g. 2027-01-01")
                        .withZh("历史中的版本 " + r.version() + " 没有写明施行日期",
                                "请在其 About 工作表中添加 \"In force from 施行日期\" 一行，并在 B 列以日期格式填写开始施行的第一天，例如 2027-01-01"));
                continue;
            }
            Dated other = byDate.putIfAbsent(r.from(), r);
            if (other != null) {
                CellRef otherCell = prefixed(other.folder(), other.cell());
                problems.add(WorkbookIssue.error("DUPLICATE_IN_FORCE_DATE", cell,
                        "versions " + other.version() + " and " + r.version() + " are both in force from "
                                + r.from() + " (" + otherCell + " and " + cell + ")",
                        "give each version its own date: the version in force on a day must be one")
                        .withZh("版本 " + other.version() + " 与 " + r.version() + " 都自 " + r.from()
                                        + " 起施行（" + otherCell + " 与 " + cell + "）",
                                "请为每个版本填写不同的施行日期：同一天施行的版本只能有一个"));
            }
        }
        return problems;
    }

    /** The version folders of a history folder, sorted by name, hidden ones skipped. */
    static List<Path> versionFolders(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The error for a history folder without version folders. */
    static WorkbookIssue noVersions(Path folder) {
        return WorkbookIssue.error("NO_VERSIONS", CellRef.workbook(folder.toString()),
                "the history folder holds no version folder",
                "put each version's workbooks and scenarios/ in a folder of its own, e.g. "
                        + folder.resolve("2026.1") + "/")
                .withZh("规则集历史文件夹中没有版本文件夹",
                        "请把每个版本的工作簿及其 scenarios/ 放在单独的文件夹中，例如 " + folder.resolve("2026.1") + "/");
    }

    static CellRef prefixed(String folder, CellRef c) {
        return folder.isEmpty() ? c : new CellRef(folder + c.workbook(), c.sheet(), c.cell());
    }

    /** An issue of a version's load with its workbook named inside its version folder. */
    static WorkbookIssue inVersion(String name, Path version, WorkbookIssue i) {
        CellRef w = i.where();
        if (w.workbook().startsWith(version.toString())) {
            return i; // already a path (an unreadable file)
        }
        return new WorkbookIssue(i.severity(), i.code(), new CellRef(name + "/" + w.workbook(), w.sheet(), w.cell()),
                i.message(), i.hint(), i.messageZh(), i.hintZh());
    }
}

package io.autoclaims.rules;

import io.autoclaims.model.RulebookInfo;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.rules.internal.table.WorkbookModel;
import io.autoclaims.rules.internal.workbook.Unreadable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code claims check --history DIR} finds in a folder of rulebook versions: every version
 * checked as {@link RulebookCheck} checks a rulebook (its findings named with its version folder),
 * the dates between them (a version without a date, two versions on one date), and the period each
 * version is in force. Never throws for a bad workbook.
 *
 * @param versions the versions that state a date, by date: when each is in force
 * @param issues   every finding of every version and of their dates, errors and warnings
 */
public record HistoryCheck(List<HistoryCheck.Version> versions, List<WorkbookIssue> issues) {

    /**
     * A version's place in the history.
     *
     * @param folder      its version folder's name
     * @param version     its version cell
     * @param inForceFrom its first day in force
     * @param lastDay     its last day in force (the day before the next version's date), or null for the
     *                    latest version, in force with no end
     */
    public record Version(String folder, String version, LocalDate inForceFrom, LocalDate lastDay) {
        /**
         * A version's period.
         *
         * @param folder      its version folder's name
         * @param version     its version cell
         * @param inForceFrom its first day in force
         * @param lastDay     its last day, or null for none
         */
        public Version {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(inForceFrom, "inForceFrom");
        }

        /**
         * The period on one line.
         *
         * @return e.g. {@code 2026.1 (2026.1/): 2026-01-01 .. 2026-12-31, 365 days}
         */
        @Override
        public String toString() {
            return version + " (" + folder + "/): " + inForceFrom + (lastDay == null ? " onwards"
                    : " .. " + lastDay + ", " + (lastDay.toEpochDay() - inForceFrom.toEpochDay() + 1) + " days");
        }
    }

    /**
     * A check's findings; the lists are copied.
     *
     * @param versions the versions by date
     * @param issues   every finding
     */
    public HistoryCheck {
        versions = List.copyOf(Objects.requireNonNull(versions, "versions"));
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
    }

    /**
     * Checks every version folder of a history folder, as {@link RulebookHistory#load} finds them.
     *
     * @param folder the folder holding one folder per version
     * @return the findings and the versions' periods
     */
    public static HistoryCheck of(Path folder) {
        Objects.requireNonNull(folder, "folder");
        List<Path> folders;
        try {
            folders = RulebookHistory.versionFolders(folder);
        } catch (IOException e) {
            return new HistoryCheck(List.of(),
                    List.of(Unreadable.file(CellRef.workbook(folder.toString()), folder.toString(), e)));
        }
        if (folders.isEmpty()) {
            return new HistoryCheck(List.of(), List.of(RulebookHistory.noVersions(folder)));
        }
        List<WorkbookIssue> issues = new ArrayList<>();
        List<RulebookHistory.Dated> dated = new ArrayList<>();
        for (Path dir : folders) {
            String name = dir.getFileName().toString();
            Map<String, byte[]> files;
            try {
                files = Rulebook.readWorkbooks(List.of(dir));
            } catch (RulebookException e) {
                e.issues().forEach(i -> issues.add(RulebookHistory.inVersion(name, dir, i)));
                continue;
            }
            RulebookCheck.of(files).issues().forEach(i -> issues.add(RulebookHistory.inVersion(name, dir, i)));
            // the About cells once more, for the dates (the check above reported any problem in them)
            List<WorkbookModel> models = RulebookCompiler.read(files, new ArrayList<>());
            if (models.isEmpty()) {
                continue;
            }
            RulebookInfo info = RulebookCompiler.infoOf(models);
            CellRef cell = models.stream().map(WorkbookModel::inForceCell).filter(Objects::nonNull).findFirst()
                    .orElse(CellRef.sheet(models.get(0).file(), "About 说明"));
            boolean badDate = issues.stream().anyMatch(i -> i.code().equals("INVALID_IN_FORCE_DATE")
                    && i.where().workbook().startsWith(name + "/"));
            if (!badDate) { // a bad date cell is reported at its cell already, not again as "no date"
                dated.add(new RulebookHistory.Dated(name + "/", info.version(), info.inForceFrom(), cell));
            }
        }
        issues.addAll(RulebookHistory.dateProblems(dated));
        List<RulebookHistory.Dated> byDate = dated.stream().filter(d -> d.from() != null)
                .sorted(Comparator.comparing(RulebookHistory.Dated::from)).toList();
        List<Version> versions = new ArrayList<>();
        for (int i = 0; i < byDate.size(); i++) {
            RulebookHistory.Dated d = byDate.get(i);
            LocalDate next = i + 1 < byDate.size() ? byDate.get(i + 1).from() : null;
            String folderName = d.folder().substring(0, d.folder().length() - 1);
            versions.add(new Version(folderName, d.version(), d.from(),
                    next == null ? null : next.equals(d.from()) ? d.from() : next.minusDays(1)));
        }
        return new HistoryCheck(versions, issues);
    }

    /**
     * The errors.
     *
     * @return the findings that would stop the history from loading or a version from a release
     */
    public List<WorkbookIssue> errors() {
        return issues.stream().filter(WorkbookIssue::isError).toList();
    }

    /**
     * The warnings.
     *
     * @return the findings worth a look
     */
    public List<WorkbookIssue> warnings() {
        return issues.stream().filter(i -> !i.isError()).toList();
    }

    /**
     * Whether the history passed.
     *
     * @return true when no finding is an error
     */
    public boolean passed() {
        return issues.stream().noneMatch(WorkbookIssue::isError);
    }
}

package io.autoclaims.rules;

import io.autoclaims.rules.internal.workbook.NameText;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The claim files scenarios name ({@code scenarios/warranty.jsonl#SC-W-01}): only files beside the
 * workbook, in its folder or below, regular and at most {@link #MAX_BYTES}. A workbook is untrusted
 * input, so a scenario cell must not make {@code claims test} or a checked swap read {@code /dev/zero},
 * {@code /etc/passwd} or {@code ../..}.
 */
final class ScenarioFile {
    /** The largest scenario file read: far above a few hundred test claims, far below the heap. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ScenarioFile() {
    }

    /** Why a scenario file is not read; each is reported at the cell that names the file. */
    enum Reason { MISSING, ABSOLUTE, PARENT, OUTSIDE_FOLDER, NOT_REGULAR, TOO_LARGE, RUN_TOO_LARGE, NO_FOLDER, UNREADABLE }

    /** A scenario file that is not read, and why. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        final Reason reason;
        final String file;
        /** What is in the way, e.g. the folder it was looked for in; may be empty. */
        final String detail;

        Refused(Reason reason, String file, String detail) {
            super(reason.name().toLowerCase(Locale.ROOT) + ": " + file + (detail.isEmpty() ? "" : " (" + detail + ")"));
            this.reason = reason;
            this.file = file;
            this.detail = detail;
        }
    }

    /**
     * Refuses a name that is not a relative path below the workbook's folder, before any file system
     * access: whatever {@link RulebookScenarios.Files} reads the files, no scenario reaches outside.
     */
    static void checkName(String name) throws Refused {
        if (name.startsWith("/") || name.startsWith("\\") || name.startsWith("~") || DRIVE.matcher(name).matches()) {
            throw new Refused(Reason.ABSOLUTE, name, "");
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new Refused(Reason.PARENT, name, "");
            }
        }
        // the same characters a sheet or file name may not hold
        if (NameText.firstUnsafe(name) >= 0) {
            throw new Refused(Reason.UNREADABLE, name, "the name holds a control or line-breaking character");
        }
    }

    /**
     * The most scenario file bytes one run reads, over all its files: a workbook whose scenarios name
     * many files (or one file under many spellings) cannot hold more than this in memory at once.
     */
    static final long MAX_RUN_BYTES = 64L * 1024 * 1024;

    /** For tests: runs between the checks on the path and its opening (to swap the file in between). */
    static volatile Runnable beforeOpen = () -> { };

    /** The files beside a workbook folder, as {@link RulebookScenarios#folder(Path)} reads them. */
    static final class Folder implements RulebookScenarios.Files {
        private final Path dir;

        Folder(Path dir) {
            this.dir = dir;
        }

        @Override
        public String read(String name) throws IOException {
            return ScenarioFile.read(dir, name, MAX_BYTES);
        }

        /** As {@link #read(String)}, reading at most {@code limit} bytes (refused beyond). */
        String read(String name, long limit) throws IOException {
            return ScenarioFile.read(dir, name, limit);
        }

        /** The file's real path when it exists, so that every spelling of one file is read once. */
        String key(String name) {
            try {
                checkName(name);
                return dir.toAbsolutePath().normalize().resolve(name.replace('\\', '/')).toRealPath().toString();
            } catch (IOException | RuntimeException e) {
                return key0(name);
            }
        }
    }

    /**
     * The name as a file system would see it, without looking at one: {@code ./a.jsonl},
     * {@code .//a.jsonl} and {@code a.jsonl} are one key.
     */
    static String key0(String name) {
        try {
            return Path.of(name.replace('\\', '/')).normalize().toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return name;
        }
    }

    /** The file's text, read from {@code dir} under the rules above, never more than {@link #MAX_BYTES}. */
    static String read(Path dir, String name) throws IOException {
        return read(dir, name, MAX_BYTES);
    }

    /**
     * The file's text, never more than {@code limit} bytes ({@link #MAX_BYTES} at most). The path is
     * checked (inside the folder, a regular file), then opened without following a final link, then
     * checked again: if the file or a folder on its path was swapped in between (for a link, a pipe,
     * another file), it is refused, not read. Only a regular file is ever opened, so opening never
     * waits for a writer as a pipe's would (short of a swap in the instant between the check and the open).
     */
    static String read(Path dir, String name, long limit) throws IOException {
        limit = Math.min(limit, MAX_BYTES);
        checkName(name);
        Path folder = dir.toAbsolutePath().normalize();
        Path file;
        try {
            file = folder.resolve(name.replace('\\', '/')).normalize();
        } catch (InvalidPathException e) {
            throw new Refused(Reason.UNREADABLE, name, e.getMessage());
        }
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused(Reason.MISSING, name, folder.toString());
        }
        Path real = realInside(file, realFolder, name, folder);
        BasicFileAttributes attributes = regular(real, name);
        if (attributes.size() > MAX_BYTES) {
            throw new Refused(Reason.TOO_LARGE, name, mib(attributes.size()));
        }
        if (attributes.size() > limit) {
            throw new Refused(Reason.RUN_TOO_LARGE, name, mib(attributes.size()));
        }
        beforeOpen.run();
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            // opened: is it still the file that was checked, where it was checked?
            Path again = realInside(file, realFolder, name, folder);
            BasicFileAttributes now = regular(again, name);
            if (!again.equals(real) || !Objects.equals(now.fileKey(), attributes.fileKey())
                    || !Objects.equals(Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            .fileKey(), attributes.fileKey())) {
                throw new Refused(Reason.UNREADABLE, name, "the file was replaced while it was read; run again");
            }
            // bounded even if the file grows after its size was read
            bytes = Channels.newInputStream(channel).readNBytes((int) limit + 1);
        } catch (NoSuchFileException e) {
            throw new Refused(Reason.MISSING, name, folder.toString());
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            // e.g. ELOOP: the file became a link after it was checked
            throw new Refused(Reason.UNREADABLE, name, "the file was replaced while it was read: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw new Refused(limit < MAX_BYTES ? Reason.RUN_TOO_LARGE : Reason.TOO_LARGE, name,
                    "more than " + mib(limit));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The real path of {@code file}, refused unless inside {@code realFolder}. */
    private static Path realInside(Path file, Path realFolder, String name, Path folder) throws IOException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused(Reason.MISSING, name, folder.toString());
        }
        // a symbolic link may point anywhere: what counts is where it leads
        if (!real.startsWith(realFolder)) {
            throw new Refused(Reason.OUTSIDE_FOLDER, name, real.toString());
        }
        return real;
    }

    /** The attributes of {@code real}, refused unless a regular file. */
    private static BasicFileAttributes regular(Path real, String name) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            // devices, FIFOs and sockets are never opened: opening a FIFO blocks, a device never ends
            throw new Refused(Reason.NOT_REGULAR, name, real.toString());
        }
        return attributes;
    }

    /** The refusal of a file a {@link RulebookScenarios.Files} of the caller's could not read. */
    static Refused refusal(String name, IOException e) {
        if (e instanceof Refused r) {
            return r;
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return new Refused(Reason.MISSING, name, ""); // the caller's reader knows no folder to name
        }
        return new Refused(Reason.UNREADABLE, name, String.valueOf(e.getMessage()));
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /**
     * The refusal as an error at the cell naming the file, in English and Chinese, with how to fix it;
     * {@code scenarios} is how many scenarios name the file (none of them runs).
     */
    static WorkbookIssue issue(Refused r, CellRef cell, int scenarios) {
        String f = io.autoclaims.rules.internal.workbook.NameText.oneLine(r.file); // one line, whatever the cell holds
        String named = scenarios + " scenario(s) name it and do not run";
        String namedZh = "引用它的 " + scenarios + " 个测试场景均未运行";
        String travel = "scenario files travel with the workbook: keep " + f + " beside it, in its folder or a "
                + "subfolder such as scenarios/, and name it relative to that folder";
        String travelZh = "场景文件随工作簿一起存放：请把 " + f + " 放在工作簿所在文件夹或其子文件夹（如 scenarios/）中，"
                + "并以相对该文件夹的路径引用";
        return switch (r.reason) {
            case MISSING -> WorkbookIssue.error("SCENARIO_FILE_MISSING", cell,
                    "the scenario file " + f + " is missing" + (r.detail.isEmpty() ? "" : " from " + r.detail)
                            + "; " + named,
                    travel + ": copy it with the workbook").withZh(
                    "场景文件 " + f + " 不存在" + (r.detail.isEmpty() ? "" : "（在 " + r.detail + " 中找不到）") + "；" + namedZh,
                    travelZh + "：复制工作簿时请一并复制该文件");
            case ABSOLUTE, PARENT, OUTSIDE_FOLDER -> WorkbookIssue.error("SCENARIO_FILE_OUTSIDE", cell,
                    "the scenario file " + f + " is not beside the workbook ("
                            + (r.reason == Reason.ABSOLUTE ? "an absolute path"
                                    : r.reason == Reason.PARENT ? "a path through .."
                                            : "a link leading to " + r.detail)
                            + ") and is not read; " + named,
                    travel).withZh(
                    "场景文件 " + f + " 不在工作簿旁（"
                            + (r.reason == Reason.ABSOLUTE ? "绝对路径"
                                    : r.reason == Reason.PARENT ? "路径含 .."
                                            : "链接指向 " + r.detail)
                            + "），不予读取；" + namedZh,
                    travelZh);
            case NOT_REGULAR -> WorkbookIssue.error("SCENARIO_FILE_NOT_REGULAR", cell,
                    "the scenario file " + f + " is not a regular file (a device, pipe, socket or folder) and is not "
                            + "read; " + named,
                    "name a .jsonl file of claims, one JSON object a line").withZh(
                    "场景文件 " + f + " 不是普通文件（设备、管道、套接字或文件夹），不予读取；" + namedZh,
                    "请引用一个 .jsonl 索赔文件，每行一个 JSON 对象");
            case TOO_LARGE -> WorkbookIssue.error("SCENARIO_FILE_TOO_LARGE", cell,
                    "the scenario file " + f + " is " + r.detail + ", over the limit of " + mib(MAX_BYTES)
                            + ", and is not read; " + named,
                    "keep only the claims the scenarios name, or write the claim's JSON in the cell").withZh(
                    "场景文件 " + f + " 大小为 " + r.detail + "，超过 " + mib(MAX_BYTES) + " 的上限，不予读取；" + namedZh,
                    "只保留场景引用的索赔，或在单元格中直接填写索赔 JSON");
            case RUN_TOO_LARGE -> WorkbookIssue.error("SCENARIO_FILES_TOO_LARGE", cell,
                    "the scenario file " + f + (r.detail.isEmpty() ? "" : " (" + r.detail + ")") + " is not read: the scenario files read before it "
                            + "already come close to the limit of " + mib(MAX_RUN_BYTES) + " for one run; " + named,
                    "name fewer or smaller claim files: keep only the claims the scenarios name").withZh(
                    "场景文件 " + f + (r.detail.isEmpty() ? "" : "（" + r.detail + "）") + "未读取：此前读取的场景文件已接近单次运行 " + mib(MAX_RUN_BYTES)
                            + " 的上限；" + namedZh,
                    "请减少或缩小引用的索赔文件：只保留场景引用的索赔");
            case NO_FOLDER -> WorkbookIssue.error("SCENARIO_FILE_NO_FOLDER", cell,
                    "the scenario file " + f + " cannot be read: the rulebook was built from bytes without a folder "
                            + "for its scenario files; " + named,
                    "use Rulebook.fromWorkbooks(workbooks, RulebookScenarios.folder(dir)), or load the rulebook "
                            + "from its folder").withZh(
                    "无法读取场景文件 " + f + "：规则集由字节构建，未给出场景文件所在文件夹；" + namedZh,
                    "请使用 Rulebook.fromWorkbooks(workbooks, RulebookScenarios.folder(dir))，或从文件夹加载规则集");
            case UNREADABLE -> WorkbookIssue.error("SCENARIO_FILE_UNREADABLE", cell,
                    "the scenario file " + f + " cannot be read: " + r.detail + "; " + named,
                    "check the name and the file's permissions").withZh(
                    "无法读取场景文件 " + f + "：" + r.detail + "；" + namedZh,
                    "请检查文件名和文件权限");
        };
    }
}

package io.autoclaims.rules;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reloads the rulebook when an analyst saves a workbook in a folder: watches the folder, waits until
 * it has been quiet for the debounce period (a save is a burst of writes and renames), loads every
 * workbook in it as {@link Rulebook#load(Path...)} does, and swaps it in through the checked
 * {@link Adjudicator#swap(Rulebook)}. Every attempt is reported to a listener, so that the host can
 * log it.
 *
 * <pre>{@code
 * try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, Path.of("/srv/rules"),
 *         Duration.ofSeconds(2), reload -> log.info(reload.toString()))) {
 *     ... // serve claims
 * }
 * }</pre>
 *
 * <ul>
 * <li>What triggers a reload: a workbook ({@code .xlsx}, and {@code .xlsm}/{@code .xlsb}/{@code .xls}
 * so they are refused loudly) or a {@code .jsonl}/{@code .json} scenario claim file directly in the
 * folder being created, changed or deleted. Lock and temporary files of Excel, WPS and LibreOffice
 * ({@code ~$name.xlsx}, {@code .~lock.name#}, {@code *.tmp}, names without an extension) and hidden
 * files are ignored; subfolders are not watched.
 * <li>What loads: every workbook in the folder, whichever file changed (the rulebook the folder
 * holds, not the set the live rulebook was first loaded from: adding a workbook to the folder adds
 * it). Scenario claim files are read from the folder. Removing a workbook that holds the rules of a
 * claim type is refused like any failed check ({@code CLAIM_TYPES_DROPPED}, see
 * {@link Adjudicator#swap(Rulebook)}) and the live rulebook keeps adjudicating that type, unless the
 * watcher was started with {@link SwapOption#ALLOW_FEWER_CLAIM_TYPES}.
 * <li>Half-written files are never loaded: the folder must not change (sizes and modification times)
 * across the quiet period nor while it is read, and each {@code .xlsx} must be a complete zip. Else
 * the attempt is reported {@link Outcome#INCOMPLETE}, the live rulebook stays, and the next change
 * in the folder tries again.
 * <li>Content equal to the live rulebook's is not swapped ({@link Outcome#UNCHANGED}), so saving
 * twice keeps {@link Adjudicator#previous()} for a rollback. A candidate that does not load or fails
 * a check is {@link Outcome#REFUSED} with its issues; the live rulebook stays.
 * </ul>
 *
 * The watcher runs on one daemon thread. {@link #close()} stops it: when it returns, the thread has
 * ended (after finishing a reload under way) and no further swap happens.
 */
public final class RulebookWatcher implements AutoCloseable {

    /** What became of one reload attempt. */
    public enum Outcome {
        /** The folder's rulebook passed the checks and is live; the one it replaced is previous. */
        SWAPPED,
        /** The folder holds the live rulebook's workbooks, byte for byte or cell for cell: nothing to do. */
        UNCHANGED,
        /** The workbooks do not load or fail a check: the live rulebook stays. */
        REFUSED,
        /** A file is still being written: the live rulebook stays, the next change tries again. */
        INCOMPLETE
    }

    /**
     * One reload attempt: its outcome, the rulebook live afterwards and, for {@link Outcome#SWAPPED},
     * the one it replaced; the workbook files found; every issue (errors for {@code REFUSED}, what
     * is still being written for {@code INCOMPLETE}, the new rulebook's warnings for
     * {@code SWAPPED}), each in English and Chinese.
     *
     * @param outcome  what the attempt did
     * @param live     the rulebook live after it
     * @param replaced the rulebook it replaced, for {@code SWAPPED}; else null
     * @param files    the workbook files found in the folder
     * @param issues   the issues of the attempt
     */
    public record Reload(Outcome outcome, Rulebook live, Rulebook replaced, List<String> files,
            List<WorkbookIssue> issues) {
        /**
         * An attempt; the lists are copied.
         *
         * @param outcome  what the attempt did, not null
         * @param live     the rulebook live after it, not null
         * @param replaced the rulebook it replaced, or null
         * @param files    the workbook files found
         * @param issues   the issues of the attempt
         * @throws NullPointerException when {@code outcome}, {@code live} or a list is null
         */
        public Reload {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(live, "live");
            files = List.copyOf(Objects.requireNonNull(files, "files"));
            issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
        }

        /** One line, then one line per issue, in English. */
        @Override
        public String toString() {
            String head = switch (outcome) {
                case SWAPPED -> "rulebook reloaded: " + live + " replaces " + replaced;
                case UNCHANGED -> "rulebook unchanged: " + live;
                case REFUSED -> "rulebook refused, " + live + " stays live:";
                case INCOMPLETE -> "workbooks still being written, " + live + " stays live (the next save retries):";
            };
            return lines(head, issues.stream().map(WorkbookIssue::toString));
        }

        /**
         * As {@link #toString()}, in Chinese.
         *
         * @return one line, then one line per issue
         */
        public String toStringZh() {
            String head = switch (outcome) {
                case SWAPPED -> "规则集已重新加载：" + live + " 替换 " + replaced;
                case UNCHANGED -> "规则集未变：" + live;
                case REFUSED -> "规则集被拒绝，继续使用 " + live + "：";
                case INCOMPLETE -> "工作簿仍在写入，继续使用 " + live + "（下次保存时重试）：";
            };
            return lines(head, issues.stream().map(WorkbookIssue::toStringZh));
        }

        private static String lines(String head, Stream<String> issues) {
            return Stream.concat(Stream.of(head), issues.map(i -> "  " + i)).collect(Collectors.joining("\n"));
        }
    }

    /** Hears every reload attempt, on the watcher's thread. A listener that throws is ignored for that attempt. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Hears one attempt.
         *
         * @param reload the attempt's outcome and issues
         */
        void reloaded(Reload reload);
    }

    private final Adjudicator adjudicator;
    private final Path dir;
    private final long debounceNanos;
    private final Listener listener;
    /** Workbooks to a rulebook: {@link Rulebook#fromWorkbooks}; tests give one that fails. */
    private final java.util.function.Function<Map<String, byte[]>, Rulebook> compiler;
    /** What the host allows its swaps (see {@link SwapOption}). */
    private final SwapOption[] options;
    private final WatchService watchService;
    private final Thread thread;
    private volatile boolean closed;

    private RulebookWatcher(Adjudicator adjudicator, Path dir, Duration debounce, Listener listener,
            java.util.function.Function<Map<String, byte[]>, Rulebook> compiler, SwapOption[] options) throws IOException {
        this.compiler = compiler != null ? compiler : bytes -> Rulebook.fromWorkbooks(bytes, RulebookScenarios.folder(dir));
        this.options = options.clone();
        this.adjudicator = adjudicator;
        this.dir = dir;
        this.debounceNanos = debounce.toNanos();
        this.listener = listener;
        this.watchService = dir.getFileSystem().newWatchService();
        try {
            dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            watchService.close();
            throw e;
        }
        this.thread = new Thread(this::run, "rulebook-watcher " + dir);
        thread.setDaemon(true);
    }

    /**
     * Starts watching {@code dir}: after a change, once the folder has been quiet for
     * {@code debounce}, its workbooks are loaded and swapped in (checked) on {@code adjudicator}.
     * Changes before this call are not looked at.
     *
     * @param adjudicator the adjudicator whose rulebook is swapped
     * @param dir         the folder of the workbooks (not its subfolders)
     * @param debounce    how long the folder must be quiet before a reload, positive
     * @param listener    hears every attempt, on the watcher's thread
     * @return the running watcher; close it to stop
     * @throws IllegalArgumentException when {@code dir} is not a folder or the debounce is not positive
     * @throws java.io.UncheckedIOException when the folder cannot be watched
     */
    public static RulebookWatcher watch(Adjudicator adjudicator, Path dir, Duration debounce, Listener listener) {
        return start(adjudicator, dir, debounce, listener, null, new SwapOption[0]);
    }

    /**
     * As {@link #watch(Adjudicator, Path, Duration, Listener)}, each swap allowing what the options
     * name ({@link Adjudicator#swap(Rulebook, SwapOption...)}): with
     * {@link SwapOption#ALLOW_FEWER_CLAIM_TYPES}, removing a workbook from the folder stops
     * adjudicating the claim types only it had rules for.
     *
     * @param adjudicator whose rulebook is swapped
     * @param dir the folder of workbooks (its subfolders are not watched)
     * @param debounce how long the folder must be quiet before a reload
     * @param listener hears every reload attempt, on the watcher's thread
     * @param options what the host allows every swap of this watcher
     * @return the running watcher; close it to stop
     * @throws IllegalArgumentException when {@code dir} is not a folder or the debounce is not positive
     * @throws java.io.UncheckedIOException when the folder cannot be watched
     */
    public static RulebookWatcher watch(Adjudicator adjudicator, Path dir, Duration debounce, Listener listener,
            SwapOption... options) {
        return start(adjudicator, dir, debounce, listener, null, options);
    }

    /** As {@link #watch(Adjudicator, Path, Duration, Listener)}, compiling with {@code compiler} (tests). */
    static RulebookWatcher watch(Adjudicator adjudicator, Path dir, Duration debounce, Listener listener,
            java.util.function.Function<Map<String, byte[]>, Rulebook> compiler) {
        return start(adjudicator, dir, debounce, listener, compiler, new SwapOption[0]);
    }

    private static RulebookWatcher start(Adjudicator adjudicator, Path dir, Duration debounce, Listener listener,
            java.util.function.Function<Map<String, byte[]>, Rulebook> compiler, SwapOption[] options) {
        Objects.requireNonNull(adjudicator, "adjudicator");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
        for (SwapOption o : options) {
            Objects.requireNonNull(o, "options holds null");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
        if (debounce.isNegative() || debounce.isZero()) {
            throw new IllegalArgumentException("the debounce must be positive, got " + debounce);
        }
        RulebookWatcher watcher;
        try {
            watcher = new RulebookWatcher(adjudicator, dir, debounce, listener, compiler, options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot watch " + dir, e);
        }
        watcher.thread.start();
        return watcher;
    }

    /**
     * The folder watched.
     *
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /** Stops watching; waits for a reload under way to finish. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            watchService.close(); // wakes the thread from take() or poll()
        } catch (IOException e) {
            // nothing more to release: the thread sees closed and ends
        }
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** For tests: the watcher's thread. */
    Thread thread() {
        return thread;
    }

    /** For tests: runs before each listing of the folder (to make one fail). */
    volatile Runnable beforeListing = () -> { };

    private void run() {
        boolean pending = false;
        long quietSince = 0;
        Map<String, Stamp> seen = Map.of();
        // a failure of the watcher's own is reported once, not at every retry, until a reload goes through
        boolean failing = false;
        while (!closed) {
            try {
                WatchKey key;
                if (pending) {
                    long wait = quietSince + debounceNanos - System.nanoTime();
                    key = wait > 0 ? watchService.poll(wait, TimeUnit.NANOSECONDS) : watchService.poll();
                } else {
                    key = watchService.take();
                }
                if (key != null) {
                    boolean relevant = relevant(key);
                    if (!key.reset()) {
                        tell(new Reload(Outcome.REFUSED, adjudicator.rulebook(), null, List.of(), List.of(
                                WorkbookIssue.error("FOLDER_GONE", CellRef.workbook(dir.toString()),
                                        "the folder can no longer be watched (deleted or moved): the watcher stopped",
                                        "restore the folder and start a new watcher").withZh(
                                        "该文件夹已无法监视（已删除或移动）：监视已停止", "请恢复文件夹并重新启动监视"))));
                        return;
                    }
                    if (relevant) {
                        pending = true;
                        quietSince = System.nanoTime();
                        seen = stamps();
                    }
                    continue; // drain the burst before deciding
                }
                if (!pending || System.nanoTime() - quietSince < debounceNanos || closed) {
                    continue;
                }
                Map<String, Stamp> now = stamps();
                if (!now.equals(seen)) {
                    // changed without an event reaching us yet: quiet is measured from now
                    seen = now;
                    quietSince = System.nanoTime();
                    continue;
                }
                pending = false;
                Reload reload;
                try {
                    reload = reload(now);
                } catch (ClosedWatchServiceException e) {
                    throw e;
                } catch (Throwable e) {
                    // nothing a reload throws may end the watcher: a later save must still load
                    reload = failed(e);
                }
                if (reload == null) {
                    // the folder changed while it was read: wait for quiet again
                    pending = true;
                    quietSince = System.nanoTime();
                    seen = stamps();
                    continue;
                }
                failing = false;
                tell(reload);
            } catch (ClosedWatchServiceException e) {
                if (closed) {
                    return;
                }
                // only close() closes the watch service; anything else: report and stop, it cannot watch
                tell(failed(e));
                return;
            } catch (InterruptedException e) {
                // only close() ends the watcher: an interrupt from elsewhere is not a request to stop
                continue;
            } catch (Throwable e) {
                // the folder could not be listed (gone, unreadable, a disk error), the heap ran out, a bug:
                // report it and try again after the quiet period, so that the folder coming back loads
                if (closed) {
                    return;
                }
                if (!failing) {
                    failing = true;
                    tell(failed(e));
                }
                pending = true;
                quietSince = System.nanoTime();
                seen = Map.of();
            }
        }
    }

    /** True when an event concerns a file a reload reads; an overflow may hide one. */
    private static boolean relevant(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            } else if (event.context() instanceof Path p && triggers(p.getFileName().toString())) {
                relevant = true;
            }
        }
        return relevant;
    }

    /** Workbooks and scenario claim files; never lock, temporary or hidden files. */
    static boolean triggers(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Rulebook.isWorkbookName(name)
                || (!name.startsWith(".") && !name.startsWith("~") && (lower.endsWith(".jsonl") || lower.endsWith(".json")));
    }

    /**
     * Reads the folder's workbooks and swaps them in; null when the folder changed while it was
     * read (the caller waits for quiet and tries again).
     */
    private Reload reload(Map<String, Stamp> before) {
        Rulebook live = adjudicator.rulebook();
        List<String> names = new ArrayList<>(before.keySet());
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        List<WorkbookIssue> incomplete = new ArrayList<>();
        try {
            for (String name : names) {
                byte[] b = Rulebook.readWorkbooks(List.of(dir.resolve(name))).get(name);
                bytes.put(name, b);
                if (!complete(name, b)) {
                    incomplete.add(WorkbookIssue.warning("INCOMPLETE_FILE", CellRef.workbook(name),
                            "the file is not a complete workbook yet (" + b.length + " bytes): it is still being "
                                    + "written, or was cut short",
                            "save it again; the next change in the folder reloads it").withZh(
                            "文件还不是完整的工作簿（" + b.length + " 字节）：仍在写入，或写入中断",
                            "请重新保存；文件夹内的下一次改动会重新加载"));
                }
            }
        } catch (RulebookException e) {
            if (e.issues().stream().anyMatch(i -> i.code().equals("UNREADABLE_FILE")) && !before.equals(stamps())) {
                return null; // e.g. renamed away between the listing and the read
            }
            return new Reload(Outcome.REFUSED, live, null, names, e.issues());
        }
        if (!before.equals(stamps())) {
            return null;
        }
        if (!incomplete.isEmpty()) {
            return new Reload(Outcome.INCOMPLETE, live, null, names, incomplete);
        }
        if (sameBytes(bytes, live.workbookBytes())) {
            return new Reload(Outcome.UNCHANGED, live, null, names, List.of());
        }
        try {
            Rulebook next = compiler.apply(bytes);
            if (next.fingerprint().equals(live.fingerprint())) {
                // re-saved, same cells: swapping would only push the rollback target out
                return new Reload(Outcome.UNCHANGED, live, null, names, List.of());
            }
            if (closed) {
                throw new ClosedWatchServiceException(); // closed while loading: no swap after close
            }
            Rulebook replaced = adjudicator.swap(next, options);
            return new Reload(Outcome.SWAPPED, next, replaced, names, next.warnings());
        } catch (RulebookException e) {
            return new Reload(Outcome.REFUSED, adjudicator.rulebook(), null, names, e.issues());
        } catch (ClosedWatchServiceException e) {
            throw e;
        }
    }

    /** The report of a reload that failed with something other than the workbooks' own issues. */
    private Reload failed(Throwable e) {
        return new Reload(Outcome.REFUSED, adjudicator.rulebook(), null, List.of(), List.of(WorkbookIssue.error(
                "RELOAD_FAILED", CellRef.workbook(dir.toString()), "the reload failed: " + e
                        + "; the live rulebook stays and the watcher goes on watching",
                "report this with the workbooks; the next save in the folder tries again").withZh(
                "重新加载失败：" + e + "；继续使用当前规则集，并继续监视文件夹",
                "请连同工作簿一起报告此问题；文件夹内的下一次保存会再次尝试")));
    }

    private void tell(Reload reload) {
        try {
            listener.reloaded(reload);
        } catch (Throwable e) {
            // the host's listener failing, even with an Error, must not stop the watcher
        }
    }

    /** Size and modification time of a file. */
    private record Stamp(long size, long modifiedNanos) {
    }

    /** The workbooks a load would read now, by name, with their stamps. */
    private Map<String, Stamp> stamps() {
        beforeListing.run();
        Map<String, Stamp> stamps = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Rulebook.isWorkbookName(name)) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        stamps.put(name, new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    }
                } catch (NoSuchFileException e) {
                    // gone between the listing and the look: not part of the rulebook
                }
            }
        } catch (IOException e) {
            // the watcher's loop reports it once and lists again after the quiet period
            throw new java.io.UncheckedIOException("cannot list the folder " + dir + ": " + e.getMessage(), e);
        }
        return stamps;
    }

    /**
     * False for a zip workbook that is not whole: empty, or without the end-of-central-directory
     * record that a zip writer writes last. A file that is no zip at all is left to the loader to
     * refuse with its reason.
     */
    static boolean complete(String name, byte[] b) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".xlsx") && !lower.endsWith(".xlsm")) {
            return b.length > 0;
        }
        if (b.length < 4) {
            return false;
        }
        if (b[0] != 'P' || b[1] != 'K') {
            return true;
        }
        // the record is 22 bytes plus a comment of up to 65,535, and must end exactly at the end
        for (int at = b.length - 22; at >= 0 && at >= b.length - 22 - 0xFFFF; at--) {
            if (b[at] == 'P' && b[at + 1] == 'K' && b[at + 2] == 5 && b[at + 3] == 6) {
                int comment = (b[at + 20] & 0xFF) | (b[at + 21] & 0xFF) << 8;
                if (at + 22 + comment == b.length) {
                    long cdSize = u32(b, at + 12);
                    long cdOffset = u32(b, at + 16);
                    return cdOffset == 0xFFFFFFFFL || cdOffset + cdSize <= at; // zip64 keeps the real offset elsewhere
                }
            }
        }
        return false;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static boolean sameBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }
}

package io.autoclaims.rules;

import io.autoclaims.rules.internal.compile.RulebookCompiler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder holding every rulebook that made verdicts, content-addressed by fingerprint, so that any
 * stored verdict can be re-made later with exactly its rules ({@code claims replay}).
 *
 * <pre>{@code
 * RulebookArchive archive = RulebookArchive.open(Path.of("/srv/rulebook-archive"));
 * Adjudicator adjudicator = Adjudicator.of(rulebook, archive);  // stores it, and every rulebook swapped in
 * Optional<Rulebook> then = archive.load(verdict.rulebook().fingerprint());
 * }</pre>
 *
 * <p><b>Layout.</b> One folder per rulebook, named by its fingerprint: its workbooks' bytes as they
 * were loaded and {@code manifest.txt} (name, version, the date it is in force from when known, when
 * it was first stored, and each workbook's name, size and SHA-256; its last line a checksum of the
 * others).
 *
 * <p><b>Several processes at once.</b> An entry is written into a temporary folder beside it
 * ({@code .tmp-...}, each file fsynced), then renamed into place in one atomic step, so a reader
 * sees a whole entry or none. The same fingerprint is the same cell content, so when two writers
 * race the first rename wins and the second finds the entry present and checks it. A writer killed
 * mid-write (even {@code kill -9}) leaves only its temporary folder, which readers never look at;
 * {@link #open} removes it once no live process holds its lock file. A present entry that fails its
 * check (damaged or edited) is moved aside as {@code .damaged-<fingerprint>-<time>} (kept for
 * inspection) and written again.
 *
 * <p><b>Loading</b> checks every file against the manifest, compiles the workbooks and refuses, with
 * {@link RulebookArchiveException}, an entry that does not compile to the fingerprint it is filed
 * under.
 *
 * <p>Thread-safe. Each fingerprint is written at most once per folder per process: later stores of
 * it are a lookup in memory (an entry deleted by hand meanwhile is written again only by a new process).
 */
public final class RulebookArchive {
    /** The manifest's file name in each entry. */
    static final String MANIFEST = "manifest.txt";
    static final String TEMPORARY = ".tmp-";
    static final String DAMAGED = ".damaged-";
    private static final int FORMAT = 1;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    /** A workbook is stored under its own name when it is this plain; otherwise under a numbered one. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{L}\\p{N}_()+\\- ][\\p{L}\\p{N}_()+\\-. ]{0,150}");

    /** What this process stored, by folder and fingerprint: a second store is a lookup. */
    private static final Map<String, Entry> STORED = new ConcurrentHashMap<>();
    /**
     * The temporary folders this process is writing. The cleaner skips them without opening their
     * lock files: closing any descriptor of a file drops every POSIX lock the process holds on it.
     */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final Path folder;

    private RulebookArchive(Path folder) {
        this.folder = folder;
    }

    /**
     * Opens an archive folder, creating it if missing, and removes what killed writers left there
     * (temporary folders no live process is writing).
     *
     * @param folder the archive folder; the host's to choose, shared by every process that archives
     * @return the archive
     * @throws RulebookArchiveException when the folder cannot be created or read
     */
    public static RulebookArchive open(Path folder) {
        Path f = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        try {
            Files.createDirectories(f);
            RulebookArchive archive = new RulebookArchive(f);
            archive.removeLeftovers();
            return archive;
        } catch (IOException e) {
            throw new RulebookArchiveException("-", "The rulebook archive " + f + " cannot be opened: " + e
                    + " (give a folder this process can create and write)",
                    "无法打开规则集归档目录 " + f + "：" + e + "（请指定本进程可以创建并写入的目录）", e);
        }
    }

    /**
     * Where it is.
     *
     * @return the archive folder, absolute
     */
    public Path folder() {
        return folder;
    }

    /**
     * One archived rulebook, as its manifest describes it.
     *
     * @param fingerprint the rulebook's fingerprint, the entry's folder name
     * @param name        the rulebook's name
     * @param version     its version
     * @param inForceFrom the first day it is in force, or null for a rulebook that states none
     * @param firstUsedAt when it was first stored (by the first process that used it)
     * @param workbooks   its workbooks' file names, in the order they were loaded
     */
    public record Entry(String fingerprint, String name, String version, LocalDate inForceFrom, Instant firstUsedAt,
                        List<String> workbooks) {
        /**
         * Checks the components.
         *
         * @param fingerprint the fingerprint
         * @param name        the name
         * @param version     the version
         * @param inForceFrom the in-force date, or null
         * @param firstUsedAt when first stored
         * @param workbooks   the workbooks' names; copied
         * @throws NullPointerException when a component other than {@code inForceFrom} is null
         */
        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(firstUsedAt, "firstUsedAt");
            workbooks = List.copyOf(Objects.requireNonNull(workbooks, "workbooks"));
        }
    }

    /**
     * Stores a rulebook unless the archive has it; returns its entry. Called by an adjudicator with
     * an archive for its first rulebook and every one swapped in, and by batch runs given one.
     *
     * @param rulebook the rulebook
     * @return its entry: the one found, or the one written now
     * @throws RulebookArchiveException when writing fails (a full disk, no permission); the archive is
     *     left without a partial entry
     */
    public Entry store(Rulebook rulebook) {
        Objects.requireNonNull(rulebook, "rulebook");
        String fingerprint = rulebook.fingerprint();
        String key = folder + "\n" + fingerprint;
        Entry known = STORED.get(key);
        if (known != null) {
            return known;
        }
        try {
            Entry entry = storeOnce(rulebook);
            STORED.put(key, entry);
            return entry;
        } catch (IOException e) {
            throw new RulebookArchiveException(fingerprint, "Storing the rulebook " + rulebook.name() + " "
                    + rulebook.version() + " (" + fingerprint + ") in the archive " + folder + " failed: " + e
                    + "; nothing partial was left (check the folder's free space and permissions)",
                    "将规则集 " + rulebook.name() + " " + rulebook.version() + "（" + fingerprint + "）存入归档目录 "
                            + folder + " 失败：" + e + "；未留下不完整的条目（请检查该目录的剩余空间和权限）", e);
        }
    }

    /**
     * The manifest of an entry, after checking each of its files against it (sizes and SHA-256).
     *
     * @param fingerprint a rulebook fingerprint (64 lowercase hexadecimal digits)
     * @return the entry, or empty when the archive has none for that fingerprint
     * @throws IllegalArgumentException when {@code fingerprint} is not a fingerprint
     * @throws RulebookArchiveException when the entry's manifest or files are damaged or were changed
     */
    public Optional<Entry> entry(String fingerprint) {
        Path dir = entryDir(fingerprint);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(checked(dir, fingerprint).entry());
    }

    /**
     * Loads an archived rulebook: checks its files against the manifest, compiles its workbooks and
     * checks that they compile to the fingerprint the entry is filed under, with the manifest's name
     * and version. Compiling takes seconds: keep the rulebook while it is needed.
     *
     * @param fingerprint a rulebook fingerprint (64 lowercase hexadecimal digits)
     * @return the rulebook, or empty when the archive has none for that fingerprint
     * @throws IllegalArgumentException when {@code fingerprint} is not a fingerprint
     * @throws RulebookArchiveException when the entry is damaged or was changed: a file differs from
     *     the manifest, the workbooks no longer load, or they compile to another fingerprint
     */
    public Optional<Rulebook> load(String fingerprint) {
        Path dir = entryDir(fingerprint);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Stored stored = checked(dir, fingerprint);
        Rulebook rulebook;
        try {
            rulebook = Rulebook.fromWorkbooks(stored.workbooks());
        } catch (RulebookException e) {
            throw refused(fingerprint, "its workbooks no longer load (" + e.getMessage() + ")",
                    "其工作簿已无法加载（" + e.getMessage() + "）", e);
        }
        if (!rulebook.fingerprint().equals(fingerprint)) {
            throw refused(fingerprint, "its workbooks compile to the fingerprint " + rulebook.fingerprint()
                    + ": they were changed after they were stored", "其工作簿编译后的指纹为 " + rulebook.fingerprint()
                    + "：存入后被改动过", null);
        }
        if (!rulebook.name().equals(stored.entry().name()) || !rulebook.version().equals(stored.entry().version())) {
            throw refused(fingerprint, "its manifest names " + stored.entry().name() + " " + stored.entry().version()
                    + ", but the workbooks are " + rulebook.name() + " " + rulebook.version(),
                    "其清单记载为 " + stored.entry().name() + " " + stored.entry().version() + "，而工作簿为 "
                            + rulebook.name() + " " + rulebook.version(), null);
        }
        return Optional.of(rulebook);
    }

    /** The folder of an entry; refuses anything but a fingerprint, which could name a path outside. */
    private Path entryDir(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (!isFingerprint(fingerprint)) {
            throw new IllegalArgumentException("not a rulebook fingerprint (64 lowercase hexadecimal digits): "
                    + OneLineText.escape(fingerprint.length() > 80 ? fingerprint.substring(0, 80) + "…" : fingerprint));
        }
        return folder.resolve(fingerprint);
    }

    /**
     * True for a well-formed fingerprint, the only names an entry can have.
     *
     * @param text any text
     * @return true when it is 64 lowercase hexadecimal digits
     */
    public static boolean isFingerprint(String text) {
        return FINGERPRINT.matcher(Objects.requireNonNull(text, "text")).matches();
    }

    // ---------------------------------------------------------------- writing

    private Entry storeOnce(Rulebook rulebook) throws IOException {
        Path dir = folder.resolve(rulebook.fingerprint());
        for (int attempt = 0; ; attempt++) {
            if (Files.isDirectory(dir)) {
                Entry present = presentAndSame(dir, rulebook);
                if (present != null) {
                    return present;
                }
                setAside(dir, rulebook.fingerprint()); // damaged or edited: kept for inspection, written again
            }
            Entry written = write(rulebook, dir);
            if (written != null) {
                return written;
            }
            if (attempt == 3) {
                throw new IOException("the entry " + dir + " kept changing while it was written");
            }
            // another writer renamed its entry into place first: check that one
        }
    }

    /**
     * Writes the entry into a temporary folder and renames it into place; null when another writer's
     * entry arrived first (nothing of this one is left then).
     */
    private Entry write(Rulebook rulebook, Path dir) throws IOException {
        String base = TEMPORARY + rulebook.fingerprint().substring(0, 12) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Path tmp = folder.resolve(base);
        Path lockFile = folder.resolve(base + ".lock");
        WRITING.add(tmp);
        // the lock file first, held until the end: while it is locked the temporary folder is in progress
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.lock()) {
            try {
                Files.createDirectory(tmp);
                Map<String, byte[]> workbooks = rulebook.workbookBytes();
                Map<String, String> files = storedNames(workbooks.keySet());
                List<String> lines = new ArrayList<>();
                for (Map.Entry<String, byte[]> w : workbooks.entrySet()) {
                    String file = files.get(w.getKey());
                    writeDurably(tmp.resolve(file), w.getValue());
                    lines.add(w.getValue().length + "\t" + sha256(w.getValue()) + "\t" + escape(file) + "\t"
                            + escape(w.getKey()));
                }
                Entry entry = new Entry(rulebook.fingerprint(), rulebook.name(), rulebook.version(),
                        rulebook.inForceFrom().orElse(null),
                        Instant.now(), List.copyOf(workbooks.keySet()));
                writeDurably(tmp.resolve(MANIFEST), manifest(entry, lines).getBytes(StandardCharsets.UTF_8));
                syncDirectory(tmp);
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (Files.isDirectory(dir)) {
                        return null; // lost the race (rename(2) does not replace a folder that has files)
                    }
                    throw e;
                }
                syncDirectory(folder);
                return entry;
            } finally {
                deleteTree(tmp); // nothing left when the rename happened; this writer's leftovers otherwise
            }
        } finally {
            WRITING.remove(tmp);
            Files.deleteIfExists(lockFile); // only after the folder: a folder without its lock file is abandoned
        }
    }

    /** The file each workbook is stored under: its own name when plain and unique, else {@code workbook-N.xlsx}. */
    private static Map<String, String> storedNames(Iterable<String> names) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(Set.of(MANIFEST.toLowerCase(Locale.ROOT)));
        int n = 0;
        for (String name : names) {
            n++;
            String file = PLAIN_NAME.matcher(name).matches() && taken.add(name.toLowerCase(Locale.ROOT)) ? name : null;
            while (file == null) {
                String numbered = "workbook-" + n + ".xlsx";
                file = taken.add(numbered) ? numbered : null;
                n++;
            }
            files.put(name, file);
        }
        return files;
    }

    private static String manifest(Entry e, List<String> workbookLines) {
        StringBuilder s = new StringBuilder();
        s.append("# autoclaims rulebook archive entry: the workbooks in this folder compile to the fingerprint below.\n")
                .append("# Do not edit: a changed file or manifest is refused when the entry is loaded.\n");
        s.append("format=").append(FORMAT).append('\n');
        s.append("fingerprint=").append(e.fingerprint()).append('\n');
        s.append("name=").append(escape(e.name())).append('\n');
        s.append("version=").append(escape(e.version())).append('\n');
        if (e.inForceFrom() != null) {
            s.append("inForceFrom=").append(e.inForceFrom()).append('\n');
        }
        s.append("firstUsedAt=").append(e.firstUsedAt()).append('\n');
        for (String w : workbookLines) {
            s.append("workbook=").append(w).append('\n');
        }
        String checksum = sha256(s.toString().getBytes(StandardCharsets.UTF_8)); // of every line above it
        return s.append("checksum=").append(checksum).append('\n').toString();
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /** Makes a rename durable; a file system that cannot open folders (Windows) keeps it atomic only. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: the rename is still atomic, only its durability across power loss is weaker
        }
    }

    private void setAside(Path dir, String fingerprint) throws IOException {
        try {
            Files.move(dir, folder.resolve(DAMAGED + fingerprint + "-" + System.currentTimeMillis() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffffffL)), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // another process set it aside first
        }
    }

    /**
     * Removes the temporary folders (and lock files) of writers that are gone: their lock can be
     * taken, or they have no lock file left. This process's own writes are skipped.
     */
    void removeLeftovers() throws IOException {
        List<Path> temporary = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, TEMPORARY + "*")) {
            s.forEach(temporary::add);
        }
        for (Path p : temporary) {
            String name = p.getFileName().toString();
            if (name.endsWith(".lock")) {
                Path tmp = folder.resolve(name.substring(0, name.length() - ".lock".length()));
                if (!WRITING.contains(tmp)) {
                    removeIfAbandoned(tmp, p);
                }
            } else if (!WRITING.contains(p) && !Files.exists(folder.resolve(name + ".lock"))) {
                deleteTree(p); // its lock file is gone, so its writer is too (the folder is removed first)
            }
        }
    }

    private static void removeIfAbandoned(Path tmp, Path lockFile) throws IOException {
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // held in this JVM: in progress
            }
            if (lock == null) {
                return; // held by a live process
            }
            try {
                deleteTree(tmp);
                Files.deleteIfExists(lockFile);
            } finally {
                lock.release();
            }
        } catch (NoSuchFileException e) {
            // its writer finished meanwhile
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // renamed into place or removed meanwhile
        }
    }

    // ---------------------------------------------------------------- reading

    /** An entry read and checked against its manifest: the manifest and the workbooks by name. */
    private record Stored(Entry entry, Map<String, byte[]> workbooks, Map<String, String> sha256) {
    }

    /**
     * The entry already present for the rulebook when it is intact; null when it is damaged or was
     * edited. Bytes equal to the rulebook's need no more; other bytes of the same cells (a workbook
     * saved again by another program) are read again to recompute their fingerprint (no compilation).
     */
    private Entry presentAndSame(Path dir, Rulebook rulebook) {
        Stored stored;
        try {
            stored = checked(dir, rulebook.fingerprint());
        } catch (RulebookArchiveException e) {
            if (e.getCause() instanceof IOException io && !(io instanceof NoSuchFileException)
                    && !(io instanceof CharacterCodingException)) {
                throw e; // cannot read it: not evidence of damage, and nothing to repair
            }
            return null;
        }
        boolean sameBytes = stored.workbooks().keySet().equals(rulebook.workbookBytes().keySet())
                && rulebook.workbookBytes().entrySet().stream()
                .allMatch(w -> sha256(w.getValue()).equals(stored.sha256().get(w.getKey())));
        if (sameBytes) {
            return stored.entry();
        }
        List<WorkbookIssue> issues = new ArrayList<>();
        try {
            String fingerprint = RulebookCompiler.infoOf(RulebookCompiler.read(stored.workbooks(), issues)).fingerprint();
            boolean loads = issues.stream().noneMatch(WorkbookIssue::isError);
            return loads && fingerprint.equals(rulebook.fingerprint()) ? stored.entry() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reads the manifest and every file it lists, checking each against it. */
    private Stored checked(Path dir, String fingerprint) {
        Path manifestFile = dir.resolve(MANIFEST);
        Map<String, String> kv = new LinkedHashMap<>();
        List<String[]> workbookLines = new ArrayList<>();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(manifestFile))).toString();
            int checksumAt = text.lastIndexOf("checksum=");
            if (checksumAt < 0 || !text.endsWith("\n")
                    || !text.substring(checksumAt + "checksum=".length(), text.length() - 1)
                    .equals(sha256(text.substring(0, checksumAt).getBytes(StandardCharsets.UTF_8)))) {
                throw refused(fingerprint, "its manifest " + manifestFile + " does not match its checksum line",
                        "其清单 " + manifestFile + " 与其校验行不符", null);
            }
            for (String line : text.substring(0, checksumAt).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw refused(fingerprint, "its manifest has a line without '='", "其清单中有一行缺少“=”", null);
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 1);
                if (key.equals("workbook")) {
                    String[] parts = value.split("\t", 4);
                    if (parts.length != 4) {
                        throw refused(fingerprint, "its manifest has a workbook line without size, SHA-256, file and name",
                                "其清单中有一行工作簿记录缺少大小、SHA-256、文件或名称", null);
                    }
                    workbookLines.add(parts);
                } else {
                    kv.put(key, value);
                }
            }
            if (!String.valueOf(FORMAT).equals(kv.get("format"))) {
                throw refused(fingerprint, "its manifest has the format " + kv.get("format") + ", not " + FORMAT
                        + " (written by another version of the library?)",
                        "其清单格式为 " + kv.get("format") + "，而非 " + FORMAT + "（由其他版本的程序库写入？）", null);
            }
            if (!fingerprint.equals(kv.get("fingerprint"))) {
                throw refused(fingerprint, "its manifest names the fingerprint " + kv.get("fingerprint"),
                        "其清单记载的指纹为 " + kv.get("fingerprint"), null);
            }
            Map<String, byte[]> workbooks = new LinkedHashMap<>();
            Map<String, String> sha = new LinkedHashMap<>();
            for (String[] w : workbookLines) {
                String file = unescape(w[2]);
                String name = unescape(w[3]);
                Path p = dir.resolve(file).normalize();
                if (!p.getParent().equals(dir) || file.equals(MANIFEST)) {
                    throw refused(fingerprint, "its manifest names a file outside the entry: " + OneLineText.escape(file),
                            "其清单指向条目之外的文件：" + OneLineText.escape(file), null);
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(p);
                } catch (NoSuchFileException e) {
                    throw refused(fingerprint, "the workbook " + file + " is missing", "缺少工作簿 " + file, e);
                }
                String actual = sha256(bytes);
                if (bytes.length != Long.parseLong(w[0]) || !actual.equals(w[1])) {
                    throw refused(fingerprint, "the workbook " + file + " differs from the manifest (" + bytes.length
                                    + " bytes, SHA-256 " + actual + "; stored: " + w[0] + " bytes, " + w[1] + ")",
                            "工作簿 " + file + " 与清单不符（" + bytes.length + " 字节，SHA-256 " + actual + "；存入时为 "
                                    + w[0] + " 字节，" + w[1] + "）", null);
                }
                workbooks.put(name, bytes);
                sha.put(name, actual);
            }
            if (workbooks.isEmpty()) {
                throw refused(fingerprint, "its manifest lists no workbook", "其清单未列出任何工作簿", null);
            }
            String inForce = kv.get("inForceFrom");
            Entry entry = new Entry(fingerprint, unescape(need(kv, "name", fingerprint)),
                    unescape(need(kv, "version", fingerprint)), inForce == null ? null : LocalDate.parse(inForce),
                    Instant.parse(need(kv, "firstUsedAt", fingerprint)), List.copyOf(workbooks.keySet()));
            return new Stored(entry, workbooks, sha);
        } catch (NoSuchFileException e) {
            throw refused(fingerprint, "its manifest " + manifestFile + " is missing", "缺少其清单 " + manifestFile, e);
        } catch (CharacterCodingException e) {
            throw refused(fingerprint, "its manifest is not UTF-8 text", "其清单不是 UTF-8 文本", e);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw refused(fingerprint, "its manifest has a malformed value (" + e.getMessage() + ")",
                    "其清单中有格式错误的值（" + e.getMessage() + "）", e);
        } catch (IOException e) {
            throw new RulebookArchiveException(fingerprint, "The archive entry " + dir + " cannot be read: " + e,
                    "无法读取归档条目 " + dir + "：" + e, e);
        }
    }

    private static String need(Map<String, String> kv, String key, String fingerprint) {
        String v = kv.get(key);
        if (v == null) {
            throw new RulebookArchiveException(fingerprint, "The archived rulebook " + fingerprint
                    + " is refused: its manifest has no " + key, "归档规则集 " + fingerprint + " 被拒绝：其清单缺少 " + key, null);
        }
        return v;
    }

    private RulebookArchiveException refused(String fingerprint, String why, String whyZh, Throwable cause) {
        return new RulebookArchiveException(fingerprint, "The archived rulebook " + fingerprint + " in " + folder
                + " is refused: " + why + ". It is not the rulebook its fingerprint names; restore the entry from a"
                + " backup, or store the original workbooks again (a process that uses them sets the damaged entry aside).",
                "归档目录 " + folder + " 中的规则集 " + fingerprint + " 被拒绝：" + whyZh
                        + "。它已不是其指纹所指的规则集；请从备份恢复该条目，或重新存入原工作簿（使用这些工作簿的进程会把损坏的条目移到一旁）。",
                cause);
    }

    // ---------------------------------------------------------------- text

    /** Backslash escapes for the manifest's one-line values: a name cannot break a line or a field. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

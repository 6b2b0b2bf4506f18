package io.autoclaims.rules;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.model.json.SupportedJackson;
import io.autoclaims.rules.internal.compile.CompiledRulebook;
import io.autoclaims.rules.internal.run.Engine;
import io.autoclaims.rules.internal.compile.RulebookCompiler;
import io.autoclaims.rules.internal.workbook.Unreadable;
import io.autoclaims.rules.internal.workbook.WorkbookGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.LocalDate;
import io.autoclaims.rules.internal.table.WorkbookModel;
import java.util.stream.Stream;

/**
 * A loaded, validated and compiled rulebook: one or more rule workbooks. Immutable and thread-safe;
 * share one instance. Loading reports every workbook problem at once, each with its cell
 * ({@link RulebookException}).
 *
 * <p>A rulebook keeps the workbooks it was compiled from ({@link #workbooks()}) and where its
 * scenarios' claim files are, so that its own scenarios can be run on it later
 * ({@link RulebookScenarios#run(Rulebook)}, {@link Adjudicator#swap(Rulebook)}).
 *
 * <p><b>Nothing to close.</b> A rulebook holds no thread and no open resource: its pooled Drools
 * sessions are memory, freed with it. Compiling one starts no thread; the first adjudications make
 * Drools start its pool, once per JVM ({@code drools-worker-N}, one daemon thread per processor, the
 * static executor of Drools' {@code ExecutorProviderImpl}, on which it compiles hot constraints to
 * bytecode); it serves the whole JVM and cannot be stopped: Drools offers no way to, and shutting the
 * executor down would break Drools in the JVM.
 * Daemon threads never keep the JVM from exiting.
 */
public final class Rulebook {
    private static final String DEFAULT_FOLDER = "io/autoclaims/rules/default/";
    /** Given when no folder was: a scenario naming a claim file then fails with this message. */
    private static final RulebookScenarios.Files NO_FILES = name -> {
        throw new ScenarioFile.Refused(ScenarioFile.Reason.NO_FOLDER, name, "");
    };

    private final CompiledRulebook compiled;
    /** The workbooks as given, by file name; never handed out (copies are). */
    private final Map<String, byte[]> workbooks;
    private final RulebookScenarios.Files scenarioFiles;
    /**
     * The engine lives with the rulebook (its Drools sessions are pooled with its network), so that
     * every adjudicator of it, and a rulebook swapped back in, reuses warm sessions.
     */
    private final Engine engine;
    /** The id cell of every rule row, by table and row, for {@link #ruleCell}. */
    private final Map<String, Map<Integer, CellRef>> ruleCells;

    private Rulebook(CompiledRulebook compiled, Map<String, byte[]> workbooks, RulebookScenarios.Files scenarioFiles) {
        this.compiled = compiled;
        this.workbooks = workbooks;
        this.scenarioFiles = scenarioFiles;
        this.engine = new Engine(compiled);
        Map<String, Map<Integer, CellRef>> cells = new HashMap<>();
        for (CompiledRulebook.RowRef r : compiled.rows()) {
            cells.computeIfAbsent(r.table().displayName(), t -> new HashMap<>()).put(r.row().row(), r.row().idCell());
        }
        this.ruleCells = cells;
    }

    /**
     * The rulebook shipped with the library (the policy of {@code default-rulebook.md}): warranty,
     * insurance and roadside assistance. Compiling it takes a few seconds; load it once and share it.
     *
     * @return the shipped rulebook
     * @throws RulebookException when it does not load in this environment (e.g. an incompatible
     *     Drools on the class path), with the cause
     */
    public static Rulebook loadDefault() {
        return fromWorkbooks(defaultWorkbooks(), Rulebook::defaultResource);
    }

    /**
     * Loads the rulebook of a rulebook jar on the class path (a rule repository's artifact, built by
     * {@code claims-maven-plugin}): the one whose manifest names {@code key} as its rulebook name or as
     * {@code groupId:artifactId}. The workbooks' fingerprint must be the one the manifest recorded at
     * build time.
     *
     * @param key the rulebook's name, or the artifact's {@code groupId:artifactId}
     * @return the rulebook, its scenarios reading their claim files from the jar
     * @throws RulebookException when no jar or two jars answer to the key, when the workbooks are not
     *     those the jar was built with, or when they do not load
     */
    public static Rulebook fromClasspath(String key) {
        return fromClasspath(key, Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Rulebook.class.getClassLoader());
    }

    /**
     * As {@link #fromClasspath(String)}, with the class loader to look in.
     *
     * @param key    the rulebook's name, or the artifact's {@code groupId:artifactId}
     * @param loader the class loader whose class path holds the rulebook jar
     * @return the rulebook
     * @throws RulebookException when no jar or two jars answer to the key, when the workbooks are not
     *     those the jar was built with, or when they do not load
     */
    public static Rulebook fromClasspath(String key, ClassLoader loader) {
        return RulebookJar.load(key, loader);
    }

    /** The shipped workbooks' bytes by file name. */
    static Map<String, byte[]> defaultWorkbooks() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ClassLoader loader = Rulebook.class.getClassLoader();
        for (String name : resource(loader, DEFAULT_FOLDER + "index.txt").lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            files.put(name, resourceBytes(loader, DEFAULT_FOLDER + name));
        }
        return files;
    }

    /**
     * Loads workbooks from files or folders; a folder contributes every Excel file in it (not in
     * subfolders), ignoring Office lock files ({@code ~$name.xlsx}) and hidden files; only
     * {@code .xlsx} loads. The scenarios' claim files are read from the folder when they are run.
     *
     * @param paths workbooks and folders of workbooks
     * @return the rulebook of all their workbooks together
     * @throws RulebookException when a file cannot be read or a workbook has errors, listing every
     *     problem at its cell
     */
    public static Rulebook load(Path... paths) {
        return load(List.of(Objects.requireNonNull(paths, "paths")));
    }

    /**
     * As {@link #load(Path...)}. The scenarios' claim files are read next to the first path (the
     * folder, or the folder of the file), as {@code claims test} reads them.
     *
     * @param paths workbooks and folders of workbooks
     * @return the rulebook of all their workbooks together
     * @throws RulebookException when a file cannot be read or a workbook has errors, listing every
     *     problem at its cell
     */
    public static Rulebook load(List<Path> paths) {
        Objects.requireNonNull(paths, "paths");
        return fromWorkbooks(readWorkbooks(paths), RulebookScenarios.folder(folderOf(paths)));
    }

    /** The folder scenario claim files are read from: the first path, or the folder of that file. */
    static Path folderOf(List<Path> paths) {
        if (paths.isEmpty()) {
            return Path.of(""); // nothing loads from no path; the compiler says so
        }
        Path first = paths.get(0);
        if (Files.isDirectory(first)) {
            return first;
        }
        Path parent = first.toAbsolutePath().getParent();
        return parent == null ? first.toAbsolutePath() : parent;
    }

    /** The workbooks' bytes by file name, from files or folders. */
    static Map<String, byte[]> readWorkbooks(List<Path> paths) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path p : paths) {
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        for (Path f : s.filter(Rulebook::isWorkbook).sorted().toList()) {
                            files.put(f.getFileName().toString(), read(f));
                        }
                    }
                } else {
                    files.put(p.getFileName().toString(), read(p));
                }
            } catch (IOException e) {
                throw new RulebookException(List.of(Unreadable.file(CellRef.workbook(p.toString()), p.toString(), e)));
            }
        }
        return files;
    }

    /**
     * Compiles workbooks given as bytes by file name (e.g. {@code warranty.xlsx}). Its scenarios may
     * hold claims as JSON in their cells; one naming a claim file ({@code file.jsonl#id}) fails when
     * run, as there is no folder to read it from: see {@link #fromWorkbooks(Map, RulebookScenarios.Files)}.
     *
     * @param workbooks each workbook's {@code .xlsx} bytes by file name; copied
     * @return the rulebook
     * @throws RulebookException when a workbook has errors, listing every problem at its cell
     */
    public static Rulebook fromWorkbooks(Map<String, byte[]> workbooks) {
        return fromWorkbooks(workbooks, NO_FILES);
    }

    /**
     * Compiles workbooks given as bytes by file name; {@code scenarioFiles} reads the claim files
     * their scenarios name (e.g. {@link RulebookScenarios#folder(Path)}). The bytes are copied.
     *
     * @param workbooks     each workbook's {@code .xlsx} bytes by file name
     * @param scenarioFiles reads the claim files the scenarios name
     * @return the rulebook
     * @throws RulebookException when a workbook has errors, listing every problem at its cell
     */
    public static Rulebook fromWorkbooks(Map<String, byte[]> workbooks, RulebookScenarios.Files scenarioFiles) {
        Objects.requireNonNull(workbooks, "workbooks");
        Objects.requireNonNull(scenarioFiles, "scenarioFiles");
        Map<String, byte[]> copy = copy(workbooks);
        requireSupportedJackson(names(copy));
        return RulebookException.guard(names(copy), () -> new Rulebook(RulebookCompiler.compile(copy),
                Collections.unmodifiableMap(copy), scenarioFiles));
    }

    /**
     * Refuses to load with a Jackson older than the library's floor, at start-up rather than at the
     * first claim (an older jackson-core loads the workbooks fine and fails reading JSON).
     * (RulebookException until the library's base exception type exists: #15.)
     */
    private static void requireSupportedJackson(String workbooks) {
        if (!SupportedJackson.isSupported()) {
            throw new RulebookException(List.of(WorkbookIssue.error("UNSUPPORTED_JACKSON", CellRef.workbook(workbooks),
                    SupportedJackson.problem(), SupportedJackson.fix())
                    .withZh(SupportedJackson.problemZh(), SupportedJackson.fixZh())));
        }
    }

    /** The workbooks' file names, for an issue about all of them. */
    static String names(Map<String, byte[]> workbooks) {
        return workbooks.isEmpty() ? "(none)" : String.join(" + ", new java.util.TreeSet<>(workbooks.keySet()));
    }

    /** A copy in the same order, each array copied too: neither side can change the other's bytes. */
    private static Map<String, byte[]> copy(Map<String, byte[]> workbooks) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        workbooks.forEach((name, bytes) -> copy.put(Objects.requireNonNull(name, "workbook name"),
                Objects.requireNonNull(bytes, name).clone()));
        return copy;
    }

    /**
     * The file's bytes; a file too large to be a rule workbook is refused before it is read, and
     * never more than the limit is read even if it grows meanwhile. Only a regular file is opened: a
     * pipe or a device given as a path is refused (opening a pipe would wait for a writer forever).
     */
    private static byte[] read(Path f) throws IOException {
        CellRef where = CellRef.workbook(f.getFileName() == null ? f.toString() : f.getFileName().toString());
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new RulebookException(List.of(WorkbookIssue.error("NOT_A_FILE", where,
                    f + " is not a regular file (a pipe, device, socket or folder) and is not read",
                    "give the path of an .xlsx workbook, or of the folder holding the workbooks").withZh(
                    f + " 不是普通文件（管道、设备、套接字或文件夹），不予读取",
                    "请给出 .xlsx 工作簿的路径，或存放工作簿的文件夹的路径")));
        }
        if (a.size() > WorkbookGuard.MAX_FILE_BYTES) {
            throw new RulebookException(List.of(WorkbookGuard.tooLarge(where, a.size())));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(f)) {
            bytes = in.readNBytes((int) WorkbookGuard.MAX_FILE_BYTES + 1);
        }
        if (bytes.length > WorkbookGuard.MAX_FILE_BYTES) {
            throw new RulebookException(List.of(WorkbookGuard.tooLarge(where, bytes.length))); // grew while read
        }
        return bytes;
    }

    private static boolean isWorkbook(Path p) {
        return Files.isRegularFile(p) && isWorkbookName(p.getFileName().toString());
    }

    /**
     * True for a file name a folder load takes: Excel files, not the lock files of Excel or WPS
     * ({@code ~$name.xlsx}) nor hidden files (LibreOffice's {@code .~lock.name#}, editors' backups).
     */
    static boolean isWorkbookName(String name) {
        // macro and binary workbooks are listed too, so that they are refused loudly, not skipped
        return name.toLowerCase(Locale.ROOT).matches(".*\\.xls[xmb]?") && !name.startsWith("~$") && !name.startsWith(".");
    }

    /**
     * The rulebook's name.
     *
     * @return the name from the About sheet
     */
    public String name() {
        return compiled.info().name();
    }

    /**
     * The rulebook's version.
     *
     * @return the version, a cell of the About sheet
     */
    public String version() {
        return compiled.info().version();
    }

    /**
     * The rulebook's content hash; every verdict repeats it.
     *
     * @return the SHA-256 over the workbooks' cell contents (values, not formatting), hexadecimal
     */
    public String fingerprint() {
        return compiled.info().fingerprint();
    }

    /**
     * The first day this rulebook is in force, when its About sheet states one ({@code In force from
     * 施行日期}): what places it in a {@link RulebookHistory}.
     *
     * @return the date, or empty for an undated rulebook
     */
    public Optional<LocalDate> inForceFrom() {
        return Optional.ofNullable(compiled.info().inForceFrom());
    }

    /** The About cell stating {@link #inForceFrom()}, or the first workbook's About sheet when none does. */
    CellRef inForceCell() {
        for (WorkbookModel w : compiled.workbooks()) {
            if (w.inForceCell() != null) {
                return w.inForceCell();
            }
        }
        return CellRef.sheet(compiled.workbooks().get(0).file(), "About 说明");
    }

    /**
     * The rulebook's identity.
     *
     * @return name, version, fingerprint and in-force date, as verdicts carry them
     */
    public RulebookInfo info() {
        return compiled.info();
    }

    /**
     * Whether the rulebook can adjudicate a claim type.
     *
     * @param type the claim type
     * @return true when the rulebook has tables for that claim type
     */
    public boolean supports(ClaimType type) {
        Objects.requireNonNull(type, "type");
        return compiled.supports(type);
    }

    /**
     * The rule rows.
     *
     * @return every rule row, in execution order (tables by claim type and step, rows top to bottom)
     */
    public List<RuleRef> rules() {
        return compiled.rows().stream()
                .map(r -> new RuleRef(r.row().ruleId(), r.table().displayName(), r.row().row(), null))
                .toList();
    }

    /**
     * Where an analyst finds a rule row: the cell of its rule id, e.g. {@code warranty.xlsx!Coverage 保修范围!A9}
     * for the row a reason, a fired {@link RuleRef} or {@link #rules()} names by table and row.
     *
     * @param table the table (sheet), as {@link RuleRef#table()} and a reason's {@code table} name it
     * @param row   the 1-based spreadsheet row
     * @return the rule id's cell (workbook, sheet, cell), or empty when the rulebook has no such rule row
     */
    public Optional<CellRef> ruleCell(String table, int row) {
        Objects.requireNonNull(table, "table");
        Map<Integer, CellRef> rows = ruleCells.get(table);
        return Optional.ofNullable(rows == null ? null : rows.get(row));
    }

    /**
     * What loading noticed without refusing.
     *
     * @return warnings found while loading (they never stop a rulebook from loading), in sheet order
     */
    public List<WorkbookIssue> warnings() {
        return compiled.warnings();
    }

    /**
     * The generated Drools rules, for debugging: one rule per row, named {@code <table>_<row>}, for
     * tables under 16 rows; a larger table has one rule per form of row ({@code <table>_rows_<n>},
     * reading its rows as row facts found by an index) and keeps per-row rules only for rows with a
     * condition on a set-valued fact.
     *
     * @return the DRL text
     */
    public String toDrl() {
        return compiled.drl();
    }

    /**
     * The workbooks it was compiled from, by file name, in the order given: a copy, each array
     * copied, so that callers may keep or change them (e.g. to ship them to other machines and
     * rebuild the same rulebook with {@link #fromWorkbooks(Map)}).
     *
     * @return each workbook's bytes by file name
     */
    public Map<String, byte[]> workbooks() {
        return Collections.unmodifiableMap(copy(workbooks));
    }

    /** The workbooks without copying, for this package only (nothing here changes them). */
    Map<String, byte[]> workbookBytes() {
        return workbooks;
    }

    /** Reads the claim files its scenarios name. */
    RulebookScenarios.Files scenarioFiles() {
        return scenarioFiles;
    }

    CompiledRulebook compiled() {
        return compiled;
    }

    Engine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return "Rulebook[" + name() + " " + version() + ", " + fingerprint().substring(0, 12) + "]";
    }

    /** A file next to the shipped workbooks (their scenarios' claims), as text. */
    static String defaultResource(String name) {
        return resource(Rulebook.class.getClassLoader(), DEFAULT_FOLDER + name);
    }

    private static String resource(ClassLoader loader, String name) {
        return new String(resourceBytes(loader, name), StandardCharsets.UTF_8);
    }

    private static byte[] resourceBytes(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the default rulebook resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.autoclaims.rules;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.RulebookInfo;
import io.autoclaims.rules.internal.CompiledRulebook;
import io.autoclaims.rules.internal.RulebookCompiler;
import io.autoclaims.rules.internal.WorkbookGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A loaded, validated and compiled rulebook: one or more rule workbooks. Immutable and thread-safe;
 * share one instance. Loading reports every workbook problem at once, each with its cell
 * ({@link RulebookException}).
 */
public final class Rulebook {
    private static final String DEFAULT_FOLDER = "io/autoclaims/rules/default/";

    private final CompiledRulebook compiled;

    private Rulebook(CompiledRulebook compiled) {
        this.compiled = compiled;
    }

    /** The rulebook shipped with the library (the policy of {@code default-rulebook.md}). */
    public static Rulebook loadDefault() {
        return fromWorkbooks(defaultWorkbooks());
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
     * subfolders), ignoring Office lock files ({@code ~$name.xlsx}); only {@code .xlsx} loads.
     */
    public static Rulebook load(Path... paths) {
        return load(List.of(paths));
    }

    /** As {@link #load(Path...)}. */
    public static Rulebook load(List<Path> paths) {
        return fromWorkbooks(readWorkbooks(paths));
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
                throw new RulebookException(List.of(WorkbookIssue.error("UNREADABLE_FILE",
                        CellRef.workbook(p.toString()), "cannot read " + p + ": " + e.getMessage(),
                        "check the path and the file's permissions")));
            }
        }
        return files;
    }

    /** Compiles workbooks given as bytes by file name (e.g. {@code warranty.xlsx}). */
    public static Rulebook fromWorkbooks(Map<String, byte[]> workbooks) {
        Objects.requireNonNull(workbooks, "workbooks");
        return new Rulebook(RulebookCompiler.compile(workbooks));
    }

    /** The file's bytes; a file too large to be a rule workbook is refused before it is read. */
    private static byte[] read(Path f) throws IOException {
        long size = Files.size(f);
        if (size > WorkbookGuard.MAX_FILE_BYTES) {
            throw new RulebookException(List.of(WorkbookGuard.tooLarge(CellRef.workbook(f.getFileName().toString()),
                    size)));
        }
        return Files.readAllBytes(f);
    }

    private static boolean isWorkbook(Path p) {
        String name = p.getFileName().toString();
        // macro and binary workbooks are listed too, so that they are refused loudly, not skipped
        return Files.isRegularFile(p) && name.toLowerCase(Locale.ROOT).matches(".*\\.xls[xmb]?") && !name.startsWith("~$");
    }

    public String name() {
        return compiled.info().name();
    }

    public String version() {
        return compiled.info().version();
    }

    /** SHA-256 over the workbooks' cell contents (values, not formatting); every verdict repeats it. */
    public String fingerprint() {
        return compiled.info().fingerprint();
    }

    /** Name, version and fingerprint, as verdicts carry them. */
    public RulebookInfo info() {
        return compiled.info();
    }

    /** True when the rulebook has tables for that claim type. */
    public boolean supports(ClaimType type) {
        return compiled.supports(type);
    }

    /** Every rule row, in execution order (tables by claim type and step, rows top to bottom). */
    public List<RuleRef> rules() {
        return compiled.rows().stream()
                .map(r -> new RuleRef(r.row().ruleId(), r.table().displayName(), r.row().row(), null))
                .toList();
    }

    /** Warnings found while loading (they never stop a rulebook from loading). */
    public List<WorkbookIssue> warnings() {
        return compiled.warnings();
    }

    /** The generated Drools rules, for debugging: one rule per row, named {@code <table>_<row>}. */
    public String toDrl() {
        return compiled.drl();
    }

    CompiledRulebook compiled() {
        return compiled;
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

package io.autoclaims.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rulebook packaged as a jar: its workbooks, the files their scenarios name, and a manifest
 * ({@value #MANIFEST}: name, version, fingerprint and the artifact's coordinates). The rule
 * repository's build writes it ({@code claims-maven-plugin}, goal {@code rulebook}); a host that
 * depends on the jar loads it with {@link Rulebook#fromClasspath(String)}, and the fingerprint of
 * the workbooks it finds must be the manifest's, so a released rulebook is exactly what was built
 * and tested. One rulebook per jar.
 */
public final class RulebookJar {
    /** Where the manifest sits in the jar (the same path in every rulebook jar). */
    public static final String MANIFEST = "META-INF/autoclaims/rulebook.properties";

    /** The folder beside the manifest holding the workbooks and their scenario files. */
    static final String FOLDER = "rulebook/";

    private static final String CONTENT_ROOT = "META-INF/autoclaims/" + FOLDER;

    /**
     * What a rulebook jar says about itself.
     *
     * @param name            the rulebook's name (About sheet)
     * @param version         the rulebook's version (About sheet)
     * @param fingerprint     the fingerprint of its workbooks
     * @param inForceFrom     the first day it is in force (About sheet), or null for an undated rulebook
     * @param groupId         the artifact's group, or "" when built outside Maven
     * @param artifactId      the artifact's id, or ""
     * @param artifactVersion the artifact's version, or ""
     * @param workbooks       the workbooks' file names in load order
     * @param files           the other files (scenario claim files), relative names
     */
    public record Manifest(String name, String version, String fingerprint, LocalDate inForceFrom, String groupId,
            String artifactId,
            String artifactVersion, List<String> workbooks, List<String> files) {
        /**
         * A manifest; the lists are copied.
         *
         * @param name            the rulebook's name
         * @param version         the rulebook's version
         * @param fingerprint     the fingerprint of its workbooks
         * @param inForceFrom     the first day it is in force, or null
         * @param groupId         the artifact's group, or ""
         * @param artifactId      the artifact's id, or ""
         * @param artifactVersion the artifact's version, or ""
         * @param workbooks       the workbooks' file names in load order
         * @param files           the other files, relative names
         * @throws NullPointerException when a field other than {@code inForceFrom} is null
         */
        public Manifest {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
            Objects.requireNonNull(artifactVersion, "artifactVersion");
            workbooks = List.copyOf(Objects.requireNonNull(workbooks, "workbooks"));
            files = List.copyOf(Objects.requireNonNull(files, "files"));
        }

        /** Whether a host's key names this rulebook: its name, or {@code groupId:artifactId}. */
        boolean answers(String key) {
            return key.equals(name) || !artifactId.isEmpty() && key.equals(groupId + ":" + artifactId);
        }
    }

    private RulebookJar() {
    }

    /**
     * Writes a rulebook folder into a jar's content folder (Maven's {@code target/classes}): the
     * workbooks the folder loads, every other file below it (the scenarios' claim files; hidden and
     * Office lock files left out) and the manifest. The rulebook is compiled for its fingerprint, so
     * a folder that does not load writes nothing.
     *
     * @param rules           the rule folder (as {@link Rulebook#load(Path...)} takes it)
     * @param classes         the jar's content folder
     * @param groupId         the artifact's group, or ""
     * @param artifactId      the artifact's id, or ""
     * @param artifactVersion the artifact's version, or ""
     * @return the manifest written
     * @throws RulebookException when the workbooks do not load
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static Manifest write(Path rules, Path classes, String groupId, String artifactId, String artifactVersion) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(artifactVersion, "artifactVersion");
        Rulebook rulebook = Rulebook.load(rules);
        return write(rulebook, rules, classes, groupId, artifactId, artifactVersion);
    }

    /**
     * As {@link #write(Path, Path, String, String, String)} with the folder's rulebook already loaded
     * (a build that has compiled it for its check or its scenarios need not compile it again).
     *
     * @param rulebook        the rulebook {@code rules} loads
     * @param rules           the rule folder
     * @param classes         the jar's content folder
     * @param groupId         the artifact's group, or ""
     * @param artifactId      the artifact's id, or ""
     * @param artifactVersion the artifact's version, or ""
     * @return the manifest written
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static Manifest write(Rulebook rulebook, Path rules, Path classes, String groupId, String artifactId,
            String artifactVersion) {
        Objects.requireNonNull(rulebook, "rulebook");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(artifactVersion, "artifactVersion");
        try {
            Path root = classes.resolve(CONTENT_ROOT);
            List<String> workbooks = new ArrayList<>(rulebook.workbooks().keySet());
            List<String> files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(rules)) {
                // links are left out: one leading out of the folder would publish a file of the build machine
                // in the artifact (the scenarios' reader refuses such links too)
                for (Path f : all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    String relative = rules.relativize(f).toString().replace('\\', '/');
                    boolean skipped = false;
                    for (String segment : relative.split("/")) {
                        skipped |= segment.startsWith(".") || segment.startsWith("~$");
                    }
                    if (!skipped && !workbooks.contains(relative)) {
                        files.add(relative);
                    }
                }
            }
            for (Map.Entry<String, byte[]> w : rulebook.workbooks().entrySet()) {
                Path to = root.resolve(w.getKey());
                Files.createDirectories(to.getParent());
                Files.write(to, w.getValue());
            }
            for (String f : files) {
                Path to = root.resolve(f);
                Files.createDirectories(to.getParent());
                Files.copy(rules.resolve(f), to, StandardCopyOption.REPLACE_EXISTING);
            }
            Manifest manifest = new Manifest(rulebook.name(), rulebook.version(), rulebook.fingerprint(),
                    rulebook.inForceFrom().orElse(null), groupId, artifactId, artifactVersion, workbooks, files);
            Properties p = new Properties();
            p.setProperty("name", manifest.name());
            p.setProperty("version", manifest.version());
            p.setProperty("fingerprint", manifest.fingerprint());
            if (manifest.inForceFrom() != null) {
                p.setProperty("inForceFrom", manifest.inForceFrom().toString());
            }
            p.setProperty("groupId", groupId);
            p.setProperty("artifactId", artifactId);
            p.setProperty("artifactVersion", artifactVersion);
            // one entry per file: a name may hold any character a file name may, a list separator too
            for (int i = 0; i < workbooks.size(); i++) {
                p.setProperty("workbook." + i, workbooks.get(i));
            }
            for (int i = 0; i < files.size(); i++) {
                p.setProperty("file." + i, files.get(i));
            }
            Path manifestFile = classes.resolve(MANIFEST);
            Files.createDirectories(manifestFile.getParent());
            // Properties escapes every character outside Latin-1 and every separator: the file is data. Its date
            // comment is dropped and its lines sorted, so that one rulebook always makes the same bytes
            StringWriter text = new StringWriter();
            p.store(text, null);
            String lines = text.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(manifestFile, lines, StandardCharsets.ISO_8859_1);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The manifests of the rulebook jars a class loader sees.
     *
     * @param loader the class loader
     * @return each jar's manifest, in class path order
     * @throws RulebookException when a manifest cannot be read
     */
    public static List<Manifest> onClasspath(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        List<Manifest> found = new ArrayList<>();
        for (URL url : manifests(loader)) {
            found.add(read(url));
        }
        return Collections.unmodifiableList(found);
    }

    /**
     * Loads the rulebook of the jar whose manifest names {@code key} (as its name or as
     * {@code groupId:artifactId}), checking that its workbooks' fingerprint is the manifest's.
     */
    static Rulebook load(String key, ClassLoader loader) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(loader, "loader");
        List<URL> matches = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Manifest manifest = null;
        for (URL url : manifests(loader)) {
            Manifest m = read(url);
            seen.add(m.name() + (m.artifactId().isEmpty() ? "" : " (" + m.groupId() + ":" + m.artifactId() + ")"));
            if (m.answers(key)) {
                matches.add(url);
                manifest = m;
            }
        }
        if (matches.isEmpty()) {
            throw refused("RULEBOOK_NOT_ON_CLASSPATH", key,
                    "no rulebook jar on the class path is named \"" + key + "\"; found: " + (seen.isEmpty() ? "none" : seen),
                    "add the rulebook artifact as a dependency, or load it by its name or groupId:artifactId",
                    "类路径上没有名为 \"" + key + "\" 的规则集 jar；找到的是：" + (seen.isEmpty() ? "无" : seen),
                    "请把规则集构件加为依赖，或按其名称或 groupId:artifactId 加载");
        }
        if (matches.size() > 1) {
            throw refused("RULEBOOK_ON_CLASSPATH_TWICE", key,
                    "two rulebook jars on the class path answer to \"" + key + "\": " + matches,
                    "keep one of them on the class path, or load by groupId:artifactId",
                    "类路径上有两个规则集 jar 都对应 \"" + key + "\"：" + matches,
                    "类路径上只保留其中一个，或按 groupId:artifactId 加载");
        }
        URL base = matches.get(0);
        Map<String, byte[]> workbooks = new LinkedHashMap<>();
        for (String w : manifest.workbooks()) {
            workbooks.put(w, bytes(relative(base, w)));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : manifest.files()) {
            files.put(ScenarioFile.key0(f), new String(bytes(relative(base, f)), StandardCharsets.UTF_8));
        }
        Rulebook rulebook = Rulebook.fromWorkbooks(workbooks, name -> {
            String text = files.get(ScenarioFile.key0(name));
            if (text == null) {
                throw new IOException("not in the rulebook jar / 规则集 jar 中没有此文件: " + name);
            }
            return text;
        });
        if (!rulebook.fingerprint().equals(manifest.fingerprint())) {
            throw refused("RULEBOOK_JAR_CHANGED", key,
                    "the workbooks in " + base + " are not those the jar was built with: fingerprint "
                            + rulebook.fingerprint() + ", the manifest says " + manifest.fingerprint(),
                    "use the released artifact as the repository manager has it (rebuild the rule repository to change it)",
                    "规则集 jar " + base + " 中的工作簿不是构建时的工作簿：指纹为 " + rulebook.fingerprint()
                            + "，清单记录的是 " + manifest.fingerprint(),
                    "请使用仓库管理器中发布的原始构件（如需修改，请重新构建规则仓库）");
        }
        return rulebook;
    }

    private static RulebookException refused(String code, String key, String message, String hint, String messageZh,
            String hintZh) {
        return new RulebookException(List.of(WorkbookIssue.error(code, CellRef.workbook("classpath:" + key), message, hint)
                .withZh(messageZh, hintZh)));
    }

    private static List<URL> manifests(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Manifest read(URL url) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        String inForceFrom = p.getProperty("inForceFrom");
        return new Manifest(p.getProperty("name", ""), p.getProperty("version", ""), p.getProperty("fingerprint", ""),
                inForceFrom == null ? null : parseDate(url, inForceFrom), p.getProperty("groupId", ""),
                p.getProperty("artifactId", ""), p.getProperty("artifactVersion", ""), numbered(p, "workbook."),
                numbered(p, "file."));
    }

    private static LocalDate parseDate(URL url, String date) {
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UncheckedIOException(new IOException("the manifest " + url + " has an inForceFrom that is not a date: "
                    + date, e));
        }
    }

    private static List<String> numbered(Properties p, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 0; p.getProperty(prefix + i) != null; i++) {
            values.add(p.getProperty(prefix + i));
        }
        return values;
    }

    /** A file of the jar that holds {@code manifest}: resolved against its URL, so never another jar's. */
    private static URL relative(URL manifest, String name) {
        if (name.startsWith("/") || name.startsWith("\\") || List.of(name.split("[/\\\\]")).contains("..")) {
            throw new UncheckedIOException(new IOException("the rulebook jar names a file outside its folder: " + name));
        }
        try {
            // the name as one relative URI path: spaces, Chinese and '#' encoded, '/' kept
            String path = new URI(null, null, FOLDER + name, null).getRawPath();
            return new URL(manifest, path);
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("the rulebook jar names a file that cannot be read: " + name, e));
        }
    }

    private static byte[] bytes(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}

package io.autoclaims.maven.internal;

import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The rule folder's rulebook compiled once per build: Maven keeps a plugin's classes for the whole
 * build, so the goals of one build (check, rulebook, test, impact) share one compile, a few seconds
 * each saved. Keyed by the folder and a digest of every file in it, so an edit between two builds of
 * a long-lived Maven (mvnd) compiles again; one entry only, so memory does not grow.
 */
public final class BuildRulebooks {
    private static Path lastFolder;
    private static String lastDigest;
    private static Rulebook last;

    private BuildRulebooks() {
    }

    /**
     * The folder's rulebook.
     *
     * @param folder the rule folder
     * @return the rulebook, compiled now or earlier in this build
     * @throws io.autoclaims.rules.RulebookException when it does not load
     */
    public static synchronized Rulebook load(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        String digest = digest(key);
        if (last != null && key.equals(lastFolder) && digest.equals(lastDigest)) {
            return last;
        }
        Rulebook rulebook = Rulebook.load(key);
        lastFolder = key;
        lastDigest = digest;
        last = rulebook;
        return rulebook;
    }

    /** SHA-256 over every file's relative name and bytes, in name order. */
    static String digest(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

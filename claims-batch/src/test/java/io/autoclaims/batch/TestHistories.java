package io.autoclaims.batch;

import io.autoclaims.rules.RulebookHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The example history ({@code examples/history}: 2026.1 and 2027.1), compiled once per test JVM, and
 * the history of its first version alone (the same compiled version: no second compile).
 */
final class TestHistories {
    static final Path FOLDER = Path.of("../examples/history");

    private TestHistories() {
    }

    private static final class Holder {
        static final RulebookHistory BOTH = RulebookHistory.load(FOLDER);
        static final RulebookHistory FIRST = RulebookHistory.of(BOTH.versions().get(0));
    }

    /** {2026.1, 2027.1}. */
    static RulebookHistory both() {
        return Holder.BOTH;
    }

    /** {2026.1}: the history before 2027.1 was added. */
    static RulebookHistory first() {
        return Holder.FIRST;
    }

    /** The example backlog H-01..H-05 written {@code times} times over into {@code file}. */
    static Path backlog(Path file, int times) throws IOException {
        List<String> lines = Files.readAllLines(FOLDER.resolve("claims.jsonl"), StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.addAll(lines);
        }
        Files.write(file, all, StandardCharsets.UTF_8);
        return file;
    }
}

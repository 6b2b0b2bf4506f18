package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's Java snippets and the test code that runs them, so that a test can hold them equal line
 * for line: a snippet is a {@code ```java} block of a README section; its code is the lines of a test
 * source between {@code // README <name>: begin} and {@code // README <name>: end}, without the
 * method body's indentation.
 */
final class ReadmeSnippets {
    private static final Path README = Path.of("..", "README.md");
    /** A method body's indentation in the test sources. */
    private static final int INDENT = 8;

    private ReadmeSnippets() {
    }

    /** The {@code n}-th {@code ```java} block (from 0) of the README section under {@code heading}. */
    static List<String> block(String heading, int n) throws IOException {
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        int at = readme.indexOf(heading);
        assertTrue(at >= 0, "the README has no section " + heading);
        int found = -1;
        for (int i = at + 1; i < readme.size() && !readme.get(i).startsWith("#"); i++) {
            if (readme.get(i).startsWith("```")) {
                int close = readme.subList(i + 1, readme.size()).indexOf("```") + i + 1;
                if (readme.get(i).equals("```java") && ++found == n) {
                    return List.copyOf(readme.subList(i + 1, close));
                }
                i = close; // a heading-like line inside a block (a shell comment) does not end the section
            }
        }
        throw new AssertionError("the README's section " + heading + " has fewer than " + (n + 1) + " Java blocks");
    }

    /** The code between the markers of {@code name} in {@code test}'s source, without its indentation. */
    static List<String> code(Class<?> test, String name) throws IOException {
        Path source = Path.of("src", "test", "java", test.getName().replace('.', '/') + ".java");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int begin = indexOfStripped(lines, "// README " + name + ": begin", source);
        int end = indexOfStripped(lines, "// README " + name + ": end", source);
        return lines.subList(begin + 1, end).stream().map(l -> l.isBlank() ? "" : l.substring(INDENT)).toList();
    }

    private static int indexOfStripped(List<String> lines, String text, Path source) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found in " + source);
    }
}

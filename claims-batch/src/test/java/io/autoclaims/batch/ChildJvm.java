package io.autoclaims.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link ChildRun} in a child JVM with this JVM's classpath. */
final class ChildJvm {
    final Process process;
    final BufferedReader stdout;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts a child with that heap and the C1 compiler only: the children are short-lived, and on a
     * small shared machine C2 compiling Drools' and POI's code costs them more than it gains.
     */
    static ChildJvm start(String heap, Path log, Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ChildRun.class.getName()));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return new ChildJvm(new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start());
    }

    /** Waits for READY; false when the child ended first. */
    boolean awaitReady() throws IOException {
        for (String line; (line = stdout.readLine()) != null; ) {
            if (line.equals("READY")) {
                return true;
            }
        }
        return false;
    }

    /** The DONE line's fields, or null when the child ended without it. */
    String[] awaitDone() throws IOException {
        for (String line; (line = stdout.readLine()) != null; ) {
            if (line.startsWith("DONE ")) {
                return line.split(" ");
            }
        }
        return null;
    }
}

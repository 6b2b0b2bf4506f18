package io.autoclaims.bench.backlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Prints the machine's load average (as {@code uptime} shows it), so that every measurement says how busy the machine was. */
final class LoadAverage {

    private LoadAverage() {
    }

    static void print() {
        String load;
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            load = parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            load = "unknown (" + e.getMessage() + ")";
        }
        System.out.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " load average: " + load + "]");
    }
}

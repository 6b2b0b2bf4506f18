package io.autoclaims.bench.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The generated tables as files, for the cold-load benchmark: written by {@link #main} in a child JVM,
 * so the JVM that measures a load has not touched POI, Drools or OpenL before.
 */
public final class TableFiles {
    /** Bump when a generator changes, so stale files are not reused. */
    private static final String VERSION = "v1";

    private TableFiles() {
    }

    /** The folder holding the three files of the table of {@code rows} rows. */
    public static Path dir(int rows) {
        return Path.of(System.getProperty("java.io.tmpdir"), "autoclaims-bench-tables-" + VERSION, "seed"
                + DecisionTableBenchmark.TABLE_SEED, Integer.toString(rows));
    }

    /** The folder, after generating the files in a child JVM when they are missing. */
    public static Path ensure(int rows) {
        Path dir = dir(rows);
        if (Files.exists(dir.resolve("done"))) {
            return dir;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                TableFiles.class.getName(), Integer.toString(rows)));
        pb.inheritIO();
        try {
            int exit = pb.start().waitFor();
            if (exit != 0 || !Files.exists(dir.resolve("done"))) {
                throw new IllegalStateException("generating the tables of " + rows + " rows failed (exit " + exit + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return dir;
    }

    /** Writes the three workbooks of the table of {@code args[0]} rows into {@link #dir}. */
    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        TermsTable table = TermsTable.generate(rows, DecisionTableBenchmark.TABLE_SEED);
        Path dir = dir(rows);
        Files.createDirectories(dir);
        write(dir.resolve(AutoclaimsWorkbook.FILE), AutoclaimsWorkbook.write(table));
        write(dir.resolve("terms.drl.xlsx"), DroolsXlsTable.write(table));
        write(dir.resolve(OpenlWorkbook.FILE), OpenlWorkbook.write(table));
        Files.writeString(dir.resolve("done"), "");
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}

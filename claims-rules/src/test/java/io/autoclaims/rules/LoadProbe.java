package io.autoclaims.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link BoundedMemoryTest}: loads each workbook file given and prints one
 * line per file, {@code LOADED name peakMB}, {@code REFUSED name CODES peakMB},
 * {@code OOM name} or {@code FAILED name exception}. Exits 0 when no file ran out of memory or
 * failed with anything but a {@link RulebookException}.
 */
public final class LoadProbe {
    private LoadProbe() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        for (String arg : args) {
            Path file = Path.of(arg);
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            String line;
            try {
                Rulebook.fromWorkbooks(Map.of(name, bytes));
                line = "LOADED " + name;
            } catch (RulebookException e) {
                line = "REFUSED " + name + " " + e.errors().stream().map(WorkbookIssue::code).distinct()
                        .collect(Collectors.joining(","));
            } catch (OutOfMemoryError e) {
                line = "OOM " + name;
                status = 1;
            } catch (Throwable e) {
                line = "FAILED " + name + " " + e;
                status = 1;
            }
            bytes = null;
            System.out.println(line + " " + peakMb() + "MB");
            System.out.flush();
        }
        System.exit(status);
    }

    /** Peak heap used since the last reset, summed over the heap pools (an upper bound of the true peak). */
    private static long peakMb() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}

package io.autoclaims.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Which threads a rulebook and an adjudicator start, listed before and after in a child JVM
 * ({@link ThreadsProbe}): only Drools' own pool for wiring compiled rules ({@code drools-worker-N},
 * a static executor of {@code ExecutorProviderImpl} shared by every compilation in the JVM, daemon,
 * one thread per processor, never ended: Drools offers no way to stop it, and shutting it down
 * would make every later compilation in the JVM fail). Nothing per rulebook or adjudicator, so
 * there is nothing for them to close. Drools' parallel rule build (a static fork-join pool of its
 * own) is switched off for our compilations: see {@code DroolsCompiler}.
 */
class DroolsThreadsTest {
    private static final String CLAIM = "{\"claimId\":\"W-1\",\"type\":\"WARRANTY\",\"submittedOn\":\"2024-05-21\","
            + "\"vehicle\":{\"vin\":\"LSGKB54H8JA123456\",\"purchasedOn\":\"2023-01-10\",\"odometerKm\":22000},"
            + "\"incident\":{\"occurredOn\":\"2024-05-20\",\"cause\":\"QUALITY_DEFECT\"},"
            + "\"repairShop\":{\"id\":\"4S-SH-001\",\"authorized\":true,\"tier\":\"DEALER_4S\"},"
            + "\"lines\":[{\"lineId\":\"L1\",\"system\":\"BRAKE\",\"part\":\"制动主缸\",\"repairCostCny\":950.00,"
            + "\"replaceCostCny\":2100.00}],\"documents\":[\"REPAIR_ORDER\",\"WARRANTY_CARD\"]}";

    /** One live thread as the probe printed it. */
    record Live(String name, boolean daemon, String type) {
    }

    @Test
    void rulebooksAndAdjudicatorsStartNoThreadButDroolsJvmWideWiringPool() throws Exception {
        Map<String, List<Live>> steps = probe();
        List<String> start = names(steps.get("start"));
        List<Live> added = new ArrayList<>(steps.get("adjudicated"));
        added.removeIf(t -> start.contains(t.name()));
        assertFalse(added.isEmpty(), "compiling the shipped rulebook wires its classes in Drools' pool");
        for (Live t : added) {
            assertTrue(t.name().matches("drools-worker-\\d+"), () -> "a thread that is not Drools' wiring pool: " + t);
            assertTrue(t.daemon(), () -> "a thread that would keep the JVM alive: " + t);
        }
        assertTrue(added.size() <= Runtime.getRuntime().availableProcessors(), added::toString);
        // the same threads serve every later rulebook and adjudicator: none is per rulebook
        assertEquals(names(steps.get("adjudicated")), names(steps.get("three more")));
        // an interrupt does not end them (why examples/pom.xml keeps exec:java's cleanupDaemonThreads off),
        // and they still serve the next compilation
        assertEquals(names(steps.get("three more")), names(steps.get("interrupted")));
        assertEquals(names(steps.get("three more")), names(steps.get("loaded again")));
    }

    private static List<String> names(List<Live> threads) {
        return threads.stream().map(Live::name).toList();
    }

    /** Runs {@link ThreadsProbe} in a child JVM: its steps in order, each with the threads then live. */
    private static Map<String, List<Live>> probe() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ThreadsProbe.class.getName(), CLAIM))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "probe did not finish");
        assertEquals(0, p.exitValue(), out);
        Map<String, List<Live>> steps = new LinkedHashMap<>();
        out.lines().filter(l -> l.startsWith("STEP ")).forEach(l -> {
            int colon = l.indexOf(": ");
            List<Live> threads = new ArrayList<>();
            for (String t : l.substring(colon + 2).split(";")) {
                String[] f = t.split("\\|");
                threads.add(new Live(f[0], Boolean.parseBoolean(f[1]), f[2]));
            }
            steps.put(l.substring(5, colon), threads);
        });
        assertEquals(List.of("start", "loaded", "adjudicated", "three more", "interrupted", "loaded again"),
                List.copyOf(steps.keySet()), out);
        return steps;
    }
}

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
 * Which threads the library leaves running, listed in a child JVM ({@link ThreadsProbe}) before and after
 * each way a host uses it: {@code loadDefault}, {@code fromWorkbooks}, {@code Adjudicator.of}, every
 * adjudication entry point, eight host threads sharing one adjudicator, a checked swap and a rollback,
 * a {@link RulebookWatcher} running and closed. Compiling starts none. Only Drools' own pool stays
 * ({@code drools-worker-N}: the static executor of Drools' {@code ExecutorProviderImpl}, daemon, one
 * thread per processor, idle in {@code ThreadPoolExecutor.getTask}, shared by the whole JVM and never
 * ended: Drools offers no way to stop it, and shutting it down would break Drools in the JVM). The
 * first adjudications start it: Drools compiles a constraint to bytecode on it once the constraint
 * was evaluated 20 times. It never grows: nothing is per rulebook, adjudicator or call, so there is
 * nothing for them to close. The watcher's two threads (its own and the JDK's
 * {@code FileSystemWatchService}) end with {@code close()}. Drools' parallel rule build (a static
 * fork-join pool of its own) is switched off for our compilations: see {@code DroolsCompiler}. A
 * Drools upgrade that starts another thread, or makes one of these non-daemon, fails here.
 */
class DroolsThreadsTest {
    private static final String POOL = "drools-worker-\\d+";

    /** One live thread as the probe printed it; {@code stack}: its frames, innermost first. */
    record Live(String name, boolean daemon, String group, String type, String stack) {
        /**
         * A worker of Drools' pool: measured idle in {@code ThreadPoolExecutor.getTask} at every step, but a
         * worker may be a moment late getting back there after the compilation's last task.
         */
        boolean inPool() {
            return name.matches(POOL) && stack.contains("java.util.concurrent.ThreadPoolExecutor.runWorker");
        }
    }

    @Test
    void onlyDroolsJvmWidePoolOutlivesAnyUseAndTheWatcherEndsItsThreadsOnClose() throws Exception {
        Map<String, List<Live>> steps = probe();
        List<String> start = names(steps.get("start"));
        // compiling starts none; one claim adjudicated and explained compiles no constraint yet
        for (String quiet : List.of("loadDefault", "fromWorkbooks", "Adjudicator.of", "adjudicate")) {
            assertEquals(List.of(), added(steps.get(quiet), start), quiet + " starts no thread");
        }
        List<String> pool = added(steps.get("adjudicateAll"), start);
        assertFalse(pool.isEmpty(), "adjudicating claims hands Drools' constraint compiler to its pool");
        assertTrue(pool.size() <= Runtime.getRuntime().availableProcessors(), pool::toString);
        steps.forEach((step, threads) -> {
            if (step.equals("start") || step.equals("watcher running")) {
                return;
            }
            for (Live t : threads) {
                if (!start.contains(t.name())) {
                    assertTrue(t.inPool(), () -> step + ": a thread that is not Drools' pool: " + t);
                    assertTrue(t.daemon(), () -> step + ": a thread that would keep the JVM alive: " + t);
                }
            }
            // none, or the pool the first adjudications started, no more: nothing per rulebook,
            // adjudicator, call or host thread; an interrupt (exec:java's cleanupDaemonThreads, hence
            // examples/pom.xml keeps it off) ends none of them, and they serve what comes next
            // (it adds a thread per task up to one per processor: more cores, maybe more threads later)
            List<String> added = added(threads, start);
            assertTrue(added.containsAll(pool) || added.isEmpty(), () -> step + ": " + added);
            assertTrue(added.size() <= Runtime.getRuntime().availableProcessors(), () -> step + ": " + added);
        });

        List<Live> watching = steps.get("watcher running").stream()
                .filter(t -> !start.contains(t.name()) && !pool.contains(t.name())).toList();
        // the JDK's watch service thread is FileSystemWatchService on Linux and Windows, FileSystemWatcher on macOS
        assertEquals(List.of("FileSystemWatch", "rulebook-watcher "), watching.stream()
                .map(t -> t.name().replaceAll("^(rulebook-watcher |FileSystemWatch).*", "$1")).toList(), watching::toString);
        watching.forEach(t -> assertTrue(t.daemon(), t::toString));
    }

    private static List<String> names(List<Live> threads) {
        return threads.stream().map(Live::name).toList();
    }

    private static List<String> added(List<Live> threads, List<String> before) {
        return names(threads).stream().filter(n -> !before.contains(n)).toList();
    }

    /** Runs {@link ThreadsProbe} in a child JVM: its steps in order, each with the threads then live. */
    private static Map<String, List<Live>> probe() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ThreadsProbe.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "probe did not finish");
        assertEquals(0, p.exitValue(), out);
        Map<String, List<Live>> steps = new LinkedHashMap<>();
        out.lines().filter(l -> l.startsWith("STEP ")).forEach(l -> {
            int colon = l.indexOf(": ");
            List<Live> threads = new ArrayList<>();
            for (String t : l.substring(colon + 2).split(";")) {
                String[] f = t.split("\\|", -1);
                // no group: the thread has ended and is only leaving the JVM's list (seen once for the
                // JDK's watch service thread right after the watcher's close() returned)
                if (!f[2].equals("-")) {
                    threads.add(new Live(f[0], Boolean.parseBoolean(f[1]), f[2], f[3], f[4]));
                }
            }
            steps.put(l.substring(5, colon), threads);
        });
        assertEquals(ThreadsProbe.STEPS, List.copyOf(steps.keySet()), out);
        return steps;
    }
}

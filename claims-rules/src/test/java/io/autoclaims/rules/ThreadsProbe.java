package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Run in a child JVM by {@link DroolsThreadsTest}, so that no other test has started a thread yet:
 * goes through every way a host uses a rulebook and an adjudicator, and prints the live threads at
 * each step, one step per line, as {@code STEP name: thread;thread;...}, each thread as
 * {@code name|daemon|group|class|stack} (its frames, innermost first, joined by {@code <}: where it waits).
 */
public final class ThreadsProbe {
    /** The steps, in the order printed. */
    static final List<String> STEPS = List.of("start", "loadDefault", "fromWorkbooks", "Adjudicator.of",
            "adjudicate", "adjudicateAll", "adjudicateJsonLines", "8 host threads", "swap and rollback",
            "watcher running", "watcher closed", "three more", "interrupted", "loaded again");
    /** Host threads the probe starts (and joins) itself: not the library's. */
    static final String HOST_THREAD = "probe-host-";

    private ThreadsProbe() {
    }

    public static void main(String[] args) throws Exception {
        print("start");
        Rulebook rulebook = Rulebook.loadDefault();
        print("loadDefault");
        Rulebook again = Rulebook.fromWorkbooks(Rulebook.defaultWorkbooks(), Rulebook::defaultResource);
        print("fromWorkbooks");
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        print("Adjudicator.of");

        String backlog = Rulebook.defaultResource("scenarios/warranty.jsonl");
        ClaimCodec codec = ClaimCodec.create();
        // the scenario files hold bad claims too: those are the scenarios of error records
        List<Claim> claims = backlog.lines().map(l -> codec.read(l, 1))
                .flatMap(r -> r instanceof ReadResult.Ok ok ? Stream.of(ok.claim()) : Stream.empty()).toList();
        adjudicator.adjudicate(claims.get(0));
        adjudicator.explain(claims.get(0));
        print("adjudicate");
        adjudicator.adjudicateAll(claims);
        print("adjudicateAll");
        adjudicator.adjudicateJson(backlog.lines().findFirst().orElseThrow());
        adjudicator.adjudicateJsonLines(new ByteArrayInputStream(backlog.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream());
        print("adjudicateJsonLines");

        List<Thread> hosts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> claims.forEach(adjudicator::adjudicate), HOST_THREAD + i);
            t.start();
            hosts.add(t);
        }
        for (Thread t : hosts) {
            t.join();
        }
        print("8 host threads");

        adjudicator.swap(again); // checked: the table analysis and every scenario run
        adjudicator.rollback();
        print("swap and rollback");

        Path rules = rulesFolder(Files.createTempDirectory("threads-probe"));
        BlockingQueue<RulebookWatcher.Reload> reloads = new LinkedBlockingQueue<>();
        try (RulebookWatcher watcher = RulebookWatcher.watch(adjudicator, rules, Duration.ofMillis(200), reloads::add)) {
            // an analyst saves a workbook: the watcher loads the folder and tries the swap
            Files.write(rules.resolve("warranty.xlsx"), Rulebook.defaultWorkbooks().get("warranty.xlsx"));
            RulebookWatcher.Reload reload = reloads.poll(3, TimeUnit.MINUTES);
            if (reload == null) {
                throw new AssertionError("the watcher reported no reload");
            }
            print("watcher running");
        }
        print("watcher closed");

        for (int i = 0; i < 3; i++) {
            Adjudicator.of(Rulebook.loadDefault()).adjudicate(claims.get(0));
        }
        print("three more");
        // what exec:java's cleanupDaemonThreads does at the end of a run: interrupt, then wait
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("drools-worker-")) {
                t.interrupt();
            }
        }
        TimeUnit.SECONDS.sleep(2);
        print("interrupted");
        Adjudicator.of(Rulebook.loadDefault()).adjudicateAll(claims); // the pool still serves what comes next
        print("loaded again");
        System.exit(0);
    }

    /** The shipped workbooks and their scenario files in a folder, as a host deploys them. */
    private static Path rulesFolder(Path dir) throws java.io.IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        for (Map.Entry<String, byte[]> w : Rulebook.defaultWorkbooks().entrySet()) {
            Files.write(dir.resolve(w.getKey()), w.getValue());
        }
        for (String type : List.of("warranty", "insurance", "assistance")) {
            Files.writeString(dir.resolve("scenarios/" + type + ".jsonl"), Rulebook.defaultResource("scenarios/" + type + ".jsonl"));
        }
        return dir;
    }

    private static void print(String step) {
        Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
        System.out.println("STEP " + step + ": " + threads.keySet().stream().sorted(Comparator.comparing(Thread::getName))
                .map(t -> String.join("|", t.getName(), String.valueOf(t.isDaemon()),
                        t.getThreadGroup() == null ? "-" : t.getThreadGroup().getName(), t.getClass().getName(),
                        Arrays.stream(threads.get(t))
                                .map(f -> f.getClassName() + "." + f.getMethodName()).collect(Collectors.joining("<"))))
                .collect(Collectors.joining(";")));
        System.out.flush();
    }
}

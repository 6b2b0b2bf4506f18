package io.autoclaims.rules;

import io.autoclaims.model.json.ClaimCodec;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link DroolsThreadsTest}, so that no other test has started a thread yet:
 * prints the live threads ({@code name|daemon|class}) at each step, one step per line, as
 * {@code STEP name: thread;thread;...}.
 */
public final class ThreadsProbe {
    private ThreadsProbe() {
    }

    public static void main(String[] args) throws Exception {
        print("start");
        Rulebook rulebook = Rulebook.loadDefault();
        print("loaded");
        Adjudicator adjudicator = Adjudicator.of(rulebook);
        adjudicator.adjudicate(ClaimCodec.create().readClaim(args[0]));
        adjudicator.explain(ClaimCodec.create().readClaim(args[0]));
        print("adjudicated");
        for (int i = 0; i < 3; i++) {
            Adjudicator.of(Rulebook.loadDefault()).adjudicate(ClaimCodec.create().readClaim(args[0]));
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
        Rulebook.loadDefault(); // the pool still serves the next compilation
        print("loaded again");
        System.exit(0);
    }

    private static void print(String step) {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        System.out.println("STEP " + step + ": " + threads.stream().sorted(Comparator.comparing(Thread::getName))
                .map(t -> t.getName() + "|" + t.isDaemon() + "|" + t.getClass().getName())
                .collect(Collectors.joining(";")));
        System.out.flush();
    }
}

package io.autoclaims.hosts.plainjava;

import io.autoclaims.rules.Adjudicator;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookException;
import io.autoclaims.rules.WorkbookIssue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain Java host: loads the shipped rulebook once, adjudicates JSON Lines backlogs through one
 * shared {@link Adjudicator}, and writes one record per input line, as the command line does.
 *
 * <pre>java -cp ... io.autoclaims.hosts.plainjava.PlainJavaHost OUT_DIR BACKLOG.jsonl... [--threads N]</pre>
 *
 * <p>Each backlog's records go to {@code OUT_DIR/<backlog name>}. With {@code --threads N}, N threads
 * then adjudicate every backlog again at the same time through the same adjudicator, thread
 * {@code t} into {@code OUT_DIR/thread-t/}, so that their records can be compared with the first.
 */
public final class PlainJavaHost {

    private static final Logger LOG = LoggerFactory.getLogger(PlainJavaHost.class);

    /** The exit status when the rulebook does not load (the command line's too). */
    public static final int RULEBOOK_FAILED = 3;

    private PlainJavaHost() {
    }

    /**
     * Runs the host.
     *
     * @param args the output folder, the backlogs, and optionally {@code --threads N}
     * @throws IOException when a backlog cannot be read or a record cannot be written
     * @throws InterruptedException when interrupted while the threads run
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        List<Path> backlogs = new ArrayList<>();
        int threads = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = Integer.parseInt(args[++i]);
            } else {
                backlogs.add(Path.of(args[i]));
            }
        }
        if (args.length < 2 || backlogs.isEmpty()) {
            System.err.println("usage: PlainJavaHost OUT_DIR BACKLOG.jsonl... [--threads N]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);

        Adjudicator adjudicator;
        try {
            adjudicator = Adjudicator.of(Rulebook.loadDefault());
        } catch (RulebookException e) {
            for (WorkbookIssue issue : e.issues()) {
                System.err.println(issue);
                System.err.println(issue.toStringZh());
            }
            System.exit(RULEBOOK_FAILED);
            return;
        }
        LOG.info("rulebook {} {} loaded", adjudicator.rulebook().name(), adjudicator.rulebook().version());

        Files.createDirectories(out);
        for (Path backlog : backlogs) {
            long lines;
            try (InputStream in = Files.newInputStream(backlog);
                    OutputStream records = Files.newOutputStream(out.resolve(backlog.getFileName()))) {
                lines = adjudicator.adjudicateJsonLines(in, records);
            }
            LOG.info("{}: {} lines", backlog.getFileName(), lines);
        }
        if (threads > 0) {
            shared(adjudicator, backlogs, out, threads);
        }
    }

    /** Every thread adjudicates every backlog, all at once through one adjudicator. */
    private static void shared(Adjudicator adjudicator, List<Path> backlogs, Path out, int threads)
            throws IOException, InterruptedException {
        List<byte[]> inputs = new ArrayList<>();
        for (Path backlog : backlogs) {
            inputs.add(Files.readAllBytes(backlog));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<byte[]>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await(); // all threads begin together
                List<byte[]> records = new ArrayList<>();
                for (byte[] input : inputs) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    adjudicator.adjudicateJsonLines(new java.io.ByteArrayInputStream(input), bytes);
                    records.add(bytes.toByteArray());
                }
                return records;
            }));
        }
        start.countDown();
        try {
            for (int t = 0; t < threads; t++) {
                List<byte[]> records = results.get(t).get();
                Path dir = Files.createDirectories(out.resolve("thread-" + (t + 1)));
                for (int b = 0; b < backlogs.size(); b++) {
                    Files.write(dir.resolve(backlogs.get(b).getFileName()), records.get(b));
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a thread failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        LOG.info("{} threads adjudicated {} backlogs each through one adjudicator", threads, backlogs.size());
    }
}

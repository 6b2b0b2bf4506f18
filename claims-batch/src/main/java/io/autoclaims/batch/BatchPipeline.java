package io.autoclaims.batch;

import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The streaming, parallel, order-keeping machinery shared by {@link BacklogRun} and {@link ImpactRun}:
 * a reader thread cuts the input into batches (a {@link io.autoclaims.model.json.JsonLinesReader}), a pool of workers turns each batch
 * into a result, and the calling thread receives the results in input order. A bounded queue of
 * {@code threads + 1} batches in flight is the reorder buffer, so memory does not grow with the input.
 */
final class BatchPipeline {
    private static final Object END_MARK = new Object();

    private BatchPipeline() {
    }

    /** Receives the results in input order, on the thread that called {@link #run}. */
    @FunctionalInterface
    interface Sink<R> {
        /**
         * @param result   the result of the next batch
         * @param lastKnown true when this is known to be the last batch (false does not promise more)
         */
        void accept(R result, boolean lastKnown) throws IOException;
    }

    /** Hands out the batches, on the reader thread; null at the end. */
    @FunctionalInterface
    interface Source<B> {
        B next() throws IOException;
    }

    /**
     * Runs {@code work} on every batch of {@code chunks} with {@code threads} workers and hands the
     * results to {@code sink} in input order. A failure in reading, a worker or the sink stops the run
     * and is thrown here.
     */
    static <B, R> void run(Source<B> batches, int threads, Function<B, R> work, Sink<R> sink)
            throws IOException {
        @SuppressWarnings("unchecked")
        Future<R> end = (Future<R>) CompletableFuture.completedFuture(END_MARK);
        BlockingQueue<Future<R>> queue = new ArrayBlockingQueue<>(threads + 1);
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("claims-batch-worker-"));
        Thread reader = daemon("claims-batch-reader").newThread(() -> {
            try {
                try {
                    for (B b; (b = batches.next()) != null; ) {
                        B batch = b;
                        queue.put(workers.submit(() -> work.apply(batch)));
                    }
                    queue.put(end);
                } catch (IOException | RuntimeException | Error e) {
                    queue.put(CompletableFuture.failedFuture(e));
                }
            } catch (InterruptedException e) {
                // the consumer gave up: nothing more to hand over
            }
        });
        reader.start();
        try {
            while (true) {
                Future<R> f = take(queue);
                if (f == end) {
                    break;
                }
                R result = await(f);
                sink.accept(result, queue.peek() == end);
            }
        } finally {
            reader.interrupt();
            workers.shutdownNow();
            try {
                reader.join();
                workers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Counts the lines of {@code input} in the background (as readLines numbers them) into {@code total},
     * for the progress total; leaves it at -1 when the file cannot be read. Interrupt to stop.
     */
    static Thread countLines(Path input, AtomicLong total) {
        Thread t = daemon("claims-batch-line-counter").newThread(() -> {
            try (InputStream in = Files.newInputStream(input)) {
                byte[] buffer = new byte[1 << 20];
                long lines = 0;
                int last = '\n';
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    if (n > 0) {
                        last = buffer[n - 1];
                    }
                }
                total.set(last == '\n' ? lines : lines + 1);
            } catch (IOException e) {
                // the total stays unknown; the run itself reports real I/O failures
            }
        });
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private static <R> Future<R> take(BlockingQueue<Future<R>> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the next batch");
        }
    }

    private static <R> R await(Future<R> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a batch");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }
}

package io.autoclaims.bench.backlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.model.json.ReadResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

/**
 * The backlog run's shape without the rules, for the floors it is measured against: a reader thread
 * cuts the input into batches of 1,000 lines, {@code threads} workers turn each line into one output
 * record, a bounded queue of {@code threads + 1} batches in flight keeps them in order, and the caller
 * writes them, one record per input line. Only the per-line work differs:
 * <ul>
 *   <li>{@link #jacksonCopy()}: the I/O floor, {@code ObjectMapper.readTree} and {@code writeValueAsBytes};</li>
 *   <li>{@link #codecCopy()}: our strict {@link ClaimCodec} reading the claim and writing it back (or
 *       the error record), no rules.</li>
 * </ul>
 */
public final class JsonLinesPipeline {
    private static final int BATCH = 1000;
    private static final Future<byte[]> END = CompletableFuture.completedFuture(null);

    /** The work on one line: {@code lineNumber} is 1-based; the result is the record without its newline. */
    @FunctionalInterface
    public interface LineWork {
        byte[] apply(String line, long lineNumber);
    }

    private JsonLinesPipeline() {
    }

    /** Plain Jackson: parse to a tree and write the tree; a line that is not JSON gets a fixed error record. */
    public static LineWork jacksonCopy() {
        ObjectMapper mapper = new ObjectMapper();
        byte[] invalid = "{\"error\":\"INVALID_JSON\"}".getBytes(StandardCharsets.UTF_8);
        return (line, n) -> {
            try {
                JsonNode node = mapper.readTree(line);
                return node == null || node.isMissingNode() ? invalid : mapper.writeValueAsBytes(node);
            } catch (IOException e) {
                return invalid;
            }
        };
    }

    /** Our codec: the claim read strictly and written back, or the error record naming the field. */
    public static LineWork codecCopy() {
        ClaimCodec codec = ClaimCodec.create();
        return (line, n) -> {
            ReadResult r = codec.read(line, n);
            String record = r instanceof ReadResult.Ok ok ? codec.writeClaim(ok.claim())
                    : codec.writeError(((ReadResult.Failed) r).error());
            return record.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Runs the pipeline over {@code in} into {@code out} (replaced); returns the records written. */
    public static long run(Path in, Path out, int threads, LineWork work) throws IOException {
        BlockingQueue<Future<byte[]>> queue = new ArrayBlockingQueue<>(threads + 1);
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pipeline-worker");
            t.setDaemon(true);
            return t;
        });
        long written = 0;
        Thread reader = new Thread(() -> {
            try {
                try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
                    List<String> batch = new ArrayList<>(BATCH);
                    long first = 1;
                    for (String line; (line = r.readLine()) != null; ) {
                        batch.add(line);
                        if (batch.size() == BATCH) {
                            queue.put(submit(workers, batch, first, work));
                            first += BATCH;
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!batch.isEmpty()) {
                        queue.put(submit(workers, batch, first, work));
                    }
                    queue.put(END);
                } catch (IOException | RuntimeException e) {
                    queue.put(CompletableFuture.failedFuture(e));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pipeline-reader");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream o = Files.newOutputStream(out)) {
            while (true) {
                Future<byte[]> f = queue.take();
                if (f == END) {
                    break;
                }
                byte[] records = f.get();
                o.write(records);
                written += count(records);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
        return written;
    }

    private static Future<byte[]> submit(ExecutorService workers, List<String> batch, long first, LineWork work) {
        return workers.submit(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.size() * 1024);
            for (int i = 0; i < batch.size(); i++) {
                bytes.write(work.apply(batch.get(i), first + i));
                bytes.write('\n');
            }
            return bytes.toByteArray();
        });
    }

    private static long count(byte[] records) {
        long n = 0;
        for (byte b : records) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}

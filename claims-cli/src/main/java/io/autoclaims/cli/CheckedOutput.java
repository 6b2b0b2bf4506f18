package io.autoclaims.cli;

import io.autoclaims.rules.OneLineText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An output stream whose write errors are seen: it counts the line ends that reached the stream
 * under it and keeps the first failure, after which it writes nothing more (a later write that
 * succeeded, on a disk with room again, would leave a gap in the records).
 *
 * <p>Over a file or standard output, bytes go down through the descriptor's channel in whole
 * chunks, and the line ends counted are those in the bytes the system took (a short write says how
 * many). Over any other stream they go down one line at a time, each piece ending with its
 * {@code \n}: a piece that fails may have been written in part, but never its {@code \n}. Either
 * way {@link #lines()} is exactly the number of complete lines written.
 */
final class CheckedOutput extends OutputStream {
    private final OutputStream under;
    private final String name;
    private final String nameZh;
    private final boolean closeUnder;
    /** The descriptor's channel when {@code under} has one; null otherwise. */
    private final FileChannel channel;
    private long lines;
    private IOException failure;
    private boolean closed;

    /**
     * {@code under}, named {@code name} / {@code nameZh} in messages; {@code closeUnder} false for a
     * stream the command does not own (standard output: closing it would close descriptor 1).
     */
    CheckedOutput(OutputStream under, String name, String nameZh, boolean closeUnder) {
        this.under = Objects.requireNonNull(under, "under");
        this.name = name;
        this.nameZh = nameZh;
        this.closeUnder = closeUnder;
        this.channel = under instanceof FileOutputStream file ? file.getChannel() : null;
    }

    /**
     * The process's standard output, unbuffered, as a stream that throws: not {@link System#out}, a
     * PrintStream that swallows EPIPE, ENOSPC and the like. Never closed (nothing closes fd 1 here).
     */
    static OutputStream standardOutput() {
        return new FileOutputStream(FileDescriptor.out);
    }

    /** {@code under} as the process's standard output, for messages; closing it only flushes. */
    static CheckedOutput ofStandardOutput(OutputStream under) {
        return new CheckedOutput(under, "standard output", "标准输出", false);
    }

    /** A file the caller opened, named by its path in messages; closing this closes it. */
    static CheckedOutput ofFile(OutputStream under, Path path) {
        String name = OneLineText.escape(path.toString());
        return new CheckedOutput(under, name, " " + name + " ", true);
    }

    /** Complete lines written (each {@code \n} that reached the stream under this one). */
    long lines() {
        return lines;
    }

    /** The first write failure, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        refuseAfterFailure();
        int end = off + len;
        if (channel != null) {
            writeChunk(b, off, len);
            return;
        }
        try {
            while (off < end) {
                int stop = off;
                while (stop < end && b[stop] != '\n') {
                    stop++;
                }
                boolean lineEnd = stop < end;
                under.write(b, off, (lineEnd ? stop + 1 : end) - off);
                if (lineEnd) {
                    lines++;
                }
                off = lineEnd ? stop + 1 : end;
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private void writeChunk(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        try {
            while (buffer.hasRemaining()) {
                int from = buffer.position();
                channel.write(buffer);
                for (int i = from; i < buffer.position(); i++) {
                    if (b[i] == '\n') {
                        lines++;
                    }
                }
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        refuseAfterFailure();
        try {
            under.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            if (closeUnder) {
                try {
                    under.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    }
                    throw e;
                }
            }
        }
    }

    private void refuseAfterFailure() throws IOException {
        if (failure != null) {
            // a new exception: rethrowing the first would make try-with-resources suppress it in itself
            throw new IOException("writing " + name + " failed earlier: " + failure.getMessage(), failure);
        }
    }

    /**
     * Prints what failed on {@code err}, in English then Chinese, with the last input line whose
     * record was written in full (record N is the one of input line N).
     */
    void printFailure(PrintWriter err) {
        String why = why();
        if (lines == 0) {
            err.println("Writing " + name + " failed before the first record (" + why + "); no record was written.");
            err.println("写入" + nameZh + "失败（" + why + "）：没有写出任何记录。");
        } else {
            err.println("Writing " + name + " failed after line " + lines + " (" + why + "); the records of lines 1-"
                    + lines + " were written.");
            err.println("写入" + nameZh + "失败（" + why + "）：第 1-" + lines + " 行的记录已完整写出，之后的没有。");
        }
        err.flush();
    }

    /** Prints on {@code err} that a report (not records) did not get out whole, in English then Chinese. */
    void printReportFailure(PrintWriter err) {
        String why = why();
        err.println("Writing " + name + " failed (" + why + "); what was printed is incomplete.");
        err.println("写入" + nameZh + "失败（" + why + "）：输出不完整。");
        err.flush();
    }

    private String why() {
        return failure == null ? "unknown error"
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}

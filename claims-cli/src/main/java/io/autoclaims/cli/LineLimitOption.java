package io.autoclaims.cli;

import io.autoclaims.model.json.ClaimCodec;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --max-line-bytes}, for every command that reads a backlog. */
final class LineLimitOption {

    @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "" + ClaimCodec.DEFAULT_MAX_LINE_BYTES,
            description = "The longest input line read, in bytes (default: ${DEFAULT-VALUE}); a longer line gets a"
                    + " LINE_TOO_LONG error record and is never held in memory.")
    int maxLineBytes;

    /** True when the value is usable; else prints why, in English and Chinese. */
    boolean valid(PrintWriter err) {
        if (maxLineBytes >= 1) {
            return true;
        }
        err.println("--max-line-bytes must be 1 or more, got " + maxLineBytes);
        err.println("--max-line-bytes 须不小于 1，实际为 " + maxLineBytes);
        err.flush();
        return false;
    }
}

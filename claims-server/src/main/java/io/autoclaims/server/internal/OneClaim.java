package io.autoclaims.server.internal;

import java.util.Arrays;

/**
 * The body of a one-claim request as one JSON Lines line, so that the codec reads it exactly as
 * {@code claims adjudicate} reads that line (the same error record, line 1).
 */
final class OneClaim {
    private OneClaim() {
    }

    /**
     * The body without its trailing line end(s), and with the line ends of a pretty-printed object
     * turned into spaces where they are JSON whitespace (outside strings). A line end inside a
     * string stays, and the codec reports it as it would in a backlog line.
     */
    static byte[] asLine(byte[] body) {
        int end = body.length;
        while (end > 0 && (body[end - 1] == '\n' || body[end - 1] == '\r')) {
            end--;
        }
        byte[] line = Arrays.copyOf(body, end);
        boolean inString = false;
        for (int i = 0; i < line.length; i++) {
            byte b = line[i];
            if (inString) {
                if (b == '\\') {
                    i++; // the escaped byte cannot end the string
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '\n' || b == '\r') {
                line[i] = ' ';
            }
        }
        return line;
    }
}

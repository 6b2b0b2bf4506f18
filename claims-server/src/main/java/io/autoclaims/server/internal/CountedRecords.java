package io.autoclaims.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A batch's response, passed through unchanged: each record is counted in the metrics by claim type
 * and decision once it has been written. The library writes the records and says nothing of them,
 * so they are read back here; a verdict's {@code type} and {@code decision} are its first fields, so
 * the read stops a few tokens in.
 */
final class CountedRecords extends FilterOutputStream {
    private static final JsonFactory JSON = new JsonFactory();
    private final Metrics metrics;
    /** The start of a record whose line end has not been written yet. */
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    CountedRecords(OutputStream out, Metrics metrics) {
        super(out);
        this.metrics = metrics;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len); // counted only once written: a record the client never got is not counted
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                if (partial.size() > 0) {
                    partial.write(b, start, i - start);
                    byte[] record = partial.toByteArray();
                    partial.reset();
                    count(record, 0, record.length);
                } else {
                    count(b, start, i - start);
                }
                start = i + 1;
            }
        }
        partial.write(b, start, off + len - start);
    }

    /** One record: a verdict by its type and decision, an error record (it has {@code error}) as such. */
    private void count(byte[] b, int off, int len) {
        String type = null;
        String decision = null;
        try (JsonParser p = JSON.createParser(b, off, len)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME && (type == null || decision == null)) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("error")) {
                        break;
                    } else if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                        type = p.getText();
                    } else if (name.equals("decision") && value == JsonToken.VALUE_STRING) {
                        decision = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            // the library wrote it: not expected to happen; the record still counts, as an error
        }
        metrics.decided(decision == null ? null : type, decision);
    }
}

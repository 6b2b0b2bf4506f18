package io.autoclaims.spring.boot.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes the records of {@code Adjudicator.adjudicateJsonLines} through to the host's stream and
 * counts each one once it is written: a verdict by its {@code type} and {@code decision}, an error
 * record by its {@code error.code}. Only the top-level fields are looked at; the host's stream is
 * neither closed nor buffered.
 */
public final class RecordTally extends FilterOutputStream {
    private static final JsonFactory JSON = new JsonFactory();

    private final AdjudicationMeters meters;
    /** The start of a record whose end has not been written yet. */
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    /**
     * A tally in front of the host's stream.
     *
     * @param out the host's stream
     * @param meters where each record is counted
     */
    public RecordTally(OutputStream out, AdjudicationMeters meters) {
        super(out);
        this.meters = meters;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len); // counted only once the host's stream took it
        int from = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                if (partial.size() > 0) {
                    partial.write(b, from, i - from);
                    count(partial.toByteArray(), 0, partial.size());
                    partial.reset();
                } else {
                    count(b, from, i - from);
                }
                from = i + 1;
            }
        }
        partial.write(b, from, off + len - from);
    }

    /** Leaves the host's stream open. */
    @Override
    public void close() throws IOException {
        flush();
    }

    /** Counts one record; never fails the host's run (the library writes valid JSON, but the meters must not matter). */
    private void count(byte[] b, int off, int len) {
        try {
            countRecord(b, off, len);
        } catch (IOException e) {
            // not a record the library writes: nothing to count
        }
    }

    private void countRecord(byte[] b, int off, int len) throws IOException {
        String type = null;
        String decision = null;
        String code = null;
        try (JsonParser p = JSON.createParser(b, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                    type = p.getText();
                } else if (name.equals("decision") && value == JsonToken.VALUE_STRING) {
                    decision = p.getText();
                } else if (name.equals("error") && value == JsonToken.START_OBJECT) {
                    code = errorCode(p);
                } else {
                    p.skipChildren();
                }
            }
        }
        if (code != null) {
            meters.error(code);
        } else if (type != null && decision != null) {
            meters.verdict(type, decision);
        }
    }

    private static String errorCode(JsonParser p) throws IOException {
        String code = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("code") && value == JsonToken.VALUE_STRING) {
                code = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return code;
    }
}

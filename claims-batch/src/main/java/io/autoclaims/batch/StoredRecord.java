package io.autoclaims.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a replay needs of one stored record (a line of a verdicts file): whether it is a verdict or
 * an error record, its claim id, and a verdict's {@code rulebook} object, field by field as stored
 * (name, version, fingerprint, and whatever a later library adds, such as a history's as-of date).
 *
 * @param bytes    the stored line
 * @param error    true for an error record ({@code "error"} at the top level)
 * @param claimId  the top-level {@code claimId}, or null
 * @param rulebook a verdict's {@code rulebook} object's scalar fields in stored order; empty for an error record
 * @param problem  why the line is not a record a replay can use (not a JSON object, a verdict without
 *                 {@code rulebook.fingerprint}), or null
 * @param errorCode an error record's {@code error.code}, or null
 */
record StoredRecord(byte[] bytes, boolean error, String claimId, Map<String, String> rulebook, String problem,
                    String errorCode) {
    StoredRecord(byte[] bytes, boolean error, String claimId, Map<String, String> rulebook, String problem) {
        this(bytes, error, claimId, rulebook, problem, null);
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** The fingerprint a verdict names, or null. */
    String fingerprint() {
        return rulebook.get("fingerprint");
    }

    static StoredRecord parse(byte[] bytes) {
        if (bytes == null) {
            return new StoredRecord(null, false, null, Map.of(), "the line is too long to be a record");
        }
        try (JsonParser p = JSON.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new StoredRecord(bytes, false, null, Map.of(), "the line is not a JSON object");
            }
            boolean error = false;
            String errorCode = null;
            String claimId = null;
            Map<String, String> rulebook = Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "claimId" -> claimId = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "error" -> {
                        error = true;
                        errorCode = errorCode(p, value);
                    }
                    case "rulebook" -> rulebook = rulebook(p, value);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return new StoredRecord(bytes, false, claimId, Map.of(), "the line holds more than one JSON value");
            }
            if (!error && rulebook.get("fingerprint") == null) {
                return new StoredRecord(bytes, false, claimId, Map.of(),
                        "a verdict without rulebook.fingerprint: the rules that made it cannot be named");
            }
            return new StoredRecord(bytes, error, claimId, error ? Map.of() : rulebook, null, errorCode);
        } catch (IOException e) {
            return new StoredRecord(bytes, false, null, Map.of(), "the line is not JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** The {@code code} of an error object, its other fields skipped; null when there is none. */
    private static String errorCode(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String code = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("code") && v == JsonToken.VALUE_STRING) {
                code = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return code;
    }

    private static Map<String, String> rulebook(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                fields.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

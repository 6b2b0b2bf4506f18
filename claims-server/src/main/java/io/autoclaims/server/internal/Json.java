package io.autoclaims.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.autoclaims.rules.Rulebook;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The service's own small JSON bodies (errors, rulebook, health), with Jackson's streaming generator. */
final class Json {
    private static final JsonFactory JSON = new JsonFactory();

    private Json() {
    }

    /** What writes the fields of one object. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object, its fields written by {@code fields}. */
    static String object(Fields fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** {@code "field":{"name","version","fingerprint"}}. */
    static void rulebook(JsonGenerator g, String field, Rulebook r) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("name", r.name());
        g.writeStringField("version", r.version());
        g.writeStringField("fingerprint", r.fingerprint());
        g.writeEndObject();
    }
}

package io.autoclaims.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.autoclaims.model.json.ClaimCodec;
import io.autoclaims.rules.Explanation;
import io.autoclaims.rules.RuleRef;
import io.autoclaims.rules.TableTrace;
import io.autoclaims.rules.WorkbookIssue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The JSON reports of {@code claims explain --format json} and {@code claims check --format json}, one
 * writer for the command line and the HTTP service ({@code claims serve}), so both give the same bytes.
 */
public final class ReportJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ReportJson() {
    }

    /**
     * An explanation as one line of JSON: {@code verdict} as the contract writes it ({@link
     * ClaimCodec#writeVerdict}, reasons included), {@code fired} (every row that fired, in order) and
     * {@code tables} (table by table, the rows that matched with their values and the nearest that did not).
     *
     * @param explanation the explanation
     * @param codec       the codec that writes the verdict
     * @return the JSON object, without a line end
     */
    public static String explanation(Explanation explanation, ClaimCodec codec) {
        Objects.requireNonNull(explanation, "explanation");
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("verdict");
            // the verdict's own bytes, as every other verdict of the library is written
            g.writeRawValue(codec.writeVerdict(explanation.verdict()));
            g.writeArrayFieldStart("fired");
            for (RuleRef r : explanation.fired()) {
                g.writeStartObject();
                g.writeStringField("ruleId", r.ruleId());
                g.writeStringField("table", r.table());
                g.writeNumberField("row", r.row());
                g.writeStringField("lineId", r.lineId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tables");
            for (TableTrace t : explanation.tables()) {
                g.writeStartObject();
                g.writeStringField("table", t.table());
                g.writeStringField("lineId", t.lineId());
                g.writeArrayFieldStart("matched");
                for (TableTrace.Match m : t.matched()) {
                    g.writeStartObject();
                    g.writeStringField("ruleId", m.ruleId());
                    g.writeNumberField("row", m.row());
                    g.writeArrayFieldStart("values");
                    for (TableTrace.Value v : m.values()) {
                        g.writeStartObject();
                        g.writeStringField("fact", v.fact());
                        g.writeFieldName("value");
                        value(g, v.value());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("nearest");
                for (TableTrace.NearMiss n : t.nearest()) {
                    g.writeStartObject();
                    g.writeStringField("ruleId", n.ruleId());
                    g.writeNumberField("row", n.row());
                    g.writeArrayFieldStart("failed");
                    for (TableTrace.Failed f : n.failed()) {
                        g.writeStartObject();
                        g.writeStringField("fact", f.fact());
                        g.writeStringField("condition", f.condition());
                        g.writeFieldName("actual");
                        value(g, f.actual());
                        g.writeFieldName("shortBy");
                        value(g, f.shortBy());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Check findings as one line of JSON: an array of objects with {@code severity}, {@code code},
     * {@code where} ({@code workbook!Sheet!Cell}), {@code workbook}, {@code sheet}, {@code cell},
     * {@code message}, {@code hint}, {@code messageZh} and {@code hintZh} (null where there is none).
     *
     * @param issues the findings, in order
     * @return the JSON array, without a line end
     */
    public static String findings(List<WorkbookIssue> issues) {
        Objects.requireNonNull(issues, "issues");
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (WorkbookIssue i : issues) {
                g.writeStartObject();
                g.writeStringField("severity", i.severity().name());
                g.writeStringField("code", i.code());
                g.writeStringField("where", i.where().toString());
                g.writeStringField("workbook", i.where().workbook());
                g.writeStringField("sheet", i.where().sheet());
                g.writeStringField("cell", i.where().cell());
                g.writeStringField("message", i.message());
                g.writeStringField("hint", i.hint());
                g.writeStringField("messageZh", i.messageZh());
                g.writeStringField("hintZh", i.hintZh());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A fact's value as the explanation holds it: text, number, boolean, a list of names, or null. */
    private static void value(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                value(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(value.toString());
        }
    }
}

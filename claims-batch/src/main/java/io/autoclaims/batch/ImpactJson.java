package io.autoclaims.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.autoclaims.model.ClaimType;
import io.autoclaims.model.RulebookInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code impact.json}: the summary for machines. Keys in a fixed order, indented with {@code \n} line
 * ends on every platform, money as exact JSON numbers with 2 decimals ({@code 1234.50}, never
 * {@code 1.2345E3}), as the claims contract writes money.
 */
final class ImpactJson {
    /** Names the layout, for readers that check it. */
    static final String FORMAT = "autoclaims-impact/1";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private ImpactJson() {
    }

    static void write(ImpactSummary s, OutputStream out) throws IOException {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            rulebook(g, "oldRulebook", s.oldRulebook(), s.edits().oldSource(), s.oldLabel());
            rulebook(g, "newRulebook", s.newRulebook(), s.edits().newSource(), s.newLabel());
            // the cells that differ between the two rulebooks: the edit behind the changes counted below
            g.writeArrayFieldStart("edits");
            for (ImpactEdits.Edit e : s.edits().edits()) {
                g.writeStartObject();
                g.writeStringField("kind", e.kind().name());
                g.writeStringField("cell", e.where());
                g.writeStringField("ruleId", e.ruleId());
                g.writeStringField("column", e.column());
                g.writeStringField("old", e.oldValue());
                g.writeStringField("new", e.newValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("totals");
            g.writeNumberField("lines", s.lines());
            g.writeNumberField("errorLines", s.errorLines());
            g.writeNumberField("oldErrorLines", s.oldErrors());
            g.writeNumberField("newErrorLines", s.newErrors());
            g.writeNumberField("changed", s.changed());
            money(g, "oldPayableCny", s.oldPayable());
            money(g, "newPayableCny", s.newPayable());
            money(g, "deltaCny", s.delta());
            g.writeEndObject();
            g.writeObjectFieldStart("transitions");
            for (ImpactStatus from : ImpactStatus.values()) {
                g.writeObjectFieldStart(from.name());
                for (ImpactStatus to : ImpactStatus.values()) {
                    g.writeNumberField(to.name(), s.transition(from, to));
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("byType");
            for (ClaimType t : ClaimType.values()) {
                ImpactSummary.TypeImpact ti = s.byType().get(t);
                g.writeObjectFieldStart(t.name());
                g.writeNumberField("claims", ti.claims());
                g.writeNumberField("changed", ti.changed());
                money(g, "oldPayableCny", ti.oldPayable());
                money(g, "newPayableCny", ti.newPayable());
                money(g, "deltaCny", ti.delta());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeArrayFieldStart("byRule");
            for (ImpactSummary.RuleImpact r : s.byRule()) {
                g.writeStartObject();
                g.writeStringField("ruleId", r.ruleId());
                g.writeStringField("table", r.table());
                g.writeNumberField("row", r.row());
                g.writeNumberField("claims", r.claims());
                g.writeNumberField("appeared", r.appeared());
                g.writeNumberField("disappeared", r.disappeared());
                money(g, "deltaCny", r.delta());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("unattributed");
            g.writeNumberField("claims", s.unattributed().claims());
            money(g, "deltaCny", s.unattributed().delta());
            g.writeEndObject();
            g.writeNumberField("top", s.top());
            g.writeArrayFieldStart("largest");
            for (ImpactRow r : s.largest()) {
                row(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void row(JsonGenerator g, ImpactRow r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("line", r.line());
        g.writeStringField("claimId", r.claimId());
        g.writeStringField("type", r.type() == null ? null : r.type().name());
        g.writeStringField("oldDecision", r.oldStatus().name());
        g.writeStringField("newDecision", r.newStatus().name());
        g.writeStringField("oldError", r.oldError());
        g.writeStringField("newError", r.newError());
        g.writeStringField("oldRemedy", r.oldRemedy() == null ? null : r.oldRemedy().name());
        g.writeStringField("newRemedy", r.newRemedy() == null ? null : r.newRemedy().name());
        money(g, "oldPayableCny", r.oldPayable());
        money(g, "newPayableCny", r.newPayable());
        money(g, "deltaCny", r.delta());
        strings(g, "changed", r.changed());
        strings(g, "reasonsAppeared", r.reasonsAppeared());
        strings(g, "reasonsDisappeared", r.reasonsDisappeared());
        rules(g, "rulesAppeared", r.rulesAppeared());
        rules(g, "rulesDisappeared", r.rulesDisappeared());
        // only when a side is a history, so that the report of two rulebooks keeps its bytes
        if (r.oldVersion() != null) {
            g.writeStringField("oldVersion", r.oldVersion());
        }
        if (r.newVersion() != null) {
            g.writeStringField("newVersion", r.newVersion());
        }
        g.writeEndObject();
    }

    private static void rules(JsonGenerator g, String name, List<ImpactRow.Rule> rules) throws IOException {
        g.writeArrayFieldStart(name);
        for (ImpactRow.Rule r : rules) {
            g.writeStartObject();
            g.writeStringField("ruleId", r.ruleId());
            g.writeStringField("table", r.table());
            g.writeNumberField("row", r.row());
            if (r.lineId() != null) {
                g.writeStringField("lineId", r.lineId());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void rulebook(JsonGenerator g, String name, RulebookInfo info, String source, String label)
            throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("name", info.name());
        g.writeStringField("version", info.version());
        g.writeStringField("fingerprint", info.fingerprint());
        g.writeStringField("source", source);
        g.writeStringField("label", label);
        g.writeEndObject();
    }

    private static void money(JsonGenerator g, String name, BigDecimal amount) throws IOException {
        g.writeNumberField(name, amount.setScale(2, java.math.RoundingMode.HALF_UP));
    }
}

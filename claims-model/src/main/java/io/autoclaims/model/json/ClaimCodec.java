package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoclaims.model.Charge;
import io.autoclaims.model.Claim;
import io.autoclaims.model.DocumentCode;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.Fact;
import io.autoclaims.model.LineVerdict;
import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The strict JSON codec of {@code claims-contract.md}: claims in, verdicts and error records out.
 * Reading reports the first defect in document order; nothing is coerced. Immutable and
 * thread-safe: create one and reuse it.
 */
public final class ClaimCodec {

    private final JsonFactory json;

    private ClaimCodec(JsonFactory json) {
        this.json = json;
    }

    public static ClaimCodec create() {
        // Plain BigDecimals: money is written 18400.00, never 1.84E+4. Non-ASCII stays as-is (UTF-8).
        return new ClaimCodec(JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build());
    }

    /** Reads one JSON Lines line; never throws for bad input, which yields an error record. */
    public ReadResult read(String line, long lineNumber) {
        Objects.requireNonNull(line, "line");
        JsonNode root = null;
        try {
            JsonLine parsed = JsonLine.parse(json, line);
            root = parsed.root();
            return new ReadResult.Ok(lineNumber, readRoot(parsed));
        } catch (InvalidClaimException e) {
            return new ReadResult.Failed(lineNumber, new ErrorRecord(claimIdOf(root), lineNumber, e.error()));
        }
    }

    /**
     * Reads one physical line of a JSON Lines file as {@link #readLines} reads it: the {@code \n}
     * already cut off, a trailing {@code \r} (of {@code \r\n}) dropped and, on line 1, a byte order
     * mark skipped. For engines that split a backlog themselves and number its lines (Spark): the
     * same line with the same number gives the same result as in {@link #readLines}.
     */
    public ReadResult readLine(String physicalLine, long lineNumber) {
        Objects.requireNonNull(physicalLine, "physicalLine");
        String line = physicalLine;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
            line = line.substring(1);
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return read(line, lineNumber);
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Reads one claim; throws {@link InvalidClaimException} with the input error for bad input. */
    public Claim readClaim(String json) {
        Objects.requireNonNull(json, "json");
        return readRoot(JsonLine.parse(this.json, json));
    }

    /**
     * Reads a JSON Lines backlog lazily: one result per input line ({@code \n} or {@code \r\n}
     * ended), numbered from 1, in order. A UTF-8 byte order mark before the first line is skipped;
     * a blank line yields an error record. The caller closes the reader; an I/O failure surfaces as
     * {@link UncheckedIOException}.
     */
    public Stream<ReadResult> readLines(Reader in) {
        Objects.requireNonNull(in, "in");
        return StreamSupport.stream(new JsonLinesSpliterator(in, this::readLine), false);
    }

    /** The claim on one line with every field, defaults included; reading it back gives an equal claim. */
    public String writeClaim(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        return write(out -> ClaimSchema.CLAIM.write(out, claim));
    }

    /** The verdict on one line, fields in the contract's order. */
    public String writeVerdict(Verdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        return write(verdictBody(verdict));
    }

    /**
     * Writes the verdict as {@link #writeVerdict(Verdict)} spells it, without a line end; the writer
     * is left open. Batch writers use it to skip a String per record.
     */
    public void writeVerdict(Verdict verdict, Writer out) throws IOException {
        Objects.requireNonNull(verdict, "verdict");
        write(verdictBody(verdict), out);
    }

    /** Writes the error record as {@link #writeError(ErrorRecord)} spells it, without a line end. */
    public void writeError(ErrorRecord error, Writer out) throws IOException {
        Objects.requireNonNull(error, "error");
        write(errorBody(error), out);
    }

    private static Body verdictBody(Verdict verdict) {
        return out -> {
            out.writeStartObject();
            out.writeStringField("claimId", verdict.claimId());
            out.writeStringField("type", verdict.type().name());
            out.writeStringField("decision", verdict.decision().name());
            out.writeStringField("remedy", verdict.remedy().name());
            out.writeNumberField("payableCny", verdict.payableCny());
            out.writeNumberField("customerPaysCny", verdict.customerPaysCny());
            out.writeNumberField("usageCompensationCny", verdict.usageCompensationCny());
            out.writeArrayFieldStart("lines");
            for (LineVerdict line : verdict.lines()) {
                out.writeStartObject();
                out.writeStringField("lineId", line.lineId());
                out.writeBooleanField("covered", line.covered());
                out.writeStringField("remedy", line.remedy().name());
                out.writeNumberField("payableCny", line.payableCny());
                writeReasons(out, line.reasons());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("charges");
            for (Charge charge : verdict.charges()) {
                out.writeStartObject();
                out.writeStringField("item", charge.item());
                out.writeStringField("payer", charge.payer().name());
                out.writeNumberField("amountCny", charge.amountCny());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("missingDocuments");
            for (DocumentCode document : verdict.missingDocuments()) {
                out.writeString(document.name());
            }
            out.writeEndArray();
            writeReasons(out, verdict.reasons());
            out.writeObjectFieldStart("rulebook");
            out.writeStringField("name", verdict.rulebook().name());
            out.writeStringField("version", verdict.rulebook().version());
            out.writeStringField("fingerprint", verdict.rulebook().fingerprint());
            out.writeEndObject();
            out.writeEndObject();
        };
    }

    /** The error record on one line; {@code claimId} is left out when unknown, {@code field} may be null. */
    public String writeError(ErrorRecord error) {
        Objects.requireNonNull(error, "error");
        return write(errorBody(error));
    }

    private static Body errorBody(ErrorRecord error) {
        return out -> {
            out.writeStartObject();
            if (error.claimId() != null) {
                out.writeStringField("claimId", error.claimId());
            }
            out.writeNumberField("line", error.line());
            out.writeObjectFieldStart("error");
            out.writeStringField("code", error.error().code());
            out.writeStringField("field", error.error().field());
            out.writeStringField("message", error.error().message());
            out.writeEndObject();
            out.writeEndObject();
        };
    }

    private static Claim readRoot(JsonLine line) {
        if (!line.root().isObject()) {
            throw InvalidClaimException.invalidJson("expected a JSON object, got " + ValueTypes.describe(line.root()));
        }
        return ClaimSchema.CLAIM.read(line.root(), Path.root(line.duplicate()));
    }

    /** The contract reports the claim id whenever the top-level claimId is a string, valid or not. */
    private static String claimIdOf(JsonNode root) {
        JsonNode claimId = root == null ? null : root.get("claimId");
        return claimId != null && claimId.isTextual() ? claimId.textValue() : null;
    }

    private static void writeReasons(JsonGenerator out, List<Reason> reasons) throws IOException {
        out.writeArrayFieldStart("reasons");
        for (Reason reason : reasons) {
            out.writeStartObject();
            out.writeStringField("code", reason.code());
            out.writeStringField("ruleId", reason.ruleId());
            out.writeStringField("table", reason.table());
            out.writeNumberField("row", reason.row());
            out.writeStringField("text", reason.text());
            out.writeStringField("textEn", reason.textEn());
            out.writeArrayFieldStart("facts");
            for (Fact fact : reason.facts()) {
                out.writeStartObject();
                out.writeStringField("name", fact.name());
                out.writeFieldName("value");
                ValueTypes.writeFreeForm(out, fact.value());
                out.writeEndObject();
            }
            out.writeEndArray();
            if (reason.lineId() != null) {
                out.writeStringField("lineId", reason.lineId());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private String write(Body body) {
        StringWriter text = new StringWriter();
        try {
            write(body, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when writing to a StringWriter
        }
        return text.toString();
    }

    private void write(Body body, Writer target) throws IOException {
        try (JsonGenerator out = json.createGenerator(target)) {
            body.write(out);
        }
    }
}

package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.autoclaims.model.Claim;
import io.autoclaims.model.InputError;
import io.autoclaims.model.InvalidClaimException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * One line read into a claim straight from the parser's tokens, without a tree: the schema
 * ({@link ClaimSchema}) drives the parser field by field and stops at the first defect in document
 * order. Floats are exact {@link java.math.BigDecimal}s (never doubles, trailing zeros kept); a
 * duplicate key is a defect where it stands.
 *
 * <p>Whole-line problems come first, wherever they stand: a line that is not one JSON value, holds a
 * number beyond {@code BigDecimal}'s range or an escaped lone surrogate is reported as such even
 * after a defect of the claim. So when the schema finds a defect, the line is {@linkplain Scan
 * scanned} to its end for those (and for the top-level claimId, which the error record carries even
 * when it comes after the defect); a clean claim has been scanned by being read. The scan skips a
 * duplicate key's value, as the reader never reads it.
 */
final class JsonLine {

    private JsonLine() {
    }

    /** A line that yields an error record: its content and the claimId the record carries (null when unknown). */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String claimId;
        final transient InputError error;

        Rejected(String claimId, InputError error) {
            super(error.message(), null, false, false);
            this.claimId = claimId;
            this.error = error;
        }
    }

    /**
     * A problem of the whole line the codec finds at a token, where the parser sees none: a number
     * it does not read (too many digits, an exponent out of range) or a field name too long. Its
     * record is INVALID_JSON without a claimId, as for a line that is not JSON.
     */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient InputError error;

        Refused(String message) {
            super(message, null, false, false);
            this.error = invalidJson(message);
        }
    }

    /** Valid JSON holding an escaped lone surrogate, with the top-level claimId when it came before it. */
    static final class Unwritable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String claimId;
        final transient InputError error;

        Unwritable(String claimId, InputError error) {
            super(error.message(), null, false, false);
            this.claimId = claimId;
            this.error = error;
        }
    }

    /**
     * Reads the claim from UTF-8 bytes already checked by {@link TextCheck}; throws {@link Rejected}
     * with the first defect: INVALID_JSON when they are not exactly one JSON object, INVALID_ENCODING
     * for an escaped lone surrogate, else the first way the claim breaks the contract.
     */
    static Claim readClaim(JsonFactory factory, byte[] utf8, int off, int len) {
        Exception defect;
        try (JsonParser parser = factory.createParser(utf8, off, len)) {
            Tokens in = new Tokens(parser, utf8, off, len);
            if (in.next() == null) {
                throw Defects.invalidJson("expected a JSON object, got a blank line");
            }
            if (in.token() != JsonToken.START_OBJECT) {
                throw Defects.invalidJson("expected a JSON object, got " + in.describe());
            }
            Claim claim = ClaimSchema.CLAIM.read(in, Path.root());
            if (in.next() != null) {
                throw Defects.invalidJson(moreContent(utf8, off, len));
            }
            return claim;
        } catch (InvalidClaimException | Unwritable | Refused | JsonProcessingException e) {
            defect = e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when parsing bytes in memory
        }
        Scan scan = Scan.of(factory, utf8, off, len);
        if (scan.problem != null) {
            throw new Rejected(scan.claimId, scan.problem);
        }
        if (defect instanceof InvalidClaimException invalid) {
            throw new Rejected(scan.claimId, invalid.error());
        }
        // Cannot happen: the reader met a problem of the whole line that the scan, which takes the same
        // tokens, did not. Still one record for the line, not a failed run.
        throw new Rejected(defect instanceof Unwritable ? scan.claimId : null, problem(defect, utf8, off, len));
    }

    /**
     * The content of the error record for a problem of the whole line, in the codec's own words: the
     * parser's exception says only that the line is not JSON ({@link JsonSyntax} says where and why).
     */
    private static InputError problem(Exception e, byte[] utf8, int off, int len) {
        if (e instanceof JsonProcessingException) {
            String why = JsonSyntax.problem(utf8, off, len);
            // null only if the parser refused what the grammar accepts: still no parser text in a record
            return invalidJson(why != null ? why : "not valid JSON");
        }
        if (e instanceof Refused r) {
            return r.error;
        }
        if (e instanceof Unwritable u) {
            return u.error;
        }
        throw new IllegalArgumentException("not a problem of the whole line: " + e, e);
    }

    /** The message for a line with more after its value (the parser has read a token there). */
    private static String moreContent(byte[] utf8, int off, int len) {
        String message = JsonSyntax.moreContent(utf8, off, len);
        return message != null ? message : "expected one JSON object, got more content after it";
    }

    private static InputError invalidJson(String message) {
        return new InputError("INVALID_JSON", null, message);
    }

    /**
     * Every token of the line in document order, with the checks the reader makes on each (strings
     * and field names for lone surrogates, numbers for their value), a duplicate key's value skipped:
     * the first problem of the whole line, else none and the top-level claimId when it is a string.
     */
    static final class Scan {
        private final JsonParser parser;
        private final byte[] line;
        private final int off;
        private String claimId;
        private InputError problem;

        private Scan(JsonParser parser, byte[] line, int off) {
            this.parser = parser;
            this.line = line;
            this.off = off;
        }

        static Scan of(JsonFactory factory, byte[] utf8, int off, int len) {
            try (JsonParser parser = factory.createParser(utf8, off, len)) {
                Scan scan = new Scan(parser, utf8, off);
                try {
                    if (parser.nextToken() == null) {
                        scan.problem = invalidJson("expected a JSON object, got a blank line");
                    } else {
                        scan.value(true);
                        if (parser.nextToken() != null) {
                            scan.problem = invalidJson(moreContent(utf8, off, len));
                        }
                    }
                } catch (JsonProcessingException | Refused e) {
                    scan.problem = problem(e, utf8, off, len);
                } catch (Unwritable e) {
                    scan.problem = e.error;
                    return scan; // claimId: as read before the surrogate
                }
                if (scan.problem != null) {
                    scan.claimId = null; // not one JSON value: nothing was read
                }
                return scan;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The value at the current token; recursion depth is bounded by the parser's nesting limit. */
        private void value(boolean root) throws IOException {
            switch (parser.currentToken()) {
                case START_OBJECT -> object(root);
                case START_ARRAY -> {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        value(false);
                    }
                }
                case VALUE_STRING -> Tokens.checked(parser.getText(), parser, false, claimId);
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Tokens.number(parser, line, off);
                default -> {
                    // true, false, null
                }
            }
        }

        private void object(boolean root) throws IOException {
            Set<String> names = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = Tokens.nameChecked(Tokens.checked(parser.currentName(), parser, true, claimId),
                        parser, line, off);
                parser.nextToken();
                if (!names.add(name)) {
                    parser.skipChildren(); // a duplicate: its value is never read
                } else if (root && name.equals("claimId") && parser.currentToken() == JsonToken.VALUE_STRING) {
                    claimId = Tokens.checked(parser.getText(), parser, false, claimId);
                } else {
                    value(false);
                }
            }
        }
    }
}

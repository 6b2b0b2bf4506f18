package io.autoclaims.model.json.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.autoclaims.model.Claim;
import io.autoclaims.model.ErrorRecord;
import io.autoclaims.model.json.ReadResult;

/**
 * The old reader's entry, {@code ClaimCodec.parse} as it was: bytes already checked by TextCheck
 * (and the BOM rule) in, one result out, through a Jackson tree.
 */
public final class TreeReader {

    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private TreeReader() {
    }

    public static ReadResult parse(byte[] utf8, int off, int len, long lineNumber) {
        JsonNode root = null;
        try {
            JsonLine parsed = JsonLine.parse(JSON, utf8, off, len);
            root = parsed.root();
            return new ReadResult.Ok(lineNumber, readRoot(parsed));
        } catch (Invalid e) {
            return new ReadResult.Failed(lineNumber, new ErrorRecord(claimIdOf(root), lineNumber, e.error()));
        } catch (JsonLine.Unwritable e) {
            return new ReadResult.Failed(lineNumber, new ErrorRecord(e.claimId, lineNumber, e.error));
        }
    }

    private static Claim readRoot(JsonLine line) {
        if (!line.root().isObject()) {
            throw Invalid.invalidJson("expected a JSON object, got " + ValueTypes.describe(line.root()));
        }
        return ClaimSchema.CLAIM.read(line.root(), Path.root(line.duplicate()));
    }

    private static String claimIdOf(JsonNode root) {
        JsonNode claimId = root == null ? null : root.get("claimId");
        return claimId != null && claimId.isTextual() ? claimId.textValue() : null;
    }
}

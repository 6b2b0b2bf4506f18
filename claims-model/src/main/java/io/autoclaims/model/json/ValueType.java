package io.autoclaims.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.autoclaims.model.InvalidClaimException;
import java.io.IOException;

/**
 * One kind of value of the contract, read strictly from the parser's tokens and written back so
 * that reading it again gives an equal value.
 */
interface ValueType<V> {

    /**
     * Reads the value at the current token, {@code at} in the claim, leaving the parser on its last
     * token (the value's own token for a scalar, its end for an object or array). Object fields with
     * {@code null} never get here (null reads as absent); array elements do. Throws
     * {@link InvalidClaimException} for a bad value.
     */
    V read(Tokens in, Path at) throws IOException;

    void write(JsonGenerator out, V value) throws IOException;

    /** A check that needs the whole value, e.g. unique line ids, run right after it is read. */
    @FunctionalInterface
    interface Check<V> {
        void check(V value, Path at);
    }

    default ValueType<V> withCheck(Check<V> check) {
        ValueType<V> inner = this;
        return new ValueType<>() {
            @Override
            public V read(Tokens in, Path at) throws IOException {
                V value = inner.read(in, at);
                check.check(value, at);
                return value;
            }

            @Override
            public void write(JsonGenerator out, V value) throws IOException {
                inner.write(out, value);
            }
        };
    }
}

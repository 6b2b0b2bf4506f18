/*
 * A frozen copy of the tree reader the codec used before it read claims straight from the token
 * stream (#14): the reference the streaming reader is proven against (StreamingEquivalenceTest).
 * Do not "fix" it: it is what the old code did, warts included.
 */
package io.autoclaims.model.json.tree;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One kind of value of the contract, read strictly from a non-null JSON node and written back so
 * that reading it again gives an equal value.
 */
interface ValueType<V> {

    /** Reads a non-null node at {@code at}; throws {@link Invalid} for a bad value. */
    V read(JsonNode node, Path at);

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
            public V read(JsonNode node, Path at) {
                V value = inner.read(node, at);
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

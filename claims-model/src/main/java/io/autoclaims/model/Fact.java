package io.autoclaims.model;

import java.util.Objects;

/**
 * One input value a rule row matched on or named in its text, e.g. {@code line.cause = MISUSE}.
 * The value is a String, a Number, a Boolean or a List of Strings.
 */
public record Fact(String name, Object value) {
    public Fact {
        Objects.requireNonNull(name, "name");
    }
}

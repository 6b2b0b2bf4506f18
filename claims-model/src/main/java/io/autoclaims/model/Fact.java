package io.autoclaims.model;

import java.util.Objects;

/**
 * One input value a rule row matched on or named in its text, e.g. {@code line.cause = MISUSE}.
 * The value is a String, a Number, a Boolean or a List of Strings.
 *
 * @param name  the fact's dotted name, e.g. {@code line.cause}
 * @param value its value: a String, a Number, a Boolean or a List of Strings; may be null
 */
public record Fact(String name, Object value) {
    /**
     * A fact.
     *
     * @param name  the fact's dotted name, e.g. {@code line.cause}
     * @param value its value: a String, a Number, a Boolean or a List of Strings; may be null
     * @throws NullPointerException when {@code name} is null
     */
    public Fact {
        Objects.requireNonNull(name, "name");
    }
}

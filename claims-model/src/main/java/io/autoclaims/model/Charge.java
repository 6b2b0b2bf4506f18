package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One itemised assistance charge and who pays it. */
public record Charge(String item, Payer payer, BigDecimal amountCny) {
    public Charge {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(amountCny, "amountCny");
    }
}

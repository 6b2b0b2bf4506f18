package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One itemised assistance charge and who pays it.
 *
 * @param item      what is charged, e.g. {@code TOWING}
 * @param payer     who pays it
 * @param amountCny the amount in CNY, 2 decimals
 */
public record Charge(String item, Payer payer, BigDecimal amountCny) {
    /**
     * A charge.
     *
     * @param item      what is charged, e.g. {@code TOWING}
     * @param payer     who pays it
     * @param amountCny the amount in CNY, 2 decimals
     * @throws NullPointerException when a component is null
     */
    public Charge {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(amountCny, "amountCny");
    }
}

package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where and how much the loss was assessed (定损); amounts may be null.
 *
 * @param shopId      the shop where the loss was assessed
 * @param amountCny   the assessed loss in CNY, or null
 * @param invoicedCny the repair invoice in CNY of the shop that actually repaired, or null
 */
public record Assessment(String shopId, BigDecimal amountCny, BigDecimal invoicedCny) {
    /**
     * An assessment.
     *
     * @param shopId      the shop where the loss was assessed
     * @param amountCny   the assessed loss in CNY, or null
     * @param invoicedCny the repair invoice in CNY of the shop that actually repaired, or null
     * @throws NullPointerException when {@code shopId} is null
     */
    public Assessment {
        Objects.requireNonNull(shopId, "shopId");
    }
}

package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.Objects;

/** Where and how much the loss was assessed (定损); amounts may be null. */
public record Assessment(String shopId, BigDecimal amountCny, BigDecimal invoicedCny) {
    public Assessment {
        Objects.requireNonNull(shopId, "shopId");
    }
}

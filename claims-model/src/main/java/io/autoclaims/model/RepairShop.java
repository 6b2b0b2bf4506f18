package io.autoclaims.model;

import java.util.Objects;

/** The shop doing the work: authorized means in the maker's network (授权服务站/4S). */
public record RepairShop(String id, boolean authorized, ShopTier tier) {
    public RepairShop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
    }
}

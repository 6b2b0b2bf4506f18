package io.autoclaims.model;

import java.util.Objects;

/**
 * The shop doing the work: authorized means in the maker's network (授权服务站/4S).
 *
 * @param id         the shop's id
 * @param authorized whether the shop is in the maker's authorized network
 * @param tier       4S dealer or independent shop
 */
public record RepairShop(String id, boolean authorized, ShopTier tier) {
    /**
     * A repair shop.
     *
     * @param id         the shop's id
     * @param authorized whether the shop is in the maker's authorized network
     * @param tier       4S dealer or independent shop
     * @throws NullPointerException when {@code id} or {@code tier} is null
     */
    public RepairShop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
    }
}

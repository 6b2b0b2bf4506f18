package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where and how much the loss was assessed (定损); amounts may be null. Build one with
 * {@link #builder()}: its two amounts are named there.
 *
 * @param shopId      the assessing shop's id
 * @param amountCny   the assessed loss, or null when not assessed yet
 * @param invoicedCny the amount invoiced for the repair, or null when not invoiced yet
 */
public record Assessment(String shopId, BigDecimal amountCny, BigDecimal invoicedCny) {

    /**
     * Rejects only nulls of required components; the contract's rules are checked by {@link ClaimChecks}.
     *
     * @param shopId      the assessing shop's id
     * @param amountCny   the assessed loss, or null when not assessed yet
     * @param invoicedCny the amount invoiced for the repair, or null when not invoiced yet
     */
    public Assessment {
        Objects.requireNonNull(shopId, "shopId");
    }

    /**
     * A builder. Required: {@code shopId}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link Assessment} field by field. Each setter refuses null: leave an amount out by
     * not calling it. {@link #build()} checks the contract as the JSON codec does; inside a
     * {@link Claim.Builder} the fields are checked at their place in the claim ({@code assessment.amountCny}).
     */
    public static final class Builder {
        private String shopId;
        private BigDecimal amountCny;
        private BigDecimal invoicedCny;

        private Builder() {
        }

        static Builder from(Assessment a) {
            Builder b = new Builder();
            b.shopId = a.shopId();
            b.amountCny = a.amountCny();
            b.invoicedCny = a.invoicedCny();
            return b;
        }

        Builder copy() {
            Builder b = new Builder();
            b.shopId = shopId;
            b.amountCny = amountCny;
            b.invoicedCny = invoicedCny;
            return b;
        }

        /**
         * Sets the assessing shop's id (required).
         *
         * @param shopId at most 64 characters
         * @return this builder
         */
        public Builder shopId(String shopId) {
            this.shopId = Objects.requireNonNull(shopId, "shopId");
            return this;
        }

        /**
         * Sets the assessed loss (default: not assessed yet).
         *
         * @param amountCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder amountCny(BigDecimal amountCny) {
            this.amountCny = Objects.requireNonNull(amountCny, "amountCny");
            return this;
        }

        /**
         * Sets the amount invoiced for the repair (default: not invoiced yet).
         *
         * @param invoicedCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder invoicedCny(BigDecimal invoicedCny) {
            this.invoicedCny = Objects.requireNonNull(invoicedCny, "invoicedCny");
            return this;
        }

        /**
         * The assessment, once the contract's rules hold; field paths in the error are its own.
         *
         * @return the assessment
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public Assessment build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.code("shopId", shopId).money("amountCny", amountCny).money("invoicedCny", invoicedCny)
                    .required("shopId", shopId);
        }

        Assessment create() {
            return new Assessment(shopId, amountCny == null ? null : Contract.money(amountCny),
                    invoicedCny == null ? null : Contract.money(invoicedCny));
        }
    }
}

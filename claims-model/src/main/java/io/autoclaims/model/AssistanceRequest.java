package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A roadside-assistance request; {@code membershipValidUntil} may be null. Build one with
 * {@link #builder()}.
 *
 * @param member               whether the customer is a member of the rescue club
 * @param membershipValidUntil the last day of the membership, or null when unknown
 * @param service              the service asked for
 * @param towKm                the towing distance, km
 * @param insideFifthRing      whether the breakdown is inside the city's fifth ring road
 * @param highwayTollCny       highway tolls paid for the rescue; null means 0.00
 */
public record AssistanceRequest(
        boolean member,
        LocalDate membershipValidUntil,
        AssistanceService service,
        BigDecimal towKm,
        boolean insideFifthRing,
        BigDecimal highwayTollCny) {

    /**
     * A request; a null toll becomes 0.00. Only a null required component is
     * refused: the contract's other rules are checked by {@link ClaimChecks}.
     *
     * @param member               whether the customer is a member of the rescue club
     * @param membershipValidUntil the last day of the membership, or null
     * @param service              the service asked for
     * @param towKm                the towing distance in km, 0 or more
     * @param insideFifthRing      whether the vehicle is inside the Fifth Ring Road (五环内), as the rescue
     *     club's tariff asks
     * @param highwayTollCny       highway tolls in CNY; null means 0.00
     * @throws NullPointerException when {@code service} or {@code towKm} is null
     */
    public AssistanceRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(towKm, "towKm");
        highwayTollCny = highwayTollCny == null ? Money.ZERO : highwayTollCny;
    }

    /**
     * A builder; {@code insideFifthRing} defaults to true, the toll to 0.00. Required: {@code member},
     * {@code service}, {@code towKm}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link AssistanceRequest} field by field. Each setter refuses null: leave an optional
     * field out by not calling it. {@link #build()} checks the contract as the JSON codec does; inside
     * a {@link Claim.Builder} the fields are checked at their place in the claim ({@code assistance.towKm}).
     */
    public static final class Builder {
        private Boolean member;
        private LocalDate membershipValidUntil;
        private AssistanceService service;
        private BigDecimal towKm;
        private boolean insideFifthRing = true;
        private BigDecimal highwayTollCny;

        private Builder() {
        }

        static Builder from(AssistanceRequest a) {
            Builder b = new Builder();
            b.member = a.member();
            b.membershipValidUntil = a.membershipValidUntil();
            b.service = a.service();
            b.towKm = a.towKm();
            b.insideFifthRing = a.insideFifthRing();
            b.highwayTollCny = a.highwayTollCny();
            return b;
        }

        Builder copy() {
            Builder b = new Builder();
            b.member = member;
            b.membershipValidUntil = membershipValidUntil;
            b.service = service;
            b.towKm = towKm;
            b.insideFifthRing = insideFifthRing;
            b.highwayTollCny = highwayTollCny;
            return b;
        }

        /**
         * Sets whether the customer is a member of the rescue club (required).
         *
         * @param member true for a member
         * @return this builder
         */
        public Builder member(boolean member) {
            this.member = member;
            return this;
        }

        /**
         * Sets the last day of the membership (default: unknown).
         *
         * @param membershipValidUntil the day, included
         * @return this builder
         */
        public Builder membershipValidUntil(LocalDate membershipValidUntil) {
            this.membershipValidUntil = Objects.requireNonNull(membershipValidUntil, "membershipValidUntil");
            return this;
        }

        /**
         * Sets the service asked for (required).
         *
         * @param service towing or on-site help
         * @return this builder
         */
        public Builder service(AssistanceService service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * Sets the towing distance (required).
         *
         * @param towKm kilometres, 0 or more
         * @return this builder
         */
        public Builder towKm(BigDecimal towKm) {
            this.towKm = Objects.requireNonNull(towKm, "towKm");
            return this;
        }

        /**
         * Sets whether the breakdown is inside the fifth ring road (default: true).
         *
         * @param insideFifthRing true when inside
         * @return this builder
         */
        public Builder insideFifthRing(boolean insideFifthRing) {
            this.insideFifthRing = insideFifthRing;
            return this;
        }

        /**
         * Sets the highway tolls paid for the rescue (default: 0.00).
         *
         * @param highwayTollCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder highwayTollCny(BigDecimal highwayTollCny) {
            this.highwayTollCny = Objects.requireNonNull(highwayTollCny, "highwayTollCny");
            return this;
        }

        /**
         * The request, once the contract's rules hold; field paths in the error are its own.
         *
         * @return the request
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public AssistanceRequest build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.date("membershipValidUntil", membershipValidUntil).nonNegative("towKm", towKm)
                    .money("highwayTollCny", highwayTollCny)
                    .required("member", member).required("service", service).required("towKm", towKm);
        }

        AssistanceRequest create() {
            return new AssistanceRequest(member, membershipValidUntil, service, Contract.number(towKm), insideFifthRing,
                    highwayTollCny == null ? null : Contract.money(highwayTollCny));
        }
    }
}

package io.autoclaims.model;

import io.autoclaims.model.internal.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What happened. {@code occurredAt} and {@code reportedAt} may be null; {@code reportedOn} defaults
 * to the claim's {@code submittedOn} (the codec, the claim's builder and its constructor apply it).
 * Build one with {@link #builder()}.
 *
 * @param occurredOn            the day of the failure or loss
 * @param occurredAt            its time, or null when unknown
 * @param reportedAt            when it was first reported, or null when unknown
 * @param reportedOn            the day it was first reported; null until the claim applies its default
 * @param cause                 the cause
 * @param faults                serious safety faults observed; null means none
 * @param handledBy             who settled an accident; null means {@link HandledBy#POLICE}
 * @param driver                the driver; null means {@link Driver#DEFAULT}
 * @param rescueCostCny         the cost of rescue; null means 0.00
 * @param thirdPartyRecoveryCny what a third party already paid; null means 0.00
 */
public record Incident(
        LocalDate occurredOn,
        LocalDateTime occurredAt,
        LocalDateTime reportedAt,
        LocalDate reportedOn,
        Cause cause,
        List<SafetyFault> faults,
        HandledBy handledBy,
        Driver driver,
        BigDecimal rescueCostCny,
        BigDecimal thirdPartyRecoveryCny) {

    /**
     * An incident with the contract's defaults applied: no faults, handled by the {@code POLICE}, the default
     * driver, amounts 0.00. Only a null required component is
     * refused: the contract's other rules are checked by {@link ClaimChecks}.
     *
     * @param occurredOn            the day of the failure or incident
     * @param occurredAt            its date and time, or null (for the 48-hour notice rule)
     * @param reportedAt            the date and time of first notice, or null
     * @param reportedOn            the day of first notice to the insurer; null before the claim applies its
     *     default, {@code submittedOn}
     * @param cause                 the cause, for every line without its own
     * @param faults                WARRANTY: serious safety failures observed
     * @param handledBy             INSURANCE: who settled the accident
     * @param driver                INSURANCE: the driver
     * @param rescueCostCny         INSURANCE: rescue and towing costs claimed (施救费) in CNY
     * @param thirdPartyRecoveryCny INSURANCE: the amount already recovered from a third party, in CNY
     * @throws NullPointerException when {@code occurredOn} or {@code cause} is null
     */
    public Incident {
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(cause, "cause");
        faults = List.copyOf(faults == null ? List.of() : faults);
        handledBy = handledBy == null ? HandledBy.POLICE : handledBy;
        driver = driver == null ? Driver.DEFAULT : driver;
        rescueCostCny = rescueCostCny == null ? Money.ZERO : rescueCostCny;
        thirdPartyRecoveryCny = thirdPartyRecoveryCny == null ? Money.ZERO : thirdPartyRecoveryCny;
    }

    /**
     * A builder with the contract's defaults. Required: {@code occurredOn}, {@code cause}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link Incident} field by field. Each setter refuses null: leave an optional field out
     * by not calling it. {@link #build()} checks the contract as the JSON codec does; inside a
     * {@link Claim.Builder} the fields are checked at their place in the claim ({@code incident.cause}).
     */
    public static final class Builder {
        private LocalDate occurredOn;
        private LocalDateTime occurredAt;
        private LocalDateTime reportedAt;
        private LocalDate reportedOn;
        private Cause cause;
        private List<SafetyFault> faults = List.of();
        private HandledBy handledBy;
        private Driver.Builder driver;
        private BigDecimal rescueCostCny;
        private BigDecimal thirdPartyRecoveryCny;

        private Builder() {
        }

        static Builder from(Incident i) {
            Builder b = new Builder();
            b.occurredOn = i.occurredOn();
            b.occurredAt = i.occurredAt();
            b.reportedAt = i.reportedAt();
            b.reportedOn = i.reportedOn();
            b.cause = i.cause();
            b.faults = i.faults();
            b.handledBy = i.handledBy();
            b.driver = Driver.Builder.from(i.driver());
            b.rescueCostCny = i.rescueCostCny();
            b.thirdPartyRecoveryCny = i.thirdPartyRecoveryCny();
            return b;
        }

        Builder copy() {
            Builder b = new Builder();
            b.occurredOn = occurredOn;
            b.occurredAt = occurredAt;
            b.reportedAt = reportedAt;
            b.reportedOn = reportedOn;
            b.cause = cause;
            b.faults = faults;
            b.handledBy = handledBy;
            b.driver = driver == null ? null : driver.copy();
            b.rescueCostCny = rescueCostCny;
            b.thirdPartyRecoveryCny = thirdPartyRecoveryCny;
            return b;
        }

        /** The day it occurred, or null: what a warranty claim's period is checked against. */
        LocalDate occurredOn() {
            return occurredOn;
        }

        /**
         * Sets the day of the failure or loss (required).
         *
         * @param occurredOn the day
         * @return this builder
         */
        public Builder occurredOn(LocalDate occurredOn) {
            this.occurredOn = Objects.requireNonNull(occurredOn, "occurredOn");
            return this;
        }

        /**
         * Sets the time it occurred (default: unknown).
         *
         * @param occurredAt to the minute or second
         * @return this builder
         */
        public Builder occurredAt(LocalDateTime occurredAt) {
            this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
            return this;
        }

        /**
         * Sets when it was first reported (default: unknown).
         *
         * @param reportedAt to the minute or second
         * @return this builder
         */
        public Builder reportedAt(LocalDateTime reportedAt) {
            this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt");
            return this;
        }

        /**
         * Sets the day it was first reported (default: the claim's {@code submittedOn}).
         *
         * @param reportedOn the day
         * @return this builder
         */
        public Builder reportedOn(LocalDate reportedOn) {
            this.reportedOn = Objects.requireNonNull(reportedOn, "reportedOn");
            return this;
        }

        /**
         * Sets the cause (required).
         *
         * @param cause the cause of the failure or loss
         * @return this builder
         */
        public Builder cause(Cause cause) {
            this.cause = Objects.requireNonNull(cause, "cause");
            return this;
        }

        /**
         * Sets the serious safety faults observed (default: none), replacing any set before.
         *
         * @param faults the faults, none of them null
         * @return this builder
         */
        public Builder faults(SafetyFault... faults) {
            this.faults = FieldChecks.copy("faults", faults);
            return this;
        }

        /**
         * Sets who settled the accident (default: {@link HandledBy#POLICE}).
         *
         * @param handledBy police, private settlement, court or none
         * @return this builder
         */
        public Builder handledBy(HandledBy handledBy) {
            this.handledBy = Objects.requireNonNull(handledBy, "handledBy");
            return this;
        }

        /**
         * Sets the driver (default: {@link Driver#DEFAULT}); its fields are checked at
         * {@code driver.*}. The builder is copied: changing it afterwards changes nothing here.
         *
         * @param driver the driver's builder
         * @return this builder
         */
        public Builder driver(Driver.Builder driver) {
            this.driver = Objects.requireNonNull(driver, "driver").copy();
            return this;
        }

        /**
         * Sets the driver (default: {@link Driver#DEFAULT}); its fields are checked at {@code driver.*}.
         *
         * @param driver the driver
         * @return this builder
         */
        public Builder driver(Driver driver) {
            this.driver = Driver.Builder.from(Objects.requireNonNull(driver, "driver"));
            return this;
        }

        /**
         * Sets the cost of rescue (default: 0.00).
         *
         * @param rescueCostCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder rescueCostCny(BigDecimal rescueCostCny) {
            this.rescueCostCny = Objects.requireNonNull(rescueCostCny, "rescueCostCny");
            return this;
        }

        /**
         * Sets what a third party already paid (default: 0.00).
         *
         * @param thirdPartyRecoveryCny yuan, 0 or more with at most 2 decimal places
         * @return this builder
         */
        public Builder thirdPartyRecoveryCny(BigDecimal thirdPartyRecoveryCny) {
            this.thirdPartyRecoveryCny = Objects.requireNonNull(thirdPartyRecoveryCny, "thirdPartyRecoveryCny");
            return this;
        }

        /**
         * The incident, once the contract's rules hold; field paths in the error are the incident's own.
         * {@code reportedOn} stays null when not set: the claim defaults it.
         *
         * @return the incident
         * @throws InvalidClaimException for the first field that breaks the contract
         */
        public Incident build() {
            return FieldChecks.build(this::check, this::create);
        }

        void check(FieldChecks c) {
            c.date("occurredOn", occurredOn).dateTime("occurredAt", occurredAt).dateTime("reportedAt", reportedAt)
                    .date("reportedOn", reportedOn).object("driver", driver == null ? null : driver::check)
                    .money("rescueCostCny", rescueCostCny).money("thirdPartyRecoveryCny", thirdPartyRecoveryCny)
                    .required("occurredOn", occurredOn).required("cause", cause);
        }

        Incident create() {
            return new Incident(occurredOn, occurredAt, reportedAt, reportedOn, cause, faults, handledBy,
                    driver == null ? null : driver.create(), rescueCostCny == null ? null : Contract.money(rescueCostCny),
                    thirdPartyRecoveryCny == null ? null : Contract.money(thirdPartyRecoveryCny));
        }
    }
}

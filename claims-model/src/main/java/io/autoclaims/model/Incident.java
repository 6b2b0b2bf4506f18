package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What happened. {@code occurredAt} and {@code reportedAt} may be null; {@code reportedOn} defaults
 * to the claim's {@code submittedOn} (the codec applies it).
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
     * driver, amounts 0.00.
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
}

package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What happened. {@code occurredAt} and {@code reportedAt} may be null; {@code reportedOn} defaults
 * to the claim's {@code submittedOn} (the codec applies it).
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

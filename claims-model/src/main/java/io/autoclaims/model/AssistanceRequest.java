package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A roadside-assistance request; {@code membershipValidUntil} may be null. */
public record AssistanceRequest(
        boolean member,
        LocalDate membershipValidUntil,
        AssistanceService service,
        BigDecimal towKm,
        boolean insideFifthRing,
        BigDecimal highwayTollCny) {

    public AssistanceRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(towKm, "towKm");
        highwayTollCny = highwayTollCny == null ? Money.ZERO : highwayTollCny;
    }
}

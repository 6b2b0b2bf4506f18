package io.autoclaims.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A roadside-assistance request; {@code membershipValidUntil} may be null.
 *
 * @param member               whether the customer is a member of the rescue club
 * @param membershipValidUntil the last day of the membership, or null
 * @param service              the service asked for
 * @param towKm                the towing distance in km, 0 or more
 * @param insideFifthRing      whether the vehicle is inside the Fifth Ring Road (五环内), as the rescue club's
 *     tariff asks
 * @param highwayTollCny       highway tolls in CNY; null means 0.00
 */
public record AssistanceRequest(
        boolean member,
        LocalDate membershipValidUntil,
        AssistanceService service,
        BigDecimal towKm,
        boolean insideFifthRing,
        BigDecimal highwayTollCny) {

    /**
     * A request; a null toll becomes 0.00.
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
}

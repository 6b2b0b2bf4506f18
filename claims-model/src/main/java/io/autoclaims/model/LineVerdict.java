package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one claim line.
 *
 * @param lineId     the claim line's id
 * @param covered    whether the line is covered
 * @param remedy     the line's remedy
 * @param payableCny what is paid for the line, in CNY
 * @param reasons    the reasons about this line, in firing order
 */
public record LineVerdict(String lineId, boolean covered, LineRemedy remedy, BigDecimal payableCny, List<Reason> reasons) {
    /**
     * A line verdict; a null reason list becomes empty.
     *
     * @param lineId     the claim line's id
     * @param covered    whether the line is covered
     * @param remedy     the line's remedy
     * @param payableCny what is paid for the line, in CNY
     * @param reasons    the reasons about this line, in firing order
     * @throws NullPointerException when {@code lineId}, {@code remedy} or {@code payableCny} is null
     */
    public LineVerdict {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(payableCny, "payableCny");
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
    }
}

package io.autoclaims.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The verdict on one claim line. */
public record LineVerdict(String lineId, boolean covered, LineRemedy remedy, BigDecimal payableCny, List<Reason> reasons) {
    public LineVerdict {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(payableCny, "payableCny");
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
    }
}

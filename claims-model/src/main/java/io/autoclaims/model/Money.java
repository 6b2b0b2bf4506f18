package io.autoclaims.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Money helpers: CNY amounts are {@link BigDecimal}, rounded once, HALF_UP, to fen. */
public final class Money {
    /** Zero yuan with two decimals. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /**
     * Rounds a computed amount to 2 decimals, HALF_UP: call once, at the end of a computation.
     *
     * @param amount an amount in CNY
     * @return the amount with scale 2
     */
    public static BigDecimal round(BigDecimal amount) {
        return Objects.requireNonNull(amount, "amount").setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Parses a decimal string such as {@code "18400.5"} into a rounded amount.
     *
     * @param amount the decimal text, in CNY
     * @return the amount with scale 2, rounded HALF_UP
     * @throws NumberFormatException when {@code amount} is not a decimal number
     */
    public static BigDecimal ofCny(String amount) {
        return round(new BigDecimal(Objects.requireNonNull(amount, "amount")));
    }

    /**
     * Whether an amount is whole fen, as the contract requires of money inputs.
     *
     * @param amount an amount in CNY
     * @return true when the amount has at most two decimal places in value ({@code 12.500} has two)
     */
    public static boolean isFen(BigDecimal amount) {
        return Objects.requireNonNull(amount, "amount").stripTrailingZeros().scale() <= 2;
    }
}

package io.autoclaims.bench.probe;

/** A claim-level fact for {@link AlphaIndexProbe}: what a line reads as {@code claim.day}. */
public final class ProbeClaim {
    private final int day;

    public ProbeClaim(int day) {
        this.day = day;
    }

    public int getDay() {
        return day;
    }
}

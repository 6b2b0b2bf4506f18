package io.autoclaims.bench.probe;

/** A line-level fact for {@link AlphaIndexProbe}: the claim's day nested ({@code claim.day}) and flattened ({@code day}). */
public final class ProbeLine {
    private final ProbeClaim claim;
    private final String system;
    private int hit = -1;

    public ProbeLine(ProbeClaim claim, String system) {
        this.claim = claim;
        this.system = system;
    }

    public ProbeClaim getClaim() {
        return claim;
    }

    public int getDay() {
        return claim.getDay();
    }

    public String getSystem() {
        return system;
    }

    public int getHit() {
        return hit;
    }

    public void setHit(int hit) {
        this.hit = hit;
    }
}

package io.autoclaims.spark;

import io.autoclaims.rules.AsOf;
import io.autoclaims.rules.Rulebook;
import io.autoclaims.rules.RulebookHistory;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rulebook history as it travels to the executors: every version as a {@link ShippedRulebook} (its
 * workbooks' bytes, whose About sheet states its in-force date, and the driver's fingerprint) and the
 * as-of setting, as text. Each executor JVM compiles each version once and checks its fingerprint
 * ({@link ExecutorRulebooks}), then adjudicates every claim with the version in force on its as-of date,
 * as {@code Adjudicator.of(history, asOf)} does on the driver.
 */
public final class ShippedHistory implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The versions, earliest in-force date first. */
    private final ArrayList<ShippedRulebook> versions;
    /** {@link AsOf#toString()}: {@code incident}, {@code submitted} or a date; {@link AsOf} is not serializable. */
    private final String asOf;

    private ShippedHistory(List<ShippedRulebook> versions, String asOf) {
        this.versions = new ArrayList<>(versions);
        this.asOf = asOf;
    }

    /**
     * The workbook bytes and identity of every version of {@code history}, and the as-of setting.
     *
     * @param history the driver's history
     * @param asOf    which date of a claim chooses its version
     * @return what to broadcast to the executors
     */
    public static ShippedHistory of(RulebookHistory history, AsOf asOf) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(asOf, "asOf");
        List<ShippedRulebook> shipped = new ArrayList<>();
        for (Rulebook version : history.versions()) {
            shipped.add(ShippedRulebook.of(version));
        }
        return new ShippedHistory(shipped, asOf.toString());
    }

    /**
     * The versions.
     *
     * @return every version, earliest in-force date first
     */
    public List<ShippedRulebook> versions() {
        return List.copyOf(versions);
    }

    /**
     * Which date of a claim chooses its version.
     *
     * @return the setting
     */
    public AsOf asOf() {
        return AsOf.parse(asOf);
    }

    /** What identifies this history and setting in an executor's cache: the setting and every fingerprint. */
    String key() {
        StringBuilder k = new StringBuilder(asOf);
        versions.forEach(v -> k.append(' ').append(v.fingerprint()));
        return k.toString();
    }

    /**
     * The size of what travels to each executor.
     *
     * @return bytes of all versions' workbooks together
     */
    public long bytes() {
        return versions.stream().mapToLong(ShippedRulebook::bytes).sum();
    }

    @Override
    public String toString() {
        return "history of " + versions.size() + " versions as of " + asOf + ": " + versions;
    }
}

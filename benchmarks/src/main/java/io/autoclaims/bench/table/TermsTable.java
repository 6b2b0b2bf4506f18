package io.autoclaims.bench.table;

import io.autoclaims.model.Cause;
import io.autoclaims.model.PartSystem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The decision every engine of the comparison implements (issue #7): warranty terms by vehicle model
 * x part system, one row per pair with a term in months and in km; the cause is checked first (2
 * covered causes of the 22). A claim whose cause is not covered is {@link Answer#EXCLUDED_CAUSE};
 * otherwise it is {@link Answer#EXPIRED} when its months in service or its km exceed the pair's term
 * ("whichever comes first"), else {@link Answer#COVERED}.
 *
 * <p>A table of {@code rows} rows has {@code rows / 20} vehicle models times the 20 {@link PartSystem}s.
 * The terms are drawn from a seeded generator, so every engine is generated from the same rows.
 */
public final class TermsTable {
    /** The causes the warranty covers; the other 20 are excluded. */
    public static final Set<Cause> COVERED_CAUSES = Collections.unmodifiableSet(
            EnumSet.of(Cause.QUALITY_DEFECT, Cause.BREAKDOWN));
    public static final List<PartSystem> SYSTEMS = List.of(PartSystem.values());
    private static final int[] MONTHS = {12, 24, 36, 48, 60, 72, 96, 120};
    private static final int[] KM = {30_000, 50_000, 60_000, 100_000, 150_000, 200_000};

    /** One row: the term of a model's system. */
    public record Row(int model, PartSystem system, int termMonths, int termKm) {
    }

    private final int models;
    private final List<Row> rows;
    /** termMonths / termKm by {@code model * systems + system}: the reference evaluation. */
    private final int[] termMonths;
    private final int[] termKm;

    private TermsTable(int models, List<Row> rows) {
        this.models = models;
        this.rows = List.copyOf(rows);
        this.termMonths = new int[rows.size()];
        this.termKm = new int[rows.size()];
        for (Row r : rows) {
            int k = key(r.model(), r.system());
            termMonths[k] = r.termMonths();
            termKm[k] = r.termKm();
        }
    }

    /** The table of {@code rows} rows (a multiple of 20), seeded: the same arguments give the same table. */
    public static TermsTable generate(int rows, long seed) {
        if (rows <= 0 || rows % SYSTEMS.size() != 0) {
            throw new IllegalArgumentException("rows must be a positive multiple of " + SYSTEMS.size() + ", got " + rows);
        }
        int models = rows / SYSTEMS.size();
        SplittableRandom random = new SplittableRandom(seed ^ rows);
        List<Row> list = new ArrayList<>(rows);
        for (int m = 0; m < models; m++) {
            for (PartSystem s : SYSTEMS) {
                list.add(new Row(m, s, MONTHS[random.nextInt(MONTHS.length)], KM[random.nextInt(KM.length)]));
            }
        }
        return new TermsTable(models, list);
    }

    public int models() {
        return models;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The model's name in the Drools and OpenL tables and in the Java map. */
    public static String modelName(int model) {
        return String.format("M%05d", model);
    }

    private static int key(int model, PartSystem system) {
        return model * SYSTEMS.size() + system.ordinal();
    }

    /** The reference answer: a straightforward evaluation of the decision, no engine. */
    public Answer decide(BenchClaim c) {
        if (!COVERED_CAUSES.contains(c.cause())) {
            return Answer.EXCLUDED_CAUSE;
        }
        int k = key(c.model(), c.system());
        return c.months() > termMonths[k] || c.km() > termKm[k] ? Answer.EXPIRED : Answer.COVERED;
    }
}

package io.autoclaims.spark.apifixture;

import io.autoclaims.rules.internal.table.FactDef;
import java.util.List;
import java.util.Map;

/**
 * What ApiBoundaryTest's internal-type rule must refuse: an exported package's public type whose
 * signatures name a type of an {@code internal} package, in every place a signature can. A test class,
 * so the rule over the library never sees it; only the fixture test does.
 *
 * @param <F> a type parameter bounded by an internal type
 */
public abstract class LeaksInternal<F extends FactDef> implements Comparable<FactDef> {
    /** An internal type in a protected field. */
    protected FactDef fact;

    /** Private members are no API. */
    private FactDef own;

    /**
     * An internal type in a public constructor.
     *
     * @param fact ignored
     */
    public LeaksInternal(FactDef fact) {
    }

    /** Package-private: no API. */
    LeaksInternal() {
    }

    /**
     * An internal type inside the generic arguments of the return type.
     *
     * @return nothing
     */
    public abstract Map<String, List<FactDef>> facts();

    /**
     * An internal type bounding a method's type parameter.
     *
     * @param <T> the fact type
     * @param facts ignored
     */
    public abstract <T extends FactDef> void take(T[] facts);

    /** Not public: no API, whatever it holds. */
    static class Hidden {
        public FactDef fact;
    }
}

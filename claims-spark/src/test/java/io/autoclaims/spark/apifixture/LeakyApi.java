package io.autoclaims.spark.apifixture;

import java.util.List;

/**
 * What ApiBoundaryTest's signature rule must refuse: hidden libraries' types in public signatures. A
 * test class, so the rule over the library never sees it; only the fixture test does.
 */
public class LeakyApi {
    /** A Jackson type in a public field. */
    public com.fasterxml.jackson.databind.JsonNode tree;

    /** Private members are no API. */
    private org.kie.api.runtime.KieSession privateSession;

    /**
     * A POI type returned.
     *
     * @return nothing
     */
    public org.apache.poi.ss.usermodel.Sheet sheet() {
        return null;
    }

    /**
     * A POI type inside a generic parameter.
     *
     * @param cells ignored
     */
    public void read(List<org.apache.poi.ss.usermodel.Cell> cells) {
    }

    /** A public nested type: its protected members are API. */
    public static class Nested {
        /** A Drools (KIE) type. */
        protected org.kie.api.runtime.KieSession session;
    }

    /** Not public: no API, whatever it holds. */
    static class Hidden {
        public org.kie.api.runtime.KieSession session;
    }
}

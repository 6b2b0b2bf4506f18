package io.autoclaims.spark.apifixture;

/** What ApiBoundaryTest's internal rule must refuse: a class of another module using claims-rules' internals. */
public class UsesInternal {
    String escape(String s) {
        return io.autoclaims.rules.internal.workbook.NameText.oneLine(s);
    }
}

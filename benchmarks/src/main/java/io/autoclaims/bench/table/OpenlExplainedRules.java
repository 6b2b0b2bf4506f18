package io.autoclaims.bench.table;

/** The Java interface OpenL Tablets binds to the explained workbook of {@link OpenlWorkbook#writeExplained}. */
public interface OpenlExplainedRules {
    ExplainedAnswer decide(String cause, String model, String system, int months, int km);
}

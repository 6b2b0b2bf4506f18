package io.autoclaims.bench.table;

/** The Java interface OpenL Tablets binds to the workbook of {@link OpenlWorkbook}. */
public interface OpenlRules {
    String decide(String cause, String model, String system, int months, int km);
}

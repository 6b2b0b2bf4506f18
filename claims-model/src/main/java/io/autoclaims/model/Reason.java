package io.autoclaims.model;

import java.util.List;
import java.util.Objects;

/**
 * One rule row that shaped a verdict: its reason code, the row's stable id, the table (sheet) and
 * spreadsheet row, Chinese and English text naming the facts, the facts themselves, and the line
 * the reason is about (null for claim-level reasons).
 */
public record Reason(
        String code,
        String ruleId,
        String table,
        int row,
        String text,
        String textEn,
        List<Fact> facts,
        String lineId) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textEn, "textEn");
        facts = List.copyOf(facts == null ? List.of() : facts);
    }
}

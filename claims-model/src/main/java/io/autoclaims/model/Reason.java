package io.autoclaims.model;

import java.util.List;
import java.util.Objects;

/**
 * One rule row that shaped a verdict: its reason code, the row's stable id, the table (sheet) and
 * spreadsheet row, Chinese and English text naming the facts, the facts themselves, and the line
 * the reason is about (null for claim-level reasons).
 *
 * @param code   the reason code, e.g. {@code WARRANTY_EXPIRED}
 * @param ruleId the rule row's stable id, e.g. {@code W5-01}
 * @param table  the table (sheet) name
 * @param row    the spreadsheet row as the analyst sees it, from 1
 * @param text   the explanation in Chinese
 * @param textEn the explanation in English
 * @param facts  the input values the row matched on or named
 * @param lineId the claim line the reason is about, or null
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

    /**
     * A reason; a null fact list becomes empty.
     *
     * @param code   the reason code, e.g. {@code WARRANTY_EXPIRED}
     * @param ruleId the rule row's stable id, e.g. {@code W5-01}
     * @param table  the table (sheet) name
     * @param row    the spreadsheet row as the analyst sees it, from 1
     * @param text   the explanation in Chinese
     * @param textEn the explanation in English
     * @param facts  the input values the row matched on or named
     * @param lineId the claim line the reason is about, or null
     * @throws NullPointerException when {@code code}, {@code ruleId}, {@code table} or a text is null
     */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textEn, "textEn");
        facts = List.copyOf(facts == null ? List.of() : facts);
    }
}

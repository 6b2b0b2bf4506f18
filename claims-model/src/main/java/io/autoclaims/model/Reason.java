package io.autoclaims.model;

import java.util.List;
import java.util.Objects;

/**
 * One rule row that shaped a verdict: its reason code, the row's stable id, the table (sheet) and
 * spreadsheet row, Chinese and English text naming the facts, the facts themselves, and the line
 * the reason is about (null for claim-level reasons).
 *
 * <p>An adjudicator keeps a reason as the row and the fact values it saw, and writes its texts and
 * facts the first time someone asks for them ({@link #text()}, {@link #textEn()}, {@link #facts()},
 * {@link #equals}, writing it as JSON): a verdict that is only counted, filtered by code or stored
 * by rule id never formats text. Either way a reason is an immutable value, the same texts
 * whenever and from whichever thread they are asked for.
 */
public final class Reason {
    /**
     * Writes a reason's texts and facts when they are first asked for. Each method is called at most
     * once per thread that asks first, and must give the same value every time, from any thread.
     */
    public interface Details {
        /**
         * The explanation in Chinese.
         *
         * @return the text, not null
         */
        String text();

        /**
         * The explanation in English.
         *
         * @return the text, not null
         */
        String textEn();

        /**
         * The input values the row matched on or named.
         *
         * @return the facts, not null
         */
        List<Fact> facts();
    }

    private final String code;
    private final String ruleId;
    private final String table;
    private final int row;
    private final String lineId;
    /** Null when the texts and facts were given. */
    private final Details details;
    // written once they are known; a racing second write stores an equal immutable value
    private String text;
    private String textEn;
    private List<Fact> facts;

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
    public Reason(String code, String ruleId, String table, int row, String text, String textEn, List<Fact> facts,
            String lineId) {
        this(code, ruleId, table, row, lineId, null);
        this.text = Objects.requireNonNull(text, "text");
        this.textEn = Objects.requireNonNull(textEn, "textEn");
        this.facts = List.copyOf(facts == null ? List.of() : facts);
    }

    private Reason(String code, String ruleId, String table, int row, String lineId, Details details) {
        this.code = Objects.requireNonNull(code, "code");
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.table = Objects.requireNonNull(table, "table");
        this.row = row;
        this.lineId = lineId;
        this.details = details;
    }

    /**
     * A reason whose texts and facts are written when first asked for.
     *
     * @param code    the reason code, e.g. {@code WARRANTY_EXPIRED}
     * @param ruleId  the rule row's stable id, e.g. {@code W5-01}
     * @param table   the table (sheet) name
     * @param row     the spreadsheet row as the analyst sees it, from 1
     * @param lineId  the claim line the reason is about, or null
     * @param details writes the texts and facts; it must hold only immutable values
     * @return the reason
     * @throws NullPointerException when {@code code}, {@code ruleId}, {@code table} or {@code details} is null
     */
    public static Reason of(String code, String ruleId, String table, int row, String lineId, Details details) {
        return new Reason(code, ruleId, table, row, lineId, Objects.requireNonNull(details, "details"));
    }

    /**
     * The reason code.
     *
     * @return the code, e.g. {@code WARRANTY_EXPIRED}
     */
    public String code() {
        return code;
    }

    /**
     * The rule row's stable id.
     *
     * @return the id, e.g. {@code W5-01}
     */
    public String ruleId() {
        return ruleId;
    }

    /**
     * The table (sheet) name.
     *
     * @return the name
     */
    public String table() {
        return table;
    }

    /**
     * The spreadsheet row as the analyst sees it.
     *
     * @return the row, from 1
     */
    public int row() {
        return row;
    }

    /**
     * The explanation in Chinese.
     *
     * @return the text
     */
    public String text() {
        String t = text;
        if (t == null) {
            t = Objects.requireNonNull(details.text(), "text");
            text = t;
        }
        return t;
    }

    /**
     * The explanation in English.
     *
     * @return the text
     */
    public String textEn() {
        String t = textEn;
        if (t == null) {
            t = Objects.requireNonNull(details.textEn(), "textEn");
            textEn = t;
        }
        return t;
    }

    /**
     * The input values the row matched on or named.
     *
     * @return an unmodifiable list
     */
    public List<Fact> facts() {
        List<Fact> f = facts;
        if (f == null) {
            f = List.copyOf(details.facts());
            facts = f;
        }
        return f;
    }

    /**
     * The claim line the reason is about.
     *
     * @return the line's id, or null for a claim-level reason
     */
    public String lineId() {
        return lineId;
    }

    /**
     * Equal when every component is: code, rule id, table, row, both texts, facts and line id.
     *
     * @param o another object
     * @return whether it is an equal reason
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Reason r && row == r.row && code.equals(r.code) && ruleId.equals(r.ruleId)
                && table.equals(r.table) && Objects.equals(lineId, r.lineId) && text().equals(r.text())
                && textEn().equals(r.textEn()) && facts().equals(r.facts());
    }

    /**
     * A hash of every component.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(code, ruleId, table, row, text(), textEn(), facts(), lineId);
    }

    /**
     * The components, as a record prints them.
     *
     * @return {@code Reason[code=..., ruleId=..., table=..., row=..., text=..., textEn=..., facts=[...], lineId=...]}
     */
    @Override
    public String toString() {
        return "Reason[code=" + code + ", ruleId=" + ruleId + ", table=" + table + ", row=" + row + ", text=" + text()
                + ", textEn=" + textEn() + ", facts=" + facts() + ", lineId=" + lineId + "]";
    }
}

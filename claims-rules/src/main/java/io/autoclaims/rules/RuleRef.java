package io.autoclaims.rules;

/**
 * One rule row of a loaded rulebook: its stable id, the table (sheet) and the spreadsheet row as the
 * analyst sees it, and, when it fired for one line, that line's id (null otherwise).
 *
 * @param ruleId the rule's stable id as its row writes it
 * @param table  the table's key (its sheet)
 * @param row    the 1-based spreadsheet row of the rule
 * @param lineId the claim line it fired for, or null
 */
public record RuleRef(String ruleId, String table, int row, String lineId) {
    /**
     * Rejects a null id or table.
     *
     * @param ruleId the row's stable id
     * @param table  the table (sheet) as the analyst sees it
     * @param row    the spreadsheet row, 1-based
     * @param lineId the line it fired for, or null for a claim-level row
     */
    public RuleRef {
        java.util.Objects.requireNonNull(ruleId, "ruleId");
        java.util.Objects.requireNonNull(table, "table");
    }
}

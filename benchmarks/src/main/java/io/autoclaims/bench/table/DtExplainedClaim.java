package io.autoclaims.bench.table;

import io.autoclaims.model.Fact;

/**
 * The fact the explained Drools decision table reads (issue #16): the claim, the term its terms row
 * sets (on {@link DtClaim}'s claim fields), and the explanation the deciding row builds through its actions (code, rule id, row, the zh/en
 * text templates filled with this claim's values, the facts it names), the helper a Drools user writes.
 */
public final class DtExplainedClaim extends DtClaim {
    private int termMonths;
    private int termKm;
    private String code;
    private String ruleId;
    private int row;
    private String zh;
    private String en;
    private ExplainedAnswer explained;

    public DtExplainedClaim(String model, String system, String cause, int months, int km) {
        super(model, system, cause, months, km);
    }

    public int getTermMonths() {
        return termMonths;
    }

    public void setTermMonths(int termMonths) {
        this.termMonths = termMonths;
    }

    public int getTermKm() {
        return termKm;
    }

    public void setTermKm(int termKm) {
        this.termKm = termKm;
    }

    public ExplainedAnswer getExplained() {
        return explained;
    }

    public void setExplained(ExplainedAnswer explained) {
        this.explained = explained;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public void setRuleId(String ruleId) {
        this.ruleId = ruleId;
    }

    public void setRow(int row) {
        this.row = row;
    }

    /** The Chinese text: the row's template with this claim's values in its {@code {fact}} placeholders. */
    public void setZh(String template) {
        this.zh = fill(template, true);
    }

    public void setEn(String template) {
        this.en = fill(template, false);
    }

    /**
     * The row's explanation from the code, rule id, row and texts its other actions set, and the
     * values of the facts it names ({@code "line.termMonths, line.termKm"}).
     */
    public void explain(String table, String factNames) {
        String[] names = factNames.split(",");
        Fact[] facts = new Fact[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim();
            facts[i] = new Fact(name, value(name));
        }
        explained = ExplainedAnswer.of(code, ruleId, table, row, zh, en, facts);
    }

    private Object value(String fact) {
        return switch (fact) {
            case "line.id" -> "L1";
            case "line.cause" -> getCause();
            case "period.monthsSinceStart" -> getMonths();
            case "vehicle.odometerKm" -> getKm();
            case "line.termMonths" -> termMonths;
            case "line.termKm" -> termKm;
            case "line.monthsOverTerm" -> getMonths() - termMonths;
            case "line.kmOverTerm" -> getKm() - termKm;
            default -> throw new IllegalArgumentException("no fact " + fact);
        };
    }

    private String fill(String template, boolean chinese) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int at = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', at)) {
            int close = template.indexOf('}', open);
            out.append(template, at, open);
            String fact = template.substring(open + 1, close);
            out.append(fact.equals("line.cause") ? (chinese ? CauseLabels.zh(getCause()) : CauseLabels.en(getCause()))
                    : value(fact));
            at = close + 1;
        }
        return out.append(template, at, template.length()).toString();
    }

    /** Ready for another batch: no term, no explanation. */
    public void reset() {
        termMonths = 0;
        termKm = 0;
        explained = null;
    }
}

package io.autoclaims.bench.table;

/** The fact the Drools decision table reads; {@link #term} is the action of each terms row. */
public class DtClaim {
    private final String model;
    private final String system;
    private final String cause;
    private final int months;
    private final int km;
    private String result;

    public DtClaim(String model, String system, String cause, int months, int km) {
        this.model = model;
        this.system = system;
        this.cause = cause;
        this.months = months;
        this.km = km;
    }

    public String getModel() {
        return model;
    }

    public String getSystem() {
        return system;
    }

    public String getCause() {
        return cause;
    }

    public int getMonths() {
        return months;
    }

    public int getKm() {
        return km;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    /** The action of a terms row: expired when months or km exceed the row's term (whichever first). */
    public void term(int termMonths, int termKm) {
        result = months > termMonths || km > termKm ? "EXPIRED" : "COVERED";
    }
}

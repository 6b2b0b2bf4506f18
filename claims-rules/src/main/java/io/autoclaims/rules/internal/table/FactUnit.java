package io.autoclaims.rules.internal.table;

/**
 * What a fact's numbers count, declared with the fact, so that every number an analyst reads says
 * what it counts ({@code 494 km}, {@code 494 公里}).
 */
public enum FactUnit {
    /** Not a count or an amount: rates print as rates, dates as dates, enums and codes as themselves. */
    NONE("", ""),
    CNY("元", "CNY"),
    MONTHS("个月", "months"),
    KM("公里", "km"),
    DAYS("天", "days"),
    HOURS("小时", "hours"),
    LINES("条明细", "line(s)"),
    TIMES("次", "time(s)");

    private final String zh;
    private final String en;

    FactUnit(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The unit as printed after a value; "" for {@link #NONE}. */
    public String text(boolean zh) {
        return zh ? this.zh : en;
    }
}

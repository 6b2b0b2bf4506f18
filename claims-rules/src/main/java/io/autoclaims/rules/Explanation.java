package io.autoclaims.rules;

import io.autoclaims.model.Reason;
import io.autoclaims.model.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A verdict together with every rule row that fired for it, in firing order, including rows that
 * report no reason (a warranty term looked up, the regime chosen) and rows whose outputs a closed
 * gate withdrew; and, table by table, what matched and the nearest rows that did not.
 * {@link #toText(Lang)} renders it for people, as {@code claims explain} prints it.
 *
 * @param verdict the verdict
 * @param fired   every rule row that fired, in firing order
 * @param tables  table by table, the rows that matched and the nearest that did not
 */
public record Explanation(Verdict verdict, List<RuleRef> fired, List<TableTrace> tables) {

    /**
     * Rejects nulls; the lists are copied.
     *
     * @param verdict the verdict
     * @param fired   every rule row that fired, in firing order
     * @param tables  table by table, the rows that matched and the nearest that did not
     */
    public Explanation {
        Objects.requireNonNull(verdict, "verdict");
        fired = List.copyOf(Objects.requireNonNull(fired, "fired"));
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
    }

    /**
     * The readable text {@code claims explain} prints: the verdict and its reasons, then table by
     * table the row that matched with the values it matched on, and the nearest rows that did not
     * with each failed condition and by how much. Every number says what it counts (km, months, 元).
     * Lines end with {@code \n}.
     *
     * @param lang Chinese or English
     * @return the text, ending with a line end
     */
    public String toText(Lang lang) {
        boolean zh = Objects.requireNonNull(lang, "lang") == Lang.ZH;
        StringBuilder out = new StringBuilder();
        Verdict v = verdict;
        out.append(zh ? "索赔" : "Claim").append(' ').append(v.claimId()).append(" (").append(v.type()).append("): ")
                .append(v.decision()).append(", ").append(v.remedy()).append(", ").append(zh ? "赔付" : "payable")
                .append(' ').append(v.payableCny().toPlainString()).append(' ').append(zh ? "元" : "CNY").append('\n');
        for (Reason r : v.reasons()) {
            out.append("  ").append(r.code()).append(' ').append(r.ruleId()).append(" (").append(r.table()).append(' ')
                    .append(zh ? "第" : "row").append(' ').append(r.row()).append(zh ? " 行" : "").append("): ")
                    .append(zh ? r.text() : r.textEn()).append('\n');
        }
        out.append(zh ? "逐表说明：" : "Table by table:").append('\n');
        for (TableTrace t : tables) {
            String where = t.table() + (t.lineId() == null ? "" : " [" + t.lineId() + "]");
            if (t.matched().isEmpty()) {
                out.append("  ").append(where).append(": ").append(zh ? "无规则命中" : "no row matched").append('\n');
            }
            for (TableTrace.Match m : t.matched()) {
                String on = m.values().stream().map(x -> x.fact() + " = " + FactUnits.with(x.value(), x.fact(), zh))
                        .collect(Collectors.joining(", "));
                out.append("  ").append(where).append(": ").append(zh ? "命中" : "matched").append(' ').append(m.ruleId())
                        .append(" (").append(zh ? "第" : "row").append(' ').append(m.row()).append(zh ? " 行" : "")
                        .append(')').append(on.isEmpty() ? "" : (zh ? "，依据 " : " on ") + on).append('\n');
            }
            for (TableTrace.NearMiss n : t.nearest()) {
                String why = n.failed().stream().map(f -> (zh ? "要求 " : "requires ") + f.fact() + " " + f.condition()
                        + (zh ? "，实际为 " : "; the claim has ") + FactUnits.with(f.actual(), f.fact(), zh)
                        + (f.shortBy() == null || f.shortBy().signum() == 0 ? ""
                                : (zh ? "（相差 " : " (off by ")
                                + FactUnits.with(f.shortBy().toPlainString(), f.fact(), zh)
                                + (zh ? "）" : ")")))
                        .collect(Collectors.joining("; "));
                if (n.failed().isEmpty()) {
                    why = zh ? "条件也都符合，但前面的规则已先命中" : "matches too, but an earlier row decided first";
                }
                out.append("      ").append(zh ? "未命中" : "not").append(' ').append(n.ruleId()).append(" (")
                        .append(zh ? "第" : "row").append(' ').append(n.row()).append(zh ? " 行" : "").append("): ")
                        .append(why).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The readable text in English, as {@code claims explain} prints it by default.
     *
     * @return {@link #toText(Lang) toText(Lang.EN)}
     */
    @Override
    public String toString() {
        return toText(Lang.EN);
    }
}

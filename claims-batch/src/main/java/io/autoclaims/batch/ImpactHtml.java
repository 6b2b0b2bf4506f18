package io.autoclaims.batch;

import static io.autoclaims.batch.Reports.html;
import static io.autoclaims.batch.Reports.money;
import static io.autoclaims.batch.Reports.signed;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.Labelled;
import io.autoclaims.model.RulebookInfo;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code impact.html}: one self-contained page (inline CSS and SVG; no script, font, image or link
 * to fetch), Chinese and English labels side by side. Every text from the input or the workbooks is
 * escaped. The markup is also well-formed XML (every element closed, no named entities but XML's),
 * so tests read it with the JDK's XML parser. The same summary gives the same bytes: no clock, no
 * locale, no hash-ordered collection.
 */
final class ImpactHtml {
    private ImpactHtml() {
    }

    private static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#1a1a1a;max-width:1200px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ccc;padding-bottom:4px}
            table{border-collapse:collapse;font-size:13px;margin:4px 0}th,td{border:1px solid #d0d0d0;padding:4px 8px;vertical-align:top}
            th{background:#f2f4f7;text-align:left;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .en{color:#555;font-weight:normal}.pos{color:#1f5fa8}.neg{color:#b24a00}.diag{background:#f7f7f7;color:#777}
            .hot{background:#fff1d6;font-weight:600}.totals td.n{font-size:16px}.note{color:#555;font-size:12px;max-width:900px}
            code{font-size:12px;word-break:break-all}svg text{font-size:12px;font-family:inherit}
            """;

    static String render(ImpactSummary s) {
        StringBuilder h = new StringBuilder(64 << 10);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>规则变更影响分析 Rulebook change impact</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>规则变更影响分析 <span class=\"en\">Rulebook change impact</span></h1>\n");
        h.append("<table class=\"rulebooks\">\n<tr><th></th><th>名称 <span class=\"en\">name</span></th>")
                .append("<th>版本 · 指纹 <span class=\"en\">version · fingerprint</span></th>")
                .append("<th>来源 <span class=\"en\">source</span></th>")
                .append("<th>指纹 <span class=\"en\">fingerprint (SHA-256)</span></th></tr>\n");
        rulebook(h, "原规则", "old", s.oldRulebook(), s.edits().oldSource());
        rulebook(h, "新规则", "new", s.newRulebook(), s.edits().newSource());
        h.append("</table>\n");
        edits(h, s);

        totals(h, s);
        matrix(h, s);
        byType(h, s);
        byRule(h, s);
        largest(h, s);

        h.append("<h2>说明 <span class=\"en\">Notes</span></h2>\n<p class=\"note\">")
                .append("变化：结论、错误、处理方式、金额、明细行、费用、缺失单证、原因代码或给出原因的规则行有任何不同。")
                .append("差额 = 新应付 − 原应付；错误记录按 0 计。按规则行分组：一张理赔单计入每个新增或消失的规则行，各组合计可能大于总差额；")
                .append("不给出原因的规则行（如保修期限表）不出现，修改了哪些单元格见页首。</p>\n<p class=\"note\">")
                .append("Changed: the decision, error, remedy, money, line verdicts, charges, missing documents, reason codes or the ")
                .append("rule rows that gave reasons differ. Delta = new payable − old payable; error records count 0. By rule row: ")
                .append("a claim counts under every rule row that appeared or disappeared, so the groups may add up to more than ")
                .append("the total. Rows that give no reason (such as the warranty terms table) do not show here; the changed cells ")
                .append("open the page.</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void rulebook(StringBuilder h, String zh, String en, RulebookInfo info, String source) {
        String fp = info.fingerprint();
        String prefix = fp.length() > 12 ? fp.substring(0, 12) : fp;
        h.append("<tr><th>").append(zh).append(" <span class=\"en\">").append(en).append("</span></th><td>")
                .append(html(info.name())).append("</td><td class=\"label\">").append(html(info.version()))
                .append(" · <code>").append(html(prefix)).append("</code></td><td><code>").append(html(source))
                .append("</code></td><td><code>").append(html(fp)).append("</code></td></tr>\n");
    }

    /** The cells that differ between the two rulebooks: the edit that caused what the page counts. */
    private static void edits(StringBuilder h, ImpactSummary s) {
        h.append("<h2>修改的单元格 <span class=\"en\">Cells changed</span></h2>\n");
        if (s.edits().edits().isEmpty()) {
            h.append("<p class=\"note\" id=\"edits\">")
                    .append(s.edits().equals(ImpactEdits.NONE)
                            ? "未提供两版规则的工作簿，无法列出修改的单元格。 <span class=\"en\">The workbooks of the two "
                                    + "rulebooks were not given: the changed cells are not known.</span>"
                            : "两版规则的单元格完全相同。 <span class=\"en\">The two rulebooks have the same cells.</span>")
                    .append("</p>\n");
            return;
        }
        h.append("<table class=\"edits\" id=\"edits\">\n<tr><th>单元格 <span class=\"en\">cell</span></th>")
                .append("<th>规则 <span class=\"en\">rule</span></th><th>列 <span class=\"en\">column</span></th>")
                .append("<th>原值 <span class=\"en\">old</span></th><th>新值 <span class=\"en\">new</span></th></tr>\n");
        for (ImpactEdits.Edit e : s.edits().edits()) {
            h.append("<tr><td><code>").append(html(e.where())).append("</code></td><td>").append(html(e.ruleId()))
                    .append("</td><td>").append(html(e.column())).append("</td><td>").append(html(e.oldValue()))
                    .append("</td><td>").append(html(e.newValue())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void totals(StringBuilder h, ImpactSummary s) {
        h.append("<h2>合计 <span class=\"en\">Totals</span></h2>\n<table class=\"totals\" id=\"totals\">\n");
        total(h, "lines", "读取行数", "lines read", count(s.lines()));
        total(h, "error-lines", "错误行（任一规则）", "error lines (either rulebook)", count(s.errorLines()));
        total(h, "old-errors", "错误行（原规则）", "error lines (old)", count(s.oldErrors()));
        total(h, "new-errors", "错误行（新规则）", "error lines (new)", count(s.newErrors()));
        total(h, "changed", "结果变化的理赔单", "changed claims", count(s.changed()));
        total(h, "old-payable", "原应付总额（元）", "old total payable (CNY)", money(s.oldPayable()));
        total(h, "new-payable", "新应付总额（元）", "new total payable (CNY)", money(s.newPayable()));
        total(h, "delta", "差额（元）", "delta (CNY)", "<span class=\"" + cls(s.delta()) + "\">" + signed(s.delta()) + "</span>");
        h.append("</table>\n");
    }

    private static void total(StringBuilder h, String id, String zh, String en, String value) {
        h.append("<tr><th>").append(zh).append(" <span class=\"en\">").append(en).append("</span></th><td class=\"n\" id=\"")
                .append(id).append("\">").append(value).append("</td></tr>\n");
    }

    private static void matrix(StringBuilder h, ImpactSummary s) {
        h.append("<h2>结论迁移 <span class=\"en\">Decision transitions</span></h2>\n")
                .append("<p class=\"note\">行：原规则（").append(html(s.oldLabel())).append("）；列：新规则（")
                .append(html(s.newLabel())).append("）。 <span class=\"en\">Rows: old rulebook (").append(html(s.oldLabel()))
                .append("); columns: new rulebook (").append(html(s.newLabel())).append(").</span></p>\n")
                .append("<table class=\"matrix\" id=\"transitions\">\n<tr><th>原 \\ 新 <span class=\"en\">old \\ new</span></th>");
        for (ImpactStatus to : ImpactStatus.values()) {
            h.append("<th>").append(label(to)).append("</th>");
        }
        h.append("<th>合计 <span class=\"en\">total</span></th></tr>\n");
        for (ImpactStatus from : ImpactStatus.values()) {
            h.append("<tr><th>").append(label(from)).append("</th>");
            long sum = 0;
            for (ImpactStatus to : ImpactStatus.values()) {
                long n = s.transition(from, to);
                sum += n;
                String c = from == to ? "n diag" : n > 0 ? "n hot" : "n";
                h.append("<td class=\"").append(c).append("\">").append(count(n)).append("</td>");
            }
            h.append("<td class=\"n\">").append(count(sum)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void byType(StringBuilder h, ImpactSummary s) {
        h.append("<h2>按理赔类型的金额变化 <span class=\"en\">Money change by claim type</span></h2>\n")
                .append("<table id=\"by-type\">\n<tr><th>类型 <span class=\"en\">type</span></th>")
                .append("<th>理赔单 <span class=\"en\">claims</span></th><th>变化 <span class=\"en\">changed</span></th>")
                .append("<th>原应付 <span class=\"en\">old payable</span></th><th>新应付 <span class=\"en\">new payable</span></th>")
                .append("<th>差额 <span class=\"en\">delta</span></th></tr>\n");
        BigDecimal max = BigDecimal.ZERO;
        for (ClaimType t : ClaimType.values()) {
            ImpactSummary.TypeImpact ti = s.byType().get(t);
            max = max.max(ti.delta().abs());
            h.append("<tr><th>").append(label(t)).append("</th><td class=\"n\">").append(count(ti.claims()))
                    .append("</td><td class=\"n\">").append(count(ti.changed())).append("</td><td class=\"n\">")
                    .append(money(ti.oldPayable())).append("</td><td class=\"n\">").append(money(ti.newPayable()))
                    .append("</td><td class=\"n ").append(cls(ti.delta())).append("\">").append(signed(ti.delta()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        // A diverging bar chart: the axis in the middle, more paid to the right, less to the left.
        int rowH = 30;
        int labelW = 190;
        int half = 250;
        int axis = labelW + half;
        int height = rowH * ClaimType.values().length + 20;
        h.append(String.format(Locale.ROOT, "<svg id=\"by-type-chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                labelW + 2 * half + 10, height, labelW + 2 * half + 10, height));
        h.append("<title>按类型差额 Delta by claim type</title>\n");
        int y = 10;
        for (ClaimType t : ClaimType.values()) {
            BigDecimal d = s.byType().get(t).delta();
            double w = max.signum() == 0 ? 0 : d.abs().doubleValue() / max.doubleValue() * (half - 90);
            double x = d.signum() < 0 ? axis - w : axis;
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">", 4, y + 19)).append(html(t.name() + " " + t.zh()))
                    .append("</text>");
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    x, y + 4, w, rowH - 8, d.signum() < 0 ? "#d9822b" : "#3d7cc9"));
            double tx = d.signum() < 0 ? x - 6 : x + w + 6;
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">", tx, y + 19,
                    d.signum() < 0 ? "end" : "start")).append(signed(d)).append("</text>\n");
            y += rowH;
        }
        h.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"4\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>", axis, axis, height - 4));
        h.append("</svg>\n");
    }

    private static void byRule(StringBuilder h, ImpactSummary s) {
        h.append("<h2>按规则行分组的变化 <span class=\"en\">Changes by rule row</span></h2>\n")
                .append("<table id=\"by-rule\">\n<tr><th>规则 <span class=\"en\">rule id</span></th>")
                .append("<th>表 <span class=\"en\">table</span></th><th>行 <span class=\"en\">row</span></th>")
                .append("<th>理赔单 <span class=\"en\">claims</span></th><th>新增 <span class=\"en\">appeared</span></th>")
                .append("<th>消失 <span class=\"en\">disappeared</span></th><th>差额 <span class=\"en\">delta</span></th></tr>\n");
        for (ImpactSummary.RuleImpact r : s.byRule()) {
            h.append("<tr><td>").append(html(r.ruleId())).append("</td><td>").append(html(r.table()))
                    .append("</td><td class=\"n\">").append(r.row()).append("</td><td class=\"n\">").append(count(r.claims()))
                    .append("</td><td class=\"n\">").append(count(r.appeared())).append("</td><td class=\"n\">")
                    .append(count(r.disappeared())).append("</td><td class=\"n ").append(cls(r.delta())).append("\">")
                    .append(signed(r.delta())).append("</td></tr>\n");
        }
        ImpactSummary.Group u = s.unattributed();
        if (u.claims() > 0) {
            h.append("<tr><td colspan=\"3\">规则行相同、数值不同 <span class=\"en\">same rule rows, other values</span></td>")
                    .append("<td class=\"n\">").append(count(u.claims())).append("</td><td></td><td></td><td class=\"n ")
                    .append(cls(u.delta())).append("\">").append(signed(u.delta())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void largest(StringBuilder h, ImpactSummary s) {
        h.append("<h2>金额变化最大的理赔单 <span class=\"en\">Largest changes</span> (")
                .append(count(s.largest().size())).append(" / ").append(count(s.changed())).append(")</h2>\n")
                .append("<table id=\"largest\">\n<tr><th>行 <span class=\"en\">line</span></th>")
                .append("<th>理赔单号 <span class=\"en\">claim id</span></th><th>类型 <span class=\"en\">type</span></th>")
                .append("<th>原结论 <span class=\"en\">old</span></th><th>新结论 <span class=\"en\">new</span></th>")
                .append("<th>原应付 <span class=\"en\">old payable</span></th><th>新应付 <span class=\"en\">new payable</span></th>")
                .append("<th>差额 <span class=\"en\">delta</span></th>")
                .append("<th>新增 / 消失的规则行 <span class=\"en\">rule rows appeared / disappeared</span></th></tr>\n");
        for (ImpactRow r : s.largest()) {
            h.append("<tr><td class=\"n\">").append(r.line()).append("</td><td>").append(html(r.claimId()))
                    .append("</td><td>").append(r.type() == null ? "" : html(r.type().name())).append("</td><td>")
                    .append(status(r.oldStatus(), r.oldError())).append(version(r.oldVersion())).append("</td><td>")
                    .append(status(r.newStatus(), r.newError())).append(version(r.newVersion()))
                    .append("</td><td class=\"n\">").append(money(r.oldPayable())).append("</td><td class=\"n\">")
                    .append(money(r.newPayable())).append("</td><td class=\"n ").append(cls(r.delta())).append("\">")
                    .append(signed(r.delta())).append("</td><td>");
            if (!r.rulesAppeared().isEmpty()) {
                h.append("+ ").append(html(r.rulesAppeared().stream().map(ImpactRow.Rule::toString)
                        .collect(Collectors.joining("; "))));
            }
            if (!r.rulesAppeared().isEmpty() && !r.rulesDisappeared().isEmpty()) {
                h.append("<br/>");
            }
            if (!r.rulesDisappeared().isEmpty()) {
                h.append("− ").append(html(r.rulesDisappeared().stream().map(ImpactRow.Rule::toString)
                        .collect(Collectors.joining("; "))));
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String status(ImpactStatus st, String error) {
        return st == ImpactStatus.ERROR ? html("ERROR " + error) : html(st.name());
    }

    /** The history version behind a verdict, after its decision; nothing for a side of one rulebook. */
    private static String version(String v) {
        return v == null ? "" : " <span class=\"version\">(" + html(v) + ")</span>";
    }

    private static String label(Labelled l) {
        return html(l.zh()) + " <span class=\"en\">" + html(l.name()) + "</span>";
    }

    private static String cls(BigDecimal d) {
        return d.signum() < 0 ? "neg" : d.signum() > 0 ? "pos" : "";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

}

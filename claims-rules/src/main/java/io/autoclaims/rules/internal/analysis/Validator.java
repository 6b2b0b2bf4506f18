package io.autoclaims.rules.internal.analysis;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.PartSystem;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.domain.CommonFacts;
import io.autoclaims.rules.internal.domain.WarrantyDomain;
import io.autoclaims.rules.internal.domain.WarrantyDomain.LawBound;
import io.autoclaims.rules.internal.table.ColumnModel.Role;
import io.autoclaims.rules.internal.condition.EnumIn;
import io.autoclaims.rules.internal.condition.Range;
import io.autoclaims.rules.internal.table.Effect;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.RowModel.Condition;
import io.autoclaims.rules.internal.table.RowModel.Output;
import io.autoclaims.rules.internal.table.RowModel;
import io.autoclaims.rules.internal.table.TableModel;
import io.autoclaims.rules.internal.table.Template;
import io.autoclaims.rules.internal.table.WorkbookModel;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.autoclaims.rules.internal.domain.WarrantyDomain.TERM_FLOOR;
import static io.autoclaims.rules.internal.domain.WarrantyDomain.USAGE_RATE_CAP;

/** Checks across tables: unique keys, ids and steps, and the legal floors of the regimes. */
public final class Validator {
    private Validator() {
    }

    /**
     * The Law sheet's floors: each named rule row must accept at least the law's range of its fact
     * (the sheet names the article, e.g. R2021 art. 22-23), so a stricter cell is an error at that cell.
     */
    public static void checkLawSheet(List<TableModel> tables, List<WorkbookModel.LawBound> laws, List<WorkbookIssue> issues) {
        for (WorkbookModel.LawBound law : laws) {
            RowModel row = tables.stream().flatMap(t -> t.rows().stream())
                    .filter(r -> r.ruleId().equals(law.ruleId())).findFirst().orElse(null);
            if (row == null) {
                issues.add(WorkbookIssue.error("UNKNOWN_RULE", law.cell(), "no rule row has the id " + law.ruleId(),
                        "name the id of the row the law applies to").withZh(
                        "没有编号为 " + law.ruleId() + " 的规则行", "填写法律所约束的规则行编号"));
                continue;
            }
            Condition c = condition(row, law.fact());
            if (c == null || !(c.predicate() instanceof Range r) || r.covers(law.range())) {
                continue;
            }
            String need = law.range().describe(law.fact().type(), Template.Language.EN);
            String has = r.describe(law.fact().type(), Template.Language.EN);
            issues.add(WorkbookIssue.error("WEAKER_THAN_LAW", c.cell(),
                    "row " + row.ruleId() + " asks " + law.fact().name() + " " + has + ", but the law gives the consumer "
                            + "this remedy for " + need + " (" + law.article() + ")",
                    "write " + need + " or less strict").withZh(
                    "规则 " + row.ruleId() + " 要求 " + law.fact().name() + " " + has + "，而法律规定 " + need
                            + " 即应给予消费者此项权利（" + law.article() + "）",
                    "改为 " + need + " 或更宽松的条件"));
        }
    }

    public static void check(List<TableModel> tables, List<WorkbookIssue> issues) {
        Map<String, TableModel> keys = new HashMap<>();
        Map<String, RowModel> ids = new HashMap<>();
        Map<ClaimType, Map<Integer, TableModel>> steps = new HashMap<>();
        for (TableModel t : tables) {
            // a table or row read with errors has a null key or id where that cell was wrong
            TableModel other = t.key() == null ? null : keys.putIfAbsent(t.key(), t);
            if (other != null) {
                issues.add(WorkbookIssue.error("DUPLICATE_TABLE", t.keyCell(),
                        "the table key " + t.key() + " is used by " + other.keyCell() + " too",
                        "give every table its own key").withZh(
                        "表名 " + t.key() + " 与 " + other.keyCell() + " 重复", "每张表使用不同的表名"));
            }
            for (ClaimType type : t.claimTypes()) {
                TableModel sameStep = steps.computeIfAbsent(type, c -> new HashMap<>()).putIfAbsent(t.step(), t);
                if (sameStep != null) {
                    issues.add(WorkbookIssue.error("DUPLICATE_STEP", t.keyCell(),
                            "step " + t.step() + " of " + type + " is also the step of " + sameStep.keyCell(),
                            "give each table of a claim type its own step number").withZh(
                            type + " 的步骤 " + t.step() + " 与 " + sameStep.keyCell() + " 重复",
                            "同一索赔类型的每张表使用不同的步骤编号"));
                }
            }
            for (RowModel r : t.rows()) {
                RowModel dup = r.ruleId() == null ? null : ids.putIfAbsent(r.ruleId(), r);
                if (dup != null) {
                    issues.add(WorkbookIssue.error("DUPLICATE_RULE_ID", r.idCell(),
                            "the rule id " + r.ruleId() + " is also used at " + dup.idCell(),
                            "rule ids must be unique in the rulebook; reasons and reports follow them").withZh(
                            "规则编号 " + r.ruleId() + " 与 " + dup.idCell() + " 重复",
                            "规则编号在整个规则集中必须唯一，理由和报告都依据它"));
                }
                if (r.effect() != Effect.INFO && r.code() == null && codeCellBlank(t, r)) {
                    issues.add(WorkbookIssue.error("EFFECT_WITHOUT_CODE", r.idCell(),
                            "the row " + r.effect() + "s the claim but reports no reason code",
                            "add a CODE and the reason texts").withZh(
                            "本行的效果为 " + r.effect() + "，却没有理由代码", "填写 CODE 及中英文理由"));
                }
            }
        }
        checkLegalFloors(tables, issues);
        checkLawThresholds(tables, issues);
    }

    /** True when the row's CODE cell is blank, not merely unreadable (that is reported at the cell already). */
    private static boolean codeCellBlank(TableModel t, RowModel r) {
        return t.columns().stream().filter(c -> c.role() == Role.CODE)
                .map(c -> r.cells().getOrDefault(c.label(), "")).allMatch(String::isBlank);
    }

    private static void checkLawThresholds(List<TableModel> tables, List<WorkbookIssue> issues) {
        List<RowModel> regimeRows = tables.stream().flatMap(t -> t.rows().stream())
                .filter(r -> output(r, WarrantyDomain.REGIME) != null).toList();
        for (TableModel t : tables) {
            for (RowModel r : t.rows()) {
                Condition regimeCond = condition(r, WarrantyDomain.REGIME);
                for (LawBound bound : WarrantyDomain.LAW_BOUNDS) {
                    Condition c = condition(r, bound.fact());
                    if (c == null || !(c.predicate() instanceof Range range) || range.low() == null) {
                        continue;
                    }
                    for (RowModel regime : regimeRows) {
                        String code = (String) output(regime, WarrantyDomain.REGIME).value();
                        Object law = value(regime, bound.law());
                        if (law == null || (regimeCond != null && !regimeCond.predicate().test(code))) {
                            continue;
                        }
                        // the smallest whole value the row accepts, against the smallest the law must
                        BigDecimal rowMin = range.lowIncluded() ? range.low() : range.low().add(BigDecimal.ONE);
                        BigDecimal lawMin = BigDecimal.valueOf((Integer) law + (bound.moreThan() ? 1 : 0));
                        if (rowMin.compareTo(lawMin) > 0) {
                            String need = (bound.moreThan() ? "> " : ">= ") + law;
                            issues.add(WorkbookIssue.error("WEAKER_THAN_LAW", c.cell(),
                                    "under " + code + " the law gives the consumer this remedy from "
                                            + bound.fact().name() + " " + need + ", but the row asks for "
                                            + range.describe(bound.fact().type(), Template.Language.EN)
                                            + " (" + bound.article() + ")",
                                    "write " + need + " or less strict").withZh(
                                    code + " 规定 " + bound.fact().name() + " " + need + " 即应给予消费者此项三包权利，"
                                            + "本行却要求 " + range.describe(bound.fact().type(), Template.Language.ZH)
                                            + "（" + bound.article() + "）",
                                    "改为 " + need + " 或更宽松的条件"));
                        }
                    }
                }
            }
        }
    }

    /** One regime's legal minimums, from the row that sets it. */
    private record Regime(String code, RowModel row, Integer minMonths, Integer minKm, Set<?> exempt,
            BigDecimal usageRate, BigDecimal maxUsageRate) {
    }

    private static void checkLegalFloors(List<TableModel> tables, List<WorkbookIssue> issues) {
        List<Regime> regimes = tables.stream().flatMap(t -> t.rows().stream())
                .filter(r -> output(r, WarrantyDomain.REGIME) != null)
                .map(r -> new Regime((String) output(r, WarrantyDomain.REGIME).value(), r,
                        (Integer) value(r, WarrantyDomain.MIN_TERM_MONTHS),
                        (Integer) value(r, WarrantyDomain.MIN_TERM_KM),
                        (Set<?>) value(r, WarrantyDomain.TERM_FLOOR_EXEMPT),
                        (BigDecimal) value(r, WarrantyDomain.REGIME_USAGE_RATE),
                        (BigDecimal) value(r, WarrantyDomain.MAX_USAGE_RATE)))
                .toList();
        for (Regime g : regimes) {
            if (g.usageRate() != null && g.maxUsageRate() != null && g.usageRate().compareTo(g.maxUsageRate()) > 0) {
                issues.add(WorkbookIssue.error("USAGE_RATE_ABOVE_LAW",
                        output(g.row(), WarrantyDomain.REGIME_USAGE_RATE).cell(),
                        "the usage-compensation rate " + pct(g.usageRate()) + " of " + g.code()
                                + " is above the legal maximum of " + pct(g.maxUsageRate())
                                + " (" + USAGE_RATE_CAP.en() + ")",
                        "lower it to " + pct(g.maxUsageRate()) + " or less").withZh(
                        g.code() + " 的使用补偿系数 " + pct(g.usageRate()) + " 高于法定上限 " + pct(g.maxUsageRate())
                                + "（" + USAGE_RATE_CAP.zh() + "）",
                        "降至 " + pct(g.maxUsageRate()) + " 或以下"));
            }
        }
        for (TableModel t : tables) {
            for (RowModel r : t.rows()) {
                Output months = output(r, CommonFacts.LINE_TERM_MONTHS);
                Output km = output(r, CommonFacts.LINE_TERM_KM);
                if (months == null && km == null) {
                    continue;
                }
                Condition systems = condition(r, CommonFacts.LINE_SYSTEM);
                Condition regimeCond = condition(r, WarrantyDomain.REGIME);
                for (Regime g : regimes) {
                    if (regimeCond != null && !regimeCond.predicate().test(g.code())) {
                        continue;
                    }
                    EnumIn systemSet = systems != null && systems.predicate() instanceof EnumIn in ? in : null;
                    if (systemSet != null && g.exempt() != null
                            && g.exempt().containsAll(systemSet.values())) {
                        continue;
                    }
                    String scope = systems == null ? "the whole vehicle" : "these systems";
                    if (months != null && g.minMonths() != null && (Integer) months.value() < g.minMonths()) {
                        issues.add(WorkbookIssue.error("TERM_BELOW_LAW", months.cell(),
                                "a warranty term of " + months.value() + " months for " + scope
                                        + " is below the legal minimum of " + g.minMonths() + " months under "
                                        + g.code() + " (" + TERM_FLOOR.en() + ")",
                                "raise it to at least " + g.minMonths() + " months; only "
                                        + exemptNames(g) + " may have shorter terms").withZh(
                                (systems == null ? "整车" : "这些系统") + "的保修期 " + months.value() + " 个月低于 "
                                        + g.code() + " 的法定最低 " + g.minMonths() + " 个月（" + TERM_FLOOR.zh() + "）",
                                "至少提高到 " + g.minMonths() + " 个月；只有 " + exemptNames(g) + " 可以更短"));
                    }
                    if (km != null && g.minKm() != null && (Integer) km.value() < g.minKm()) {
                        issues.add(WorkbookIssue.error("TERM_BELOW_LAW", km.cell(),
                                "a warranty term of " + km.value() + " km for " + scope
                                        + " is below the legal minimum of " + g.minKm() + " km under " + g.code()
                                        + " (" + TERM_FLOOR.en() + ")",
                                "raise it to at least " + g.minKm() + " km; only " + exemptNames(g)
                                        + " may have shorter terms").withZh(
                                (systems == null ? "整车" : "这些系统") + "的保修里程 " + km.value() + " 公里低于 "
                                        + g.code() + " 的法定最低 " + g.minKm() + " 公里（" + TERM_FLOOR.zh() + "）",
                                "至少提高到 " + g.minKm() + " 公里；只有 " + exemptNames(g) + " 可以更短"));
                    }
                }
            }
        }
    }

    private static String exemptNames(Regime g) {
        if (g.exempt() == null || g.exempt().isEmpty()) {
            return "no system";
        }
        return g.exempt().stream().map(e -> ((PartSystem) e).name()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String pct(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static Output output(RowModel r, FactDef fact) {
        for (Output o : r.outputs()) {
            if (o.fact() == fact) {
                return o;
            }
        }
        return null;
    }

    private static Object value(RowModel r, FactDef fact) {
        Output o = output(r, fact);
        return o == null ? null : o.value();
    }

    private static Condition condition(RowModel r, FactDef fact) {
        for (Condition c : r.conditions()) {
            if (c.fact() == fact) {
                return c;
            }
        }
        return null;
    }
}

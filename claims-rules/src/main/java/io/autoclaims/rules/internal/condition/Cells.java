package io.autoclaims.rules.internal.condition;

import io.autoclaims.rules.CellRef;
import io.autoclaims.rules.WorkbookIssue;
import io.autoclaims.rules.internal.table.FactDef;
import io.autoclaims.rules.internal.table.ValueType;
import io.autoclaims.rules.internal.workbook.WorkbookReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns cell values into typed outputs, one column type at a time, and reads the values condition
 * kinds are made of (constants, codes, booleans, numbers). Every message says what the cell holds,
 * what was expected, and how to write it.
 */
public final class Cells {
    private static final Pattern SEPARATORS = Pattern.compile("[,，;；、\\n\\r]+");

    private Cells() {
    }

    /** The value an output cell sets, or null (with an issue) when the cell is wrong. */
    public static Object output(FactDef fact, Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        ValueType type = fact.type();
        return switch (type.kind()) {
            case ENUM -> {
                List<Enum<?>> values = enums(type, value, shown, where, issues);
                if (values != null && values.size() != 1) {
                    issues.add(WorkbookIssue.error("ONE_VALUE", where,
                            "\"" + shown + "\" names " + values.size() + " values, the column takes one",
                            "write one of " + type.constants()).withZh(
                            "\"" + shown + "\" 列出了 " + values.size() + " 个取值，本列只能填一个",
                            "请填写其中一个：" + type.constants()));
                    yield null;
                }
                yield values == null ? null : values.get(0);
            }
            case ENUM_SET -> {
                List<Enum<?>> values = enums(type, value, shown, where, issues);
                yield values == null ? null : enumSet(values);
            }
            case CODE -> {
                List<String> codes = codes(value, shown, where, issues);
                if (codes != null && codes.size() != 1) {
                    issues.add(WorkbookIssue.error("ONE_VALUE", where, "\"" + shown + "\" names several codes",
                            "write one code").withZh("\"" + shown + "\" 列出了多个代码", "请只填写一个代码"));
                    yield null;
                }
                yield codes == null ? null : codes.get(0);
            }
            case BOOLEAN -> bool(value, shown, where, issues);
            case INTEGER -> {
                BigDecimal d = typedNumber(fact, value, shown, where, issues);
                yield d == null ? null : d.intValueExact();
            }
            case RATE, MONEY, DECIMAL -> typedNumber(fact, value, shown, where, issues);
            case DATE, TEXT -> null;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<Enum<?>> enumSet(List<Enum<?>> values) {
        return (Set) EnumSet.copyOf((List) values);
    }

    static List<Enum<?>> enums(ValueType type, Object value, String shown, CellRef where,
            List<WorkbookIssue> issues) {
        if (!(value instanceof String s)) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where,
                    "\"" + shown + "\" is not a " + type.enumClass().getSimpleName() + " value",
                    "write one or more of " + type.constants()).withZh(
                    "\"" + shown + "\" 不是有效的 " + type.enumClass().getSimpleName() + " 取值",
                    "可填写以下一个或多个：" + type.constants()));
            return null;
        }
        Set<Enum<?>> values = new LinkedHashSet<>();
        for (String item : SEPARATORS.split(s)) {
            String name = item.trim();
            if (name.isEmpty()) {
                continue;
            }
            Enum<?> e = type.constant(name);
            if (e == null) {
                Enum<?> loose = type.constant(name.toUpperCase(Locale.ROOT).replace(' ', '_'));
                if (loose != null) {
                    issues.add(WorkbookIssue.warning("ENUM_SPELLING", where,
                            "\"" + name + "\" was read as " + loose.name(), "write " + loose.name()).withZh(
                            "\"" + name + "\" 已按 " + loose.name() + " 读取", "请写作 " + loose.name()));
                    e = loose;
                } else {
                    issues.add(WorkbookIssue.error("UNKNOWN_VALUE", where,
                            "\"" + name + "\" is not a " + type.enumClass().getSimpleName() + " value",
                            "write one of " + type.constants()).withZh(
                            "\"" + name + "\" 不是有效的 " + type.enumClass().getSimpleName() + " 取值",
                            "可填写：" + type.constants()));
                    return null;
                }
            }
            if (!values.add(e)) {
                issues.add(WorkbookIssue.warning("DUPLICATE_VALUE", where, e.name() + " is listed twice", null)
                        .withZh(e.name() + " 重复列出", null));
            }
        }
        if (values.isEmpty()) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + shown + "\" names no value",
                    "write one or more of " + type.constants() + ", or leave the cell blank for any").withZh(
                    "\"" + shown + "\" 没有列出任何取值",
                    "请填写以下一个或多个：" + type.constants() + "，或留空表示任意"));
            return null;
        }
        return new ArrayList<>(values);
    }

    static List<String> codes(Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        if (!(value instanceof String s)) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + shown + "\" is not a code",
                    "write a code in UPPER_SNAKE_CASE such as R2021").withZh(
                    "\"" + shown + "\" 不是代码", "请填写大写字母加下划线格式的代码，例如 R2021"));
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (String item : SEPARATORS.split(s)) {
            String code = item.trim();
            if (code.isEmpty()) {
                continue;
            }
            if (!WorkbookReader.CODE.matcher(code).matches()) {
                issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + code + "\" is not a code",
                        "codes are capital letters, digits and _ starting with a letter, e.g. R2021").withZh(
                        "\"" + code + "\" 不是代码", "代码由大写字母、数字和 _ 组成，以字母开头，例如 R2021"));
                return null;
            }
            codes.add(code);
        }
        return codes.isEmpty() ? null : codes;
    }

    static Boolean bool(Object value, String shown, CellRef where, List<WorkbookIssue> issues) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            String t = s.trim().toUpperCase(Locale.ROOT);
            Boolean b = switch (t) {
                case "TRUE", "YES", "是" -> Boolean.TRUE;
                case "FALSE", "NO", "否" -> Boolean.FALSE;
                default -> null;
            };
            if (b != null) {
                issues.add(WorkbookIssue.warning("BOOLEAN_AS_TEXT", where,
                        "\"" + shown + "\" is text; it was read as " + b,
                        "pick TRUE or FALSE from the drop-down so the cell holds a real boolean").withZh(
                        "\"" + shown + "\" 是文本，已按 " + b + " 读取",
                        "请从下拉列表中选择 TRUE 或 FALSE，使单元格保存真正的布尔值"));
                return b;
            }
        }
        issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + shown + "\" is not TRUE or FALSE",
                "pick TRUE or FALSE, or leave the cell blank for any").withZh(
                "\"" + shown + "\" 不是 TRUE 或 FALSE", "请选择 TRUE 或 FALSE，或留空表示任意"));
        return null;
    }

    /** An output number: accepted as text too, with a warning, since Excel cannot check text. */
    private static BigDecimal typedNumber(FactDef fact, Object value, String shown, CellRef where,
            List<WorkbookIssue> issues) {
        BigDecimal d = number(fact, value, shown, where, issues);
        if (d != null && value instanceof String) {
            issues.add(WorkbookIssue.warning("NUMBER_AS_TEXT", where,
                    "\"" + shown + "\" is text; it was read as the number " + d.toPlainString(),
                    "type it as a number so Excel checks it").withZh(
                    "\"" + shown + "\" 是文本，已按数字 " + d.toPlainString() + " 读取",
                    "请以数字格式输入，以便 Excel 检查"));
        }
        return d;
    }

    static BigDecimal number(FactDef fact, Object raw, String shown, CellRef where,
            List<WorkbookIssue> issues) {
        ValueType.Kind kind = fact.type().kind();
        BigDecimal d;
        if (raw instanceof BigDecimal n) {
            d = n;
        } else if (raw instanceof String s) {
            String t = s.trim().replace(",", "");
            boolean percent = kind == ValueType.Kind.RATE && t.endsWith("%");
            try {
                d = new BigDecimal(percent ? t.substring(0, t.length() - 1).trim() : t);
                if (percent) {
                    d = d.movePointLeft(2);
                }
            } catch (NumberFormatException e) {
                issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + raw + "\" is not " + expected(fact),
                        numberHint(fact)).withZh("\"" + raw + "\" 不是" + expectedZh(fact), numberHintZh(fact)));
                return null;
            }
        } else {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + shown + "\" is not " + expected(fact),
                    numberHint(fact)).withZh("\"" + shown + "\" 不是" + expectedZh(fact), numberHintZh(fact)));
            return null;
        }
        if (kind == ValueType.Kind.INTEGER && !WorkbookReader.isWhole(d)) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + raw + "\" is not " + expected(fact),
                    numberHint(fact)).withZh("\"" + raw + "\" 不是" + expectedZh(fact), numberHintZh(fact)));
            return null;
        }
        if (kind == ValueType.Kind.MONEY && d.stripTrailingZeros().scale() > 2) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + raw + "\" has more than 2 decimals",
                    "money is in yuan with at most 2 decimals (fen)").withZh(
                    "\"" + raw + "\" 的小数超过 2 位", "金额以元为单位，最多保留 2 位小数（到分）"));
            return null;
        }
        if (kind == ValueType.Kind.INTEGER && d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            issues.add(WorkbookIssue.error("BAD_VALUE", where, "\"" + raw + "\" is too large", numberHint(fact))
                    .withZh("\"" + raw + "\" 数值过大", numberHintZh(fact)));
            return null;
        }
        return d.stripTrailingZeros();
    }

    static String expected(FactDef fact) {
        String unit = unit(fact.name());
        return switch (fact.type().kind()) {
            case INTEGER -> "a whole number" + (unit.isEmpty() ? "" : " of " + unit);
            case MONEY -> "an amount in CNY";
            case RATE -> "a rate";
            case DECIMAL -> "a number";
            case DATE -> "a date";
            default -> "a number";
        };
    }

    /** The Chinese of {@link #expected}, read after 不是: 整数月数, 以元为单位的金额, ... */
    static String expectedZh(FactDef fact) {
        String unit = unitZh(fact.name());
        return switch (fact.type().kind()) {
            case INTEGER -> "整数" + (unit.isEmpty() ? "" : unit + "数");
            case MONEY -> "以元为单位的金额";
            case RATE -> "系数";
            case DECIMAL -> "数值";
            case DATE -> "日期";
            default -> "数值";
        };
    }

    private static String numberHint(FactDef fact) {
        return switch (fact.type().kind()) {
            case INTEGER -> "write a whole number such as " + (unit(fact.name()).equals("months") ? "36" : "3000");
            case MONEY -> "write an amount such as 18400.00";
            case RATE -> "write a decimal such as 0.005 (or 0.5%)";
            case DECIMAL -> "write a number such as 15 or 19.9";
            default -> "write a number";
        };
    }

    private static String numberHintZh(FactDef fact) {
        return switch (fact.type().kind()) {
            case INTEGER -> "请填写整数，例如 " + (unit(fact.name()).equals("months") ? "36" : "3000");
            case MONEY -> "请填写金额，例如 18400.00";
            case RATE -> "请填写小数，例如 0.005（或 0.5%）";
            case DECIMAL -> "请填写数值，例如 15 或 19.9";
            default -> "请填写数值";
        };
    }

    /** The unit of {@link #unit} in Chinese: 月, 公里, 天, or empty. */
    private static String unitZh(String factName) {
        return switch (unit(factName)) {
            case "months" -> "月";
            case "km" -> "公里";
            case "days" -> "天";
            default -> "";
        };
    }

    private static String unit(String factName) {
        String n = factName.toLowerCase(Locale.ROOT);
        if (n.endsWith("months")) {
            return "months";
        }
        if (n.endsWith("km")) {
            return "km";
        }
        if (n.endsWith("days")) {
            return "days";
        }
        return "";
    }
}

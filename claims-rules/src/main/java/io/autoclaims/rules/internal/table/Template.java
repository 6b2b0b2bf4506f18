package io.autoclaims.rules.internal.table;

import io.autoclaims.model.Labelled;
import io.autoclaims.rules.internal.run.FactCatalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reason text with {@code {fact}} placeholders, parsed once at load time. Formatting fills the
 * placeholders with the facts' values: enumerations in Chinese or as English words, money as
 * {@code 18,400.00}, rates as percentages.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /** English words of enumeration constants, made once: a reason text is formatted per fired row. */
    private static final Map<Labelled, String> ENGLISH = new ConcurrentHashMap<>();

    /** The language a text is written in. */
    public enum Language { ZH, EN }

    /** A {@code {rule.fact}} placeholder: the row's own condition on that fact, e.g. {@code > 30}. */
    record RuleCondition(FactDef fact) {
    }

    private final String source;
    private final Language language;
    private final List<Object> parts;
    private final List<FactDef> facts;
    /** The {rule.fact} texts of the last row formatted: a template belongs to one row's cell. */
    private volatile RowTexts ruleTexts;

    private record RowTexts(RowModel row, Map<FactDef, String> texts) {
    }

    private Template(String source, Language language, List<Object> parts) {
        this.source = source;
        this.language = language;
        this.parts = List.copyOf(parts);
        List<FactDef> named = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof FactDef f && !named.contains(f)) {
                named.add(f);
            }
        }
        this.facts = List.copyOf(named);
    }

    /**
     * Parses a text; each placeholder must name a fact of the catalogue visible from the table's
     * scope. Unknown names go to {@code unknown} and are left out of the template.
     */
    public static Template parse(String text, Language language, Scope scope, List<String> unknown) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(text.substring(last, m.start()));
            }
            String name = m.group(1).trim();
            boolean ruleCondition = name.startsWith("rule.");
            FactDef fact = FactCatalog.get(ruleCondition ? name.substring(5) : name);
            if (fact == null || (fact.scope() == Scope.LINE && scope == Scope.CLAIM)) {
                unknown.add(name);
            } else {
                parts.add(ruleCondition ? new RuleCondition(fact) : fact);
            }
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(text.substring(last));
        }
        return new Template(text, language, parts);
    }

    /** The facts the text names, in order. */
    public List<FactDef> facts() {
        return facts;
    }

    /** The facts named as {@code {rule.fact}}: the row must have a condition on each. */
    public List<FactDef> ruleConditions() {
        List<FactDef> facts = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof RuleCondition r) {
                facts.add(r.fact());
            }
        }
        return facts;
    }

    public String source() {
        return source;
    }

    /**
     * The text with every placeholder replaced: facts by the value {@code values} gives, rule
     * conditions by the row's own condition as written in the workbook.
     */
    public String format(Function<FactDef, Object> values, RowModel row) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof FactDef f) {
                sb.append(formatValue(values.apply(f), f.type(), language));
            } else if (p instanceof RuleCondition r) {
                sb.append(ruleText(row, r.fact()));
            } else {
                sb.append((String) p);
            }
        }
        return sb.toString();
    }

    private String ruleText(RowModel row, FactDef fact) {
        RowTexts cached = ruleTexts;
        if (cached == null || cached.row() != row) {
            Map<FactDef, String> texts = new HashMap<>();
            for (Object p : parts) {
                if (p instanceof RuleCondition r) {
                    texts.put(r.fact(), describe(row, r.fact()));
                }
            }
            cached = new RowTexts(row, texts);
            ruleTexts = cached;
        }
        return cached.texts().get(fact);
    }

    /** The row's condition on a fact as a short expression: {@code > 30}, {@code 5..10}, names. */
    private String describe(RowModel row, FactDef fact) {
        for (RowModel.Condition c : row.conditions()) {
            if (c.fact() == fact) {
                return c.predicate().describe(fact.type(), language);
            }
        }
        return "";
    }

    /** {@code 18,400.00}: two decimals rounded half up, thousands grouped with commas. */
    static String money(BigDecimal amount) {
        String plain = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.length() - 3;
        StringBuilder sb = new StringBuilder(plain.length() + 8).append(plain, 0, start);
        for (int i = start; i < point; i++) {
            if (i > start && (point - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(plain.charAt(i));
        }
        return sb.append(plain, point, plain.length()).toString();
    }

    /** One value as a person reads it in that language. */
    public static String formatValue(Object value, ValueType type, Language language) {
        if (value == null) {
            return language == Language.ZH ? "（无）" : "(none)";
        }
        if (value instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            for (Object o : c) {
                items.add(formatValue(o, type, language));
            }
            return String.join(language == Language.ZH ? "、" : ", ", items);
        }
        if (value instanceof Labelled l) {
            return language == Language.ZH ? l.zh()
                    : ENGLISH.computeIfAbsent(l, k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (value instanceof Boolean b) {
            return language == Language.ZH ? (b ? "是" : "否") : (b ? "yes" : "no");
        }
        if (value instanceof BigDecimal d) {
            if (type.kind() == ValueType.Kind.RATE) {
                return d.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            }
            if (type.kind() != ValueType.Kind.MONEY) {
                return d.stripTrailingZeros().toPlainString();
            }
            return money(d);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }
}

package io.autoclaims.rules.internal;

import io.autoclaims.model.Labelled;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    /** The language a text is written in. */
    public enum Language { ZH, EN }

    private final String source;
    private final Language language;
    private final List<Object> parts;

    private Template(String source, Language language, List<Object> parts) {
        this.source = source;
        this.language = language;
        this.parts = List.copyOf(parts);
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
            FactDef fact = FactCatalog.get(name);
            if (fact == null || (fact.scope() == Scope.LINE && scope == Scope.CLAIM)) {
                unknown.add(name);
            } else {
                parts.add(fact);
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
        List<FactDef> facts = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof FactDef f && !facts.contains(f)) {
                facts.add(f);
            }
        }
        return facts;
    }

    public String source() {
        return source;
    }

    /** The text with every placeholder replaced by the value {@code values} gives for its fact. */
    public String format(Function<FactDef, Object> values) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof FactDef f) {
                sb.append(formatValue(values.apply(f), f.type(), language));
            } else {
                sb.append((String) p);
            }
        }
        return sb.toString();
    }

    /** One value as a person reads it in that language. */
    static String formatValue(Object value, ValueType type, Language language) {
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
            return language == Language.ZH ? l.zh() : l.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (value instanceof Boolean b) {
            return language == Language.ZH ? (b ? "是" : "否") : (b ? "yes" : "no");
        }
        if (value instanceof BigDecimal d) {
            if (type.kind() == ValueType.Kind.RATE) {
                return d.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            }
            return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(d);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }
}

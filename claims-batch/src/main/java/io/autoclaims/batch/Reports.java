package io.autoclaims.batch;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formatting and escaping shared by the impact report writers. */
final class Reports {
    private Reports() {
    }

    /** {@code 1,234,567.50}: grouped, 2 decimals, the same in every locale. */
    static String money(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** {@code +1,234.50}, {@code -80.00}, {@code 0.00}. */
    static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + money(amount);
    }

    /** Plain decimal with 2 places, {@code -1234.50}: for CSV and JSON, where numbers must stay numbers. */
    static String plain(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * Text for HTML (and XML: the page is also well-formed XML): {@code & < > " '} escaped, and
     * characters XML cannot hold (C0 controls other than tab and line ends, unpaired surrogates,
     * U+FFFE/U+FFFF) replaced by U+FFFD, so hostile input cannot break the markup.
     */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        s.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF'
                            || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        s.append('\uFFFD');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /**
     * One CSV text cell: a cell that a spreadsheet would run as a formula (starting with {@code =},
     * {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading {@code '} (OWASP's advice),
     * then the cell is quoted per RFC 4180 when it holds a quote, comma or line break.
     */
    static String csvText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        String t = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
        if (t.indexOf('"') >= 0 || t.indexOf(',') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }
}

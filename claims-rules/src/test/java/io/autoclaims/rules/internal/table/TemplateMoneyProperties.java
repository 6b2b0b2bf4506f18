package io.autoclaims.rules.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

/** Reason texts show money as {@code #,##0.00} rounded half up, written without DecimalFormat for speed. */
class TemplateMoneyProperties {

    @Property(tries = 2000)
    void moneyTextEqualsDecimalFormat(@ForAll @BigRange(min = "-100000000", max = "100000000") @Scale(4) BigDecimal amount) {
        DecimalFormat reference = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        reference.setRoundingMode(RoundingMode.HALF_UP);
        // DecimalFormat writes -0.00 for a negative amount that rounds to zero; a reason shows 0.00
        String expected = reference.format(amount).equals("-0.00") ? "0.00" : reference.format(amount);
        assertEquals(expected, Template.money(amount));
    }

    @Test
    void groupsThousandsAndRoundsHalfUp() {
        assertEquals("0.00", Template.money(BigDecimal.ZERO));
        assertEquals("999.00", Template.money(new BigDecimal("999")));
        assertEquals("1,000.00", Template.money(new BigDecimal("1000")));
        assertEquals("18,400.01", Template.money(new BigDecimal("18400.005")));
        assertEquals("-1,234,567.89", Template.money(new BigDecimal("-1234567.885")));
        assertEquals("123,456.00", Template.money(new BigDecimal("123456")));
    }
}

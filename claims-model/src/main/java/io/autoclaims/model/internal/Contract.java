package io.autoclaims.model.internal;

import io.autoclaims.model.ClaimType;
import io.autoclaims.model.InputError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's rules on values and objects, in one place for both ways a claim is made: the JSON
 * codec reading a line and the builders of {@code io.autoclaims.model} building one in Java. Each
 * rule says whether a value keeps it, and in what words the error record says it does not; only how
 * the offending value is shown differs (the codec shows the JSON as written, the builders the value
 * as the codec would write it), so the same mistake gets the same record either way.
 *
 * <p>Not an API: the package is internal.
 */
public final class Contract {

    private Contract() {
    }

    // ---------------------------------------------------------------------------------- strings

    /** The longest {@code claimId}. */
    public static final int MAX_CLAIM_ID_LENGTH = 64;
    /** The longest id or code other than {@code claimId}. */
    public static final int MAX_CODE_LENGTH = 64;
    /** The longest free text: a part's name or number. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** A VIN's length. */
    public static final int VIN_LENGTH = 17;

    /** What a claimId must be. */
    public static final String CLAIM_ID = "must be a string of 1 to " + MAX_CLAIM_ID_LENGTH + " characters";
    /** What other ids and codes must be: lineId, shop ids, policyNo, problem codes. */
    public static final String CODE = "must be a string of at most " + MAX_CODE_LENGTH + " characters";
    /** What free text must be. */
    public static final String TEXT = "must be a string of at most " + MAX_TEXT_LENGTH + " characters";
    /** What a VIN must be. */
    public static final String VIN = "must be a string of exactly " + VIN_LENGTH + " characters";

    /**
     * The message for a string of fewer than {@code min} or more than {@code max} code points.
     *
     * @return null when the string fits
     */
    public static String lengthProblem(String text, int min, int max, String expected) {
        int length = text.codePointCount(0, text.length());
        if (length >= min && length <= max) {
            return null;
        }
        return expected + ", got " + length + (length == 1 ? " character: " : " characters: ") + quote(text);
    }

    /** A string in quotes, cut short so that a huge value cannot flood the error record. */
    public static String quote(String text) {
        return "\"" + shorten(text) + "\"";
    }

    /** The first 60 code points and {@code ...} when longer. */
    public static String shorten(String text) {
        int limit = 60;
        return text.length() <= limit || text.codePointCount(0, text.length()) <= limit ? text
                : text.substring(0, text.offsetByCodePoints(0, limit)) + "...";
    }

    /** The code of a string holding a lone surrogate (and of bytes that are not UTF-8). */
    public static final String INVALID_ENCODING = "INVALID_ENCODING";

    /** The index of the first lone surrogate in a string, or -1: no record holding it could be written as UTF-8. */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The message for a lone surrogate {@code c} in a string value or, {@code fieldName}, in a field name. */
    public static String loneSurrogateMessage(boolean fieldName, char c) {
        return "the " + (fieldName ? "field name" : "string") + " holds the escape \\u" + codePoint(c)
                + ", a lone UTF-16 surrogate: half of a pair, not a character";
    }

    /** A code point in hex, at least 4 digits. */
    public static String codePoint(int cp) {
        return String.format(java.util.Locale.ROOT, "%04X", cp);
    }

    // ---------------------------------------------------------------------------------- numbers

    /** What odometerKm and repairDays must be. */
    public static final String NON_NEGATIVE_INTEGER = "must be an integer >= 0";
    /** What an amount of money must be. */
    public static final String MONEY = "must be an amount >= 0 with at most 2 decimal places";
    /** What towKm and bacMgPer100ml must be. */
    public static final String NON_NEGATIVE_NUMBER = "must be a number >= 0";
    /** What absoluteDeductibleRate must be. */
    public static final String DEDUCTIBLE_RATE = "must be a number from 0 to 0.20";
    private static final BigDecimal MAX_DEDUCTIBLE_RATE = new BigDecimal("0.20");

    /** Integer digits and decimals beyond any real amount; the bound keeps 1e999999999 from exhausting memory. */
    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMALS = 100;
    /** What every number must be, whatever its field. */
    public static final String NUMBER_BOUNDS = "must be a number below 10^" + MAX_INTEGER_DIGITS + " with at most "
            + MAX_DECIMALS + " decimal places";

    /** {@code expected, got what}: how every message on a value ends. */
    public static String got(String expected, String what) {
        return expected + ", got " + what;
    }

    /** True when the number is within {@link #NUMBER_BOUNDS}. */
    public static boolean withinBounds(BigDecimal value) {
        // the integer digits (precision - scale) of a non-zero number do not change when trailing zeros
        // are stripped, and stripping only lowers the scale: most amounts pass without the stripped copy
        if (value.signum() != 0 && value.precision() - value.scale() <= MAX_INTEGER_DIGITS && value.scale() <= MAX_DECIMALS) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.precision() - stripped.scale() <= MAX_INTEGER_DIGITS && stripped.scale() <= MAX_DECIMALS;
    }

    /** True for an amount >= 0 with at most 2 decimal places in value ({@code 12.500} has two). */
    public static boolean isMoney(BigDecimal value) {
        return value.signum() >= 0 && (value.scale() <= 2 || value.stripTrailingZeros().scale() <= 2);
    }

    /** True for a rate from 0 to 0.20. */
    public static boolean isDeductibleRate(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(MAX_DEDUCTIBLE_RATE) <= 0;
    }

    /** An amount that {@link #isMoney} as the contract holds it: scale 2, so equal amounts are equal records. */
    public static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Any other number as the contract holds it: 1e3 and 1000 are one value (a negative scale would print as 1E+3). */
    public static BigDecimal number(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    /**
     * How a number built in Java is shown in a message: as the codec shows the JSON number it writes
     * for it (plain digits, read back with the scale written).
     */
    public static String describe(BigDecimal value) {
        return shorten(value.scale() <= 0 ? value.toPlainString() : value.toString());
    }

    // ---------------------------------------------------------------------------------- dates

    /** What a date must be. */
    public static final String DATE = "must be a date yyyy-MM-dd";
    /** What a date-time must be. */
    public static final String DATE_TIME = "must be a date-time yyyy-MM-ddTHH:mm or yyyy-MM-ddTHH:mm:ss";

    private static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter DATE_TIME_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** True for a date JSON can hold: years 0000 to 9999. */
    public static boolean isDate(LocalDate date) {
        return date.getYear() >= 0 && date.getYear() <= 9999;
    }

    /** True for a date-time JSON can hold: years 0000 to 9999, whole seconds. */
    public static boolean isDateTime(LocalDateTime time) {
        return time.getYear() >= 0 && time.getYear() <= 9999 && time.getNano() == 0;
    }

    /** The date as the codec writes it. */
    public static String formatDate(LocalDate date) {
        // LocalDate.toString spells years 0..9999 as uuuu-MM-dd does, and much faster
        return isDate(date) ? date.toString() : DATE_FORMAT.format(date);
    }

    /** The date-time as the codec writes it (a fraction of a second is not written). */
    public static String formatDateTime(LocalDateTime time) {
        return (time.getSecond() == 0 && time.getNano() == 0 ? DATE_TIME_MINUTES : DATE_TIME_SECONDS).format(time);
    }

    /** How a date-time built in Java is shown in a message: as written, or with its fraction of a second. */
    public static String describe(LocalDateTime time) {
        return quote(time.getNano() == 0 ? formatDateTime(time) : time.toString());
    }

    // ---------------------------------------------------------------------------------- objects

    /** The message for a required field that is absent. */
    public static String missing(String name) {
        return "required field \"" + name + "\" is missing";
    }

    /**
     * A policy ending before it starts.
     *
     * @return the message on {@code endsOn}, or null when the dates are in order
     */
    public static String endsBeforeStart(LocalDate startsOn, LocalDate endsOn) {
        return endsOn.isBefore(startsOn) ? "must not be before startsOn " + startsOn + ", got " + quote(endsOn.toString())
                : null;
    }

    /**
     * The first lineId that repeats one before it.
     *
     * @return {@code {index, index of its first occurrence}}, or null when every lineId is unique
     */
    public static int[] repeatedLineId(List<String> lineIds) {
        if (lineIds.size() <= 8) { // most claims have a line or two: compared pairwise, nothing allocated
            for (int i = 1; i < lineIds.size(); i++) {
                for (int first = 0; first < i; first++) {
                    if (lineIds.get(i).equals(lineIds.get(first))) {
                        return new int[] {i, first};
                    }
                }
            }
            return null;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < lineIds.size(); i++) {
            Integer first = firstIndex.putIfAbsent(lineIds.get(i), i);
            if (first != null) {
                return new int[] {i, first};
            }
        }
        return null;
    }

    /** The message on the repeated lineId; {@code firstPath} is where it stood first, e.g. {@code lines[0]}. */
    public static String repeatedLineIdMessage(String lineId, String firstPath) {
        return "must be unique within the claim, got " + quote(lineId) + " again (already the lineId of " + firstPath + ")";
    }

    /**
     * What the claim's type requires, once every field is read: a repair claim's shop and lines, an
     * insurance claim's policy, an assistance claim's request, and no warranty failure before the
     * warranty period starts (default-rulebook.md, precise reading 15).
     *
     * @param linesGiven false when the claim has no {@code lines} field at all
     * @return the error with its field path from the claim's root, or null when the claim meets them
     */
    public static InputError typeRequirements(ClaimType type, boolean repairShop, boolean linesGiven, boolean linesEmpty,
            boolean policy, boolean assistance, LocalDate occurredOn, LocalDate periodStart) {
        boolean repairClaim = type != ClaimType.ASSISTANCE;
        if (repairClaim && !repairShop) {
            return requiredFor(type, "repairShop");
        }
        if (repairClaim && !linesGiven) {
            return requiredFor(type, "lines");
        }
        if (repairClaim && linesEmpty) {
            return new InputError("INVALID_FIELD", "lines", "must hold at least one line for " + type + " claims, got []");
        }
        if (type == ClaimType.INSURANCE && !policy) {
            return requiredFor(type, "policy");
        }
        if (type == ClaimType.ASSISTANCE && !assistance) {
            return requiredFor(type, "assistance");
        }
        if (type == ClaimType.WARRANTY && occurredOn.isBefore(periodStart)) {
            return new InputError("INVALID_FIELD", "incident.occurredOn", "must not be before the warranty period start "
                    + periodStart + " (vehicle.deliveredOn, else purchasedOn), got " + quote(occurredOn.toString()));
        }
        return null;
    }

    private static InputError requiredFor(ClaimType type, String field) {
        return new InputError("MISSING_FIELD", field,
                "required field \"" + field + "\" is missing or null: " + type + " claims need it");
    }
}

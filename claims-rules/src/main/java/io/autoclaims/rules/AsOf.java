package io.autoclaims.rules;

import io.autoclaims.model.Claim;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;

/**
 * Which date of a claim chooses the version of a {@link RulebookHistory} it is adjudicated with: the
 * incident date (the default, {@link #INCIDENT}), the submission date ({@link #SUBMITTED}), or one
 * fixed date for every claim ({@link #date(LocalDate)}). Immutable.
 *
 * <p>The incident date is the default because a claim's rights arise when its event happens: the
 * warranty or policy terms that cover a failure or an accident are those in force on the day it
 * occurred, whenever the claim reaches the adjudicator (see the README, "Rulebook history").
 */
public final class AsOf {
    private enum Kind { INCIDENT, SUBMITTED, DATE }

    /** The claim's {@code incident.occurredOn}: the default. */
    public static final AsOf INCIDENT = new AsOf(Kind.INCIDENT, null);
    /** The claim's {@code submittedOn}, the day it reached the adjudicator. */
    public static final AsOf SUBMITTED = new AsOf(Kind.SUBMITTED, null);

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final Kind kind;
    private final LocalDate date;

    private AsOf(Kind kind, LocalDate date) {
        this.kind = kind;
        this.date = date;
    }

    /**
     * Every claim as of one date, e.g. to see what a backlog would get under the rules of a day, or to
     * adjudicate again a verdict that names its as-of date.
     *
     * @param date the date
     * @return the setting
     */
    public static AsOf date(LocalDate date) {
        return new AsOf(Kind.DATE, Objects.requireNonNull(date, "date"));
    }

    /**
     * The setting as the command line takes it: {@code incident}, {@code submitted} or a date
     * {@code yyyy-MM-dd}.
     *
     * @param text the setting's text
     * @return the setting
     * @throws IllegalArgumentException when the text is none of these, in English and Chinese
     */
    public static AsOf parse(String text) {
        Objects.requireNonNull(text, "text");
        switch (text) {
            case "incident":
                return INCIDENT;
            case "submitted":
                return SUBMITTED;
            default:
                try {
                    return date(LocalDate.parse(text, ISO_DATE));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--as-of takes incident, submitted or a date yyyy-MM-dd, not \""
                            + text + "\" / --as-of 取值为 incident、submitted 或日期 yyyy-MM-dd，而不是 \"" + text + "\"");
                }
        }
    }

    /**
     * The claim's as-of date under this setting.
     *
     * @param claim the claim
     * @return its incident date, its submission date, or the fixed date
     */
    public LocalDate dateOf(Claim claim) {
        Objects.requireNonNull(claim, "claim");
        return switch (kind) {
            case INCIDENT -> claim.incident().occurredOn();
            case SUBMITTED -> claim.submittedOn();
            case DATE -> date;
        };
    }

    /** The dotted field an error about the as-of date names; null for a fixed date. */
    String field() {
        return switch (kind) {
            case INCIDENT -> "incident.occurredOn";
            case SUBMITTED -> "submittedOn";
            case DATE -> null;
        };
    }

    /**
     * The setting as {@link #parse} reads it.
     *
     * @return {@code incident}, {@code submitted} or the date
     */
    @Override
    public String toString() {
        return kind == Kind.DATE ? date.toString() : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsOf a && a.kind == kind && Objects.equals(a.date, date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, date);
    }
}

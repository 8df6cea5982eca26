package dev.newsbot.question;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a question says its news happened: "this week", "recently", "yesterday", "in the week before January 5,
 * 2024", "in March 2024". The window is the span of publication days it means, never after the question date.
 *
 * @param phrase   the words that said it, as written
 * @param from     the first day of the window
 * @param to       the last day of the window (the day of the news, or the question date for "this week")
 * @param explicit true when the question names its dates ("the week before January 5"), false when they are
 *                 relative to the day it was asked ("this week"): only a relative cue can outrun the articles
 * @param vague    true when the words set no bounds ("recently", "just", "latest"): the window is a guess
 */
public record TimeCue(String phrase, LocalDate from, LocalDate to, boolean explicit, boolean vague) {

    /** "the week before January 5, 2024", "the week of Jan. 5": seven days up to the named day. */
    private static final Pattern WEEK_OF = Pattern.compile("\\bweek (?:before|of|ending|to) " + MonthNames.WRITTEN
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?", Pattern.CASE_INSENSITIVE);
    /** "in March 2024", "in January": the named month. */
    private static final Pattern IN_MONTH = Pattern.compile("\\b(?:in|during|since|of) " + MonthNames.CAPITALISED + "(?:\\s+(\\d{4}))?\\b(?!\\s+\\d)");
    /** Relative cues and the days they reach back from the question date. */
    private static final Relative[] RELATIVE = {
        new Relative("\\b(?:today|tonight|yesterday|this morning)\\b", 2, false),
        new Relative("\\b(?:this|past) week(?:end)?\\b|\\bon (?:monday|tuesday|wednesday|thursday|friday|saturday"
                + "|sunday)\\b|\\bthis (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", 7, false),
        new Relative("\\blast week(?:end)?\\b|\\bdays ago\\b", 14, false),
        new Relative("\\b(?:this|past) month\\b", 31, false),
        new Relative("\\brecent(?:ly)?\\b|\\bjust\\b|\\blatest\\b", 31, true),
        new Relative("\\blast month\\b|\\bweeks ago\\b", 62, false),
    };

    public TimeCue {
        Objects.requireNonNull(phrase, "TimeCue.phrase must not be null");
        Objects.requireNonNull(from, "TimeCue.from must not be null");
        Objects.requireNonNull(to, "TimeCue.to must not be null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("TimeCue.to must not be before from, was " + from + " to " + to);
        }
    }

    /** The cue of {@code question} asked on {@code asked}, the most explicit one when it has several. */
    public static Optional<TimeCue> of(String question, LocalDate asked) {
        Objects.requireNonNull(asked, "asked");
        Optional<TimeCue> week = weekOf(question, asked);
        if (week.isPresent()) {
            return week;
        }
        Optional<TimeCue> month = inMonth(question, asked);
        return month.isPresent() ? month : relative(question, asked);
    }

    /** Whether {@code day} falls in the window. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static Optional<TimeCue> weekOf(String question, LocalDate asked) {
        Matcher m = WEEK_OF.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        int year = m.group(3) != null ? Integer.parseInt(m.group(3)) : asked.getYear();
        try {
            LocalDate end = LocalDate.of(year, MonthNames.parse(m.group(1)), Integer.parseInt(m.group(2)));
            return Optional.of(new TimeCue(m.group(), end.minusDays(7), end, true, false));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<TimeCue> inMonth(String question, LocalDate asked) {
        Matcher m = IN_MONTH.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        Month month = MonthNames.parse(m.group(1));
        int year = m.group(2) != null ? Integer.parseInt(m.group(2))
                : month.getValue() <= asked.getMonthValue() ? asked.getYear() : asked.getYear() - 1;
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate last = first.withDayOfMonth(month.length(Year.isLeap(year)));
        return first.isAfter(asked) ? Optional.empty()
                : Optional.of(new TimeCue(m.group(), first, last.isAfter(asked) ? asked : last, true, false));
    }

    private static Optional<TimeCue> relative(String question, LocalDate asked) {
        for (Relative r : RELATIVE) {
            Matcher m = r.pattern.matcher(question);
            if (m.find()) {
                return Optional.of(new TimeCue(m.group(), asked.minusDays(r.days), asked, false, r.vague));
            }
        }
        return Optional.empty();
    }

    private record Relative(Pattern pattern, int days, boolean vague) {
        Relative(String regex, int days, boolean vague) {
            this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), days, vague);
        }
    }
}

package dev.newsbot.question;

import java.time.Month;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place month names are read: the pattern fragments every date pattern is built from, and the month a
 * written name means. Shortened names are "Jan" to "Dec" and "Sept", each with an optional full stop.
 */
public final class MonthNames {

    /** Every month written out in lower case, for case-insensitive patterns: {@code january|...|december}. */
    public static final String FULL = Arrays.stream(Month.values()).map(m -> m.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining("|"));
    /**
     * A month written out or shortened, with its optional full stop, as one capturing group, for case-insensitive
     * patterns; "May" must be capitalised, so the verb "may" is no month.
     */
    public static final String WRITTEN = "(" + Arrays.stream(Month.values()).map(MonthNames::shortenable)
            .collect(Collectors.joining("|")) + ")\\.?";
    /** The same for case-sensitive patterns: the month's first letter must be a capital. */
    public static final String CAPITALISED = "(" + Arrays.stream(Month.values()).map(MonthNames::capitalised)
            .collect(Collectors.joining("|")) + ")\\.?";

    private MonthNames() {
    }

    /** The month a full or shortened name means ("Sept." is September). */
    public static Month parse(String name) {
        String prefix = name.strip().substring(0, 3).toUpperCase(Locale.ROOT);
        return Arrays.stream(Month.values()).filter(m -> m.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a month name: " + name));
    }

    /** "jan(?:uary)?", "sep(?:t(?:ember)?)?", "june?", and "(?-i:May)". */
    private static String shortenable(Month month) {
        String name = month.name().toLowerCase(Locale.ROOT);
        if (month == Month.MAY) {
            return "(?-i:May)";
        }
        if (month == Month.SEPTEMBER) {
            return "sep(?:t(?:ember)?)?";
        }
        return name.substring(0, 3) + (name.length() == 4 ? name.substring(3) + "?" : "(?:" + name.substring(3) + ")?");
    }

    private static String capitalised(Month month) {
        String pattern = shortenable(month);
        return month == Month.MAY ? "May" : Character.toUpperCase(pattern.charAt(0)) + pattern.substring(1);
    }
}

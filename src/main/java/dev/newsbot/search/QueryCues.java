package dev.newsbot.search;

import dev.newsbot.question.MonthNames;
import dev.newsbot.question.TimeCue;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a news question says about where to look, beyond its topic: whether it asks about recent events ("this
 * week", "recently"), which outlets it names ("according to The Verge"), and which publication days it names.
 *
 * @param recent  the question asks about the days just before it was asked
 * @param outlets the set's outlet names the question mentions, lower-cased
 * @param days    days the question names ("2023-11-24", "October 1st"), in the question date's year if no year
 * @param clauses the question's separate claims when it makes several, else empty
 * @param time    the span of days the question asks about ("this week", "the week before January 5"), if any
 */
public record QueryCues(boolean recent, Set<String> outlets, Set<LocalDate> days, List<String> clauses,
                        Optional<TimeCue> time) {

    /** Where a question's separate claims or sub-questions meet. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "\\s*(?:[,;:]\\s*(?:and|but|while|whereas|or)?|\\b(?:while|whereas|whilst|but|as well as|in contrast to"
                    + "|compared (?:to|with)|and (?:does|did|do|is|was|are|were|has|have|had)|or (?:does|did|is|was))"
                    + ")\\s+", Pattern.CASE_INSENSITIVE);
    private static final int MIN_CLAUSE_WORDS = 4;

    private static final Pattern RECENT = Pattern.compile("\\b(this|last|past) (week|weekend|month)\\b|\\brecent(ly)?\\b"
            + "|\\b(today|yesterday|tonight|latest|just|new(ly)?|now|currently|upcoming|on (monday|tuesday|wednesday"
            + "|thursday|friday|saturday|sunday))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DAY = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    /** A month, written out or shortened ("Oct." and "Sept" are October and September). */
    private static final String MONTH = MonthNames.WRITTEN;
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+(\\d{4}))?";
    /** "October 2", "Oct. 2nd, 2023". */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})" + ORDINAL + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    /** "2 October 2023", "2nd of Oct". */
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})" + ORDINAL + "\\s+(?:of\\s+)?" + MONTH + YEAR + "\\b", Pattern.CASE_INSENSITIVE);

    public QueryCues {
        outlets = inOrder(outlets);
        days = inOrder(days);
        clauses = List.copyOf(clauses);
        Objects.requireNonNull(time, "QueryCues.time must not be null");
    }

    /**
     * An unmodifiable copy that keeps the given order, so that outlets are visited in the same order on every run
     * ({@link Set#copyOf} varies its order from one JVM to the next); null elements are refused as there.
     */
    private static <T> Set<T> inOrder(Set<T> values) {
        values.forEach(Objects::requireNonNull);
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /** Reads the cues of {@code question} against the outlets of a set; {@code asked} dates the question. */
    public static QueryCues of(String question, Set<String> knownOutlets, LocalDate asked) {
        return new QueryCues(RECENT.matcher(question).find(), outletsNamed(question, knownOutlets),
                days(question, asked), clauses(question),
                asked == null ? Optional.empty() : TimeCue.of(question, asked));
    }

    /** The outlets of {@code knownOutlets} that {@code text} names, lower-cased ("the Verge" names The Verge). */
    public static Set<String> outletsNamed(String text, Set<String> knownOutlets) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> named = new LinkedHashSet<>();
        for (String outlet : knownOutlets) {
            if (mentions(lower, outlet.toLowerCase(Locale.ROOT))) {
                named.add(outlet.toLowerCase(Locale.ROOT));
            }
        }
        return named;
    }

    /**
     * {@code text} with every whole-word mention of a full outlet name blanked out, whatever its case, so that
     * what a claim says can be matched apart from who said it; {@code text} itself if nothing would be left.
     */
    public static String withoutOutlets(String text, Set<String> outlets) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            return text;
        }
        StringBuilder content = new StringBuilder(text);
        for (String outlet : outlets) {
            String name = outlet.toLowerCase(Locale.ROOT);
            wholeWordsAt(lower, name).forEach(at -> {
                for (int i = at; i < at + name.length(); i++) {
                    content.setCharAt(i, ' ');
                }
            });
        }
        return content.toString().isBlank() ? text : content.toString();
    }

    /**
     * The parts of a long question that make separate claims ("Does The Verge say X, while TechCrunch says Y?"),
     * each of at least a few words; a question of one part gives none.
     */
    public static List<String> clauses(String question) {
        List<String> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String part : CLAUSE_BREAK.split(question.strip())) {
            pending.append(pending.isEmpty() ? "" : " ").append(part.strip());
            if (pending.toString().split("\\s+").length >= MIN_CLAUSE_WORDS) {
                parts.add(pending.toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty() && !parts.isEmpty()) {
            parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + pending);
        }
        return parts.size() < 2 ? List.of() : parts;
    }

    /** Whether {@code question} holds {@code outlet} (both lower-case) as whole words; no regex per outlet. */
    private static boolean mentions(String question, String outlet) {
        String bare = outlet.startsWith("the ") ? outlet.substring(4) : outlet;
        return !wholeWordsAt(question, bare).isEmpty();
    }

    /** Where {@code word} (non-blank, same case as {@code text}) stands in {@code text} as whole words. */
    private static List<Integer> wholeWordsAt(String text, String word) {
        List<Integer> found = new ArrayList<>();
        if (word.isBlank()) {
            return found;
        }
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordChar(text.codePointBefore(at)))
                    && (end == text.length() || !isWordChar(text.codePointAt(end)))) {
                found.add(at);
            }
        }
        return found;
    }

    /** {@code \p{L}} or {@code \p{N}}: a letter, or a number of any kind. */
    private static boolean isWordChar(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetter(codePoint) || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static Set<LocalDate> days(String question, LocalDate asked) {
        Set<LocalDate> days = new LinkedHashSet<>();
        Matcher iso = ISO_DAY.matcher(question);
        while (iso.find()) {
            try {
                days.add(LocalDate.parse(iso.group(1)));
            } catch (DateTimeParseException e) {
                // not a real day: ignore it
            }
        }
        Matcher md = MONTH_DAY.matcher(question);
        while (md.find()) {
            writtenDay(md.group(1), md.group(2), md.group(3), asked).ifPresent(days::add);
        }
        Matcher dm = DAY_MONTH.matcher(question);
        while (dm.find()) {
            writtenDay(dm.group(2), dm.group(1), dm.group(3), asked).ifPresent(days::add);
        }
        return days;
    }

    /** The day a written date names, in the question date's year if it gives none; empty if there is no such day. */
    private static Optional<LocalDate> writtenDay(String monthName, String dayText, String yearText, LocalDate asked) {
        int year = yearText != null ? Integer.parseInt(yearText) : asked != null ? asked.getYear() : -1;
        int day = Integer.parseInt(dayText);
        Month month = MonthNames.parse(monthName);
        if (year <= 0 || day < 1 || day > month.length(Year.isLeap(year))) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(year, month, day));
    }

    /** Whether an article from {@code outlet} is one the question names. */
    public boolean namesOutlet(String outlet) {
        return outlet != null && outlets.contains(outlet.toLowerCase(Locale.ROOT));
    }
}

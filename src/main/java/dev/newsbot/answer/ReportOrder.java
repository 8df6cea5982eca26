package dev.newsbot.answer;

import dev.newsbot.search.QueryCues;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question about the order of two reports: "Did Engadget report X before The Verge reported Y?". Both sides
 * name an outlet, and the second side opens with its outlet ("before The Verge reported ...") or says who
 * reported it ("... was reported by The Age"), so "after a 1-4 start" or "after an injury" are not read as one.
 *
 * @param first  what the first report says, with its outlet
 * @param second what the second report says, with its outlet
 * @param before true for "before" (the first report came out earlier), false for "after"
 */
record ReportOrder(String first, String second, boolean before) {

    private static final Pattern ORDER = Pattern.compile(
            "^(?:did|was|were|is|has|had)\\b(.+?)\\b(before|after|prior to|earlier than|later than)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NEGATION = Pattern.compile("\\b(not|fail|fails|failed|never)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPENING = Pattern.compile("^[\\s'\"‘’“”]*(?:the\\s+)?[\\s'\"‘’“”]*");
    private static final Pattern BY_OUTLET = Pattern.compile("\\b(?:reported|published|covered|mentioned|discussed)\\s+(?:by|in)\\s+",
            Pattern.CASE_INSENSITIVE);

    /** The order a yes/no question asks about, if it asks about one between reports of the known outlets. */
    static Optional<ReportOrder> of(String question, Set<String> outlets) {
        Matcher m = ORDER.matcher(question.strip());
        if (!m.find() || NEGATION.matcher(m.group(1)).find()) {
            return Optional.empty();
        }
        String first = m.group(1).strip();
        String second = m.group(3).strip();
        if (!namesAnOutlet(first, outlets) || !opensWithOrCreditsOutlet(second, outlets)) {
            return Optional.empty();
        }
        String relation = m.group(2).toLowerCase(Locale.ROOT);
        return Optional.of(new ReportOrder(first, second, relation.equals("before") || relation.equals("prior to")
                || relation.equals("earlier than")));
    }

    /**
     * The answer given the two reports' dates: "Yes." or "No.", or empty when a date is missing or they fall on
     * the same day.
     */
    Optional<String> answer(Optional<LocalDate> firstDate, Optional<LocalDate> secondDate) {
        if (firstDate.isEmpty() || secondDate.isEmpty() || firstDate.get().equals(secondDate.get())) {
            return Optional.empty();
        }
        boolean earlier = firstDate.get().isBefore(secondDate.get());
        return Optional.of(earlier == before ? "Yes." : "No.");
    }

    private static boolean namesAnOutlet(String text, Set<String> outlets) {
        return !QueryCues.outletsNamed(text, outlets).isEmpty();
    }

    private static boolean opensWithOrCreditsOutlet(String text, Set<String> outlets) {
        String opening = OPENING.matcher(text).replaceFirst("").toLowerCase(Locale.ROOT);
        Matcher by = BY_OUTLET.matcher(text);
        String credited = by.find() ? text.substring(by.end()).toLowerCase(Locale.ROOT) : "";
        return outlets.stream().map(o -> o.toLowerCase(Locale.ROOT))
                .anyMatch(o -> opening.startsWith(o) || credited.startsWith(o));
    }
}

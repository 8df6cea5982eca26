package dev.newsbot.answer;

import dev.newsbot.question.MonthNames;
import dev.newsbot.search.RetrievedPassage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls a quiz-style short answer out of the sentence that states the asked fact: the count for "how many" and
 * "how much" ("six months" is given as "6 months"; the word after the number is kept only when the question counts
 * in it), the date for "when", the place for "where" and "which country/state", and for "who" and "which
 * company/team/..." the name the evidence is most about. The sentence stays the cited support.
 */
final class ShortAnswer {

    private static final ShortAnswerWeights W = ShortAnswerWeights.DEFAULT;

    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"),
            Map.entry("eleven", "11"), Map.entry("twelve", "12"), Map.entry("twenty", "20"), Map.entry("thirty", "30"),
            Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("hundred", "100"));
    private static final Pattern COUNT = Pattern.compile(
            "(?<![\\w.$])(\\$|€|£)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:[-–]\\d+)?(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
                    + "|twelve|twenty|thirty|forty|fifty|hundred)(%| percent)?(?:\\s+(million|billion|trillion|thousand))?"
                    + "(?:\\s+([a-z][a-z-]+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("\\b((?:on |in |by |since )?(?:(?:" + MonthNames.FULL
            + ")(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?"
            + "(?:,?\\s+\\d{4})?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:19|20)\\d\\d))\\b",
            Pattern.CASE_INSENSITIVE);

    /** "Which month", "what year", "on which day", "what date": the part of a date the question asks for. */
    private static final Pattern ASKED_DATE_PART = Pattern.compile("\\b(?:what|which)\\s+(month|year|day|date|time)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A time of day ("8 a.m.", "10:30 pm", "noon"), the only answer to "what time". */
    private static final Pattern CLOCK = Pattern.compile(
            "(?i)\\b\\d{1,2}(?::\\d\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)|\\b(?:noon|midnight)\\b");
    private static final Pattern MONTH_NAME = Pattern.compile("(?i)\\b(?:" + MonthNames.FULL + ")\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");
    private static final Pattern DAY = Pattern.compile("(?i)\\b(?:monday|tuesday|wednesday|thursday|friday|saturday"
            + "|sunday)\\b|[a-z]\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!\\s*\\d)");


    private ShortAnswer() {
    }

    /** The short answer to {@code profile}'s question in {@code sentence}, if the sentence has one. */
    static Optional<String> of(QuestionProfile profile, String sentence, List<RetrievedPassage> evidence) {
        return switch (profile.type) {
            case NUMBER -> count(profile, sentence);
            case DATE -> date(profile.text(), sentence);
            case PLACE -> profile.placeAfterTopic(sentence)
                    .or(() -> profile.places(sentence).stream().findFirst().map(Places.Place::name));
            case PERSON, OTHER -> named(profile, sentence, evidence);
            default -> Optional.empty();
        };
    }

    /** The name given right after the asked noun, else the one the evidence is most about. */
    private static Optional<String> named(QuestionProfile profile, String sentence, List<RetrievedPassage> evidence) {
        List<String> names = profile.newNames(sentence);
        return profile.namedAfterAskedNoun(sentence, names).or(() -> mostMentioned(names, evidence));
    }

    /**
     * Of the names a sentence offers, the one the evidence mentions most ({@link #mentionKey}: "Altman" counts for
     * "Sam Altman"); the earliest on a tie. The answer to "who" is usually who the reports are about.
     */
    private static Optional<String> mostMentioned(List<String> names, List<RetrievedPassage> evidence) {
        if (names.size() < 2) {
            return names.stream().findFirst();
        }
        String best = null;
        long bestCount = -1;
        for (String name : names) {
            Pattern last = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(mentionKey(name)) + "(?![\\p{L}\\p{N}])");
            long count = evidence.stream().mapToLong(p -> last.matcher(p.passage().text()).results().count()).sum();
            if (count > bestCount) {
                best = name;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * What a later mention of {@code name} looks like: a person's surname ("Altman" for "Sam Altman"), but the
     * whole of a name built with "of" or "&" ("CEO of FTX" is not mentioned by every "FTX").
     */
    private static String mentionKey(String name) {
        if (name.matches(".*\\s(?:of|&)\\s.*")) {
            return name;
        }
        String[] words = name.split("\\s+");
        return words[words.length - 1];
    }

    private static Optional<String> count(QuestionProfile profile, String sentence) {
        Matcher m = COUNT.matcher(sentence);
        String best = null;
        double bestScore = -1;
        while (m.find()) {
            String number = m.group(2).toLowerCase(Locale.ROOT);
            if (profile.numbers.contains(number.replace(",", "")) || isYear(m) || !fitsAskedUnit(profile, m)) {
                continue;
            }
            double score = profile.typeMatch(sentence.substring(Math.max(0, m.start() - 25),
                    Math.min(sentence.length(), m.end() + 25))) + (countsTheAskedThing(profile, sentence, m) ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = render(m, profile);
            }
        }
        return bestScore < requiredCountScore(profile) ? Optional.empty() : Optional.ofNullable(best);
    }

    /** Whether a count can answer a question asking for a percentage: only a share in per cent, not "1 in 7". */
    private static boolean fitsAskedUnit(QuestionProfile profile, Matcher m) {
        return !profile.asksPercentage() || m.group(3) != null;
    }

    /**
     * How well a count must fit to be given as the answer: when the question counts something specific ("how many
     * attackers"), the count must name it too, or it is likely a count of something else ("59" killed); a count
     * of people or of nothing named needs only to sit by the asked words.
     */
    private static double requiredCountScore(QuestionProfile profile) {
        return profile.countsSomethingSpecific() ? 2 : 0;
    }

    /**
     * Whether the words right after the number name what the question counts ("approximately 30 hostages" for
     * "how many hostages", not "10-15 gunmen" in the same sentence).
     */
    private static boolean countsTheAskedThing(QuestionProfile profile, String sentence, Matcher m) {
        String after = sentence.substring(m.start(2) + m.group(2).length());
        String[] words = after.strip().split("\\s+", W.countedNounWindow() + 1);
        String window = String.join(" ", java.util.Arrays.asList(words).subList(0,
                Math.min(W.countedNounWindow(), words.length)));
        return profile.namesCounted(window);
    }

    private static boolean isYear(Matcher m) {
        return m.group(1) == null && m.group(3) == null && m.group(4) == null && m.group(2).matches("(19|20)\\d\\d");
    }

    private static String render(Matcher m, QuestionProfile profile) {
        String number = WORDS.getOrDefault(m.group(2).toLowerCase(Locale.ROOT), m.group(2));
        StringBuilder out = new StringBuilder();
        if (m.group(1) != null) {
            out.append(m.group(1));
        }
        out.append(number);
        if (m.group(3) != null) {
            out.append('%');
        }
        if (m.group(4) != null) {
            out.append(' ').append(m.group(4));
        }
        if (m.group(5) != null && profile.countsIn(m.group(5).toLowerCase(Locale.ROOT))) {
            out.append(' ').append(m.group(5));
        }
        return out.toString();
    }

    /**
     * The first date in {@code sentence} that gives the part of a date the question asks for: a month for "which
     * month", a year for "what year", a weekday or a day of a month for "which day" or "what date", any for "when";
     * for "what time", the time of day ("8 a.m."), never a date.
     * "2024." is no answer to "During which month are the Paris Olympics set to begin?": without such a date, no lead.
     */
    private static Optional<String> date(String question, String sentence) {
        Matcher asked = ASKED_DATE_PART.matcher(question);
        Pattern part = !asked.find() ? null : switch (asked.group(1).toLowerCase(Locale.ROOT)) {
            case "month" -> MONTH_NAME;
            case "year" -> YEAR;
            case "time" -> CLOCK;
            default -> DAY;
        };
        if (part == CLOCK) {
            Matcher clock = CLOCK.matcher(sentence);
            return clock.find() ? Optional.of(clock.group()) : Optional.empty();
        }
        Matcher m = DATE.matcher(sentence);
        while (m.find()) {
            String date = m.group(1).replaceFirst("^(?i)(on|in|by|since) ", "");
            if (part == null || part.matcher(date).find()) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }
}

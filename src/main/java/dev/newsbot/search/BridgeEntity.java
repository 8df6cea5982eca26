package dev.newsbot.search;

import dev.newsbot.index.TextAnalyzer;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a many-part question is about without saying it: "Who is the individual whose trial …, as reported by
 * TechCrunch and The Verge?" is about Bankman-Fried, "Which company … according to The Age?" about Google. It is
 * the name that most of the best-ranked articles share and the question itself does not hold, known by its last
 * word ("Bankman-Fried" for "Sam Bankman-Fried", "Google"). Names in a text are taken in text order, so a tie goes
 * to the one the best-ranked article names first.
 */
final class BridgeEntity {

    /** Capitalised word runs; the first letter of a sentence is capitalised too, hence the stop-word test. */
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}'’-]*)*");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}'’-]+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");
    /** Shorter last words ("US", "CEO", "Inc") say too little about what an article is about. */
    static final int MIN_LENGTH = 4;
    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    /** Days and months are capitalised but name no one. */
    private static final Set<String> CALENDAR = calendarWords();

    private BridgeEntity() {
    }

    /**
     * The last word, lower-cased, of the name that at least {@code minArticles} of {@code articles} (each given as
     * its title and best passage) mention and that neither the question nor an outlet name holds; the most
     * shared one, the better-ranked article's on a tie.
     */
    static Optional<String> of(String question, List<String> articles, Set<String> outlets, int minArticles) {
        Set<String> known = words(question);
        outlets.forEach(outlet -> known.addAll(words(outlet)));
        Map<String, Integer> articlesWith = new LinkedHashMap<>();
        for (String text : articles) {
            namesIn(text, known).forEach(name -> articlesWith.merge(name, 1, Integer::sum));
        }
        return articlesWith.entrySet().stream().filter(e -> e.getValue() >= minArticles)
                .reduce((best, next) -> next.getValue() > best.getValue() ? next : best).map(Map.Entry::getKey);
    }

    /** Whether {@code text} holds {@code name} (lower case) as a whole word, in any case ("Google's" holds it). */
    static boolean mentions(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !isNamePart(lower.charAt(at - 1))) && (end == lower.length() || !isNamePart(lower.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }

    private static Set<String> namesIn(String text, Set<String> known) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            String[] parts = m.group().split("\\s+");
            String last = POSSESSIVE.matcher(parts[parts.length - 1].toLowerCase(Locale.ROOT)).replaceAll("");
            if (last.length() >= MIN_LENGTH && !known.contains(last) && !CALENDAR.contains(last)
                    && !ANALYZER.terms(last).isEmpty()) {
                names.add(last);
            }
        }
        return names;
    }

    private static Set<String> calendarWords() {
        Set<String> words = new HashSet<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            words.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        for (Month month : Month.values()) {
            words.add(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(words);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            words.add(POSSESSIVE.matcher(word).replaceAll(""));
        }
        return words;
    }
}

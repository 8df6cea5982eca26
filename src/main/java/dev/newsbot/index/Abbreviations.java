package dev.newsbot.index;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Abbreviations written with a full stop, after which the sentence model often ends a sentence that goes on:
 * "found Jan." | "12 miles away", "St." | "Louis", "U.S." | "officials". Which abbreviation joins before what is
 * read from {@code abbreviations.txt}, whose header states the rules. Besides the list, an initial (a capital
 * letter after a capitalised word, "Philip N." | "Cohen wrote") joins before a capital; "I." does not, as
 * "World War I." ends sentences. Thread-safe.
 */
final class Abbreviations {

    enum Kind { MONTH, NUMBER, TITLE, PLACE, COUNTRY, TIME, JOINING, OTHER }

    private static final Abbreviations BUNDLED = parse(WordList.lines(Abbreviations.class, "abbreviations.txt"));
    private static final Pattern INITIAL = Pattern.compile("[A-HJ-Z]\\.");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}(?:[\\p{L}'’-]*\\p{L}|\\.)");
    /** The letters and full stops that end a word: "Gov." in "then-Gov." and "More:Gov.", "U.S." in "(U.S.". */
    private static final Pattern ENDING = Pattern.compile("[\\p{L}.]+$");
    /** Characters of a word's end searched for an abbreviation: far more than the longest one has. */
    private static final int TAIL_CHARS = 64;
    private static final Pattern FIRST_WORD = Pattern.compile("^\\p{Lu}\\p{L}*");

    private final Map<String, Kind> kinds;
    private final Set<String> countryNames;
    private final Set<String> timeWords;

    private Abbreviations(Map<String, Kind> kinds, Set<String> countryNames, Set<String> timeWords) {
        this.kinds = Map.copyOf(kinds);
        this.countryNames = Set.copyOf(countryNames);
        this.timeWords = Set.copyOf(timeWords);
    }

    static Abbreviations bundled() {
        return BUNDLED;
    }

    /** Reads lines of {@code kind: entries}; the words after country and time abbreviations are kinds too. */
    static Abbreviations parse(List<String> lines) {
        Map<String, Kind> kinds = new HashMap<>();
        Set<String> countryNames = new HashSet<>();
        Set<String> timeWords = new HashSet<>();
        for (WordList.KindLine line : WordList.kindLines("abbreviations", lines)) {
            List<String> entries = List.of(line.entries().split("\\s+"));
            switch (line.kind()) {
                case "country-names" -> countryNames.addAll(entries);
                case "time-words" -> timeWords.addAll(entries);
                default -> {
                    Kind k = kindOf(line.kind(), line.number());
                    entries.forEach(e -> kinds.put(e, k));
                }
            }
        }
        return new Abbreviations(kinds, countryNames, timeWords);
    }

    private static Kind kindOf(String name, int line) {
        try {
            return Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("abbreviations line " + line + " has an unknown kind: " + name, e);
        }
    }

    /**
     * The last {@value #TAIL_CHARS} characters of {@code word}: more than any abbreviation, so the ending found in
     * them is an abbreviation or an initial exactly when the whole word's is, while a word of a million letters
     * is not searched from every one of its characters.
     */
    private static String tail(String word) {
        if (word.length() <= TAIL_CHARS) {
            return word;
        }
        int from = word.length() - TAIL_CHARS;
        return word.substring(Character.isLowSurrogate(word.charAt(from)) ? from + 1 : from);
    }

    /**
     * Whether the sentence model's piece {@code piece} goes on in the piece {@code next} that follows it in the same
     * paragraph: {@code piece} ends in an abbreviation and {@code next} does not clearly start a new sentence.
     */
    boolean continues(String piece, String next) {
        String[] words = piece.strip().split("\\s+");
        Matcher ending = ENDING.matcher(tail(words[words.length - 1]));
        String last = ending.find() ? ending.group() : "";
        String before = words.length > 1 ? words[words.length - 2] : "";
        String rest = next.strip();
        if (rest.isEmpty()) {
            return false;
        }
        int first = rest.codePointAt(0);
        Kind kind = kinds.get(last);
        if (kind == null) {
            return INITIAL.matcher(last).matches() && CAPITALISED.matcher(before).matches()
                    && Character.isUpperCase(first);
        }
        if (kind == Kind.JOINING || Character.isLowerCase(first) || Character.isDigit(first)) {
            return true;
        }
        Matcher nextWord = FIRST_WORD.matcher(rest);
        if (!nextWord.find()) {
            return false;
        }
        return switch (kind) {
            case TITLE, PLACE -> true;
            case COUNTRY -> words.length == 1 || countryNames.contains(nextWord.group());
            case TIME -> timeWords.contains(nextWord.group());
            default -> false;
        };
    }
}

package dev.newsbot.answer;

import dev.newsbot.index.WordList;
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
 * Qualities a question asks for by their kind ("what colour", "what shape", "what size", "what material") and the
 * words that name them, read from {@code attributes.txt}. A sentence answers such a question when it has one.
 */
final class Attributes {

    /** Each spelling of a kind ("colour", "color") with the words of that kind. */
    private static final Map<String, Set<String>> WORDS = parse(WordList.lines(Attributes.class, "attributes.txt"));
    private static final Pattern ASKED = Pattern.compile("\\b(?:what|which)\\s+(?:(?:is|was|are|were)\\s+(?:the\\s+)?)?("
            + String.join("|", WORDS.keySet()) + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

    private Attributes() {
    }

    /** The kind a question asks for, as it spells it: "colour" for "What colour is ...?"; empty for others. */
    static Optional<String> asked(String question) {
        Matcher m = ASKED.matcher(question);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The words of {@code kind}: "orange", "blue", ... for "colour". */
    static Set<String> words(String kind) {
        return WORDS.getOrDefault(kind, Set.of());
    }

    /** Whether {@code sentence} has a word of {@code kind}. */
    static boolean named(String kind, String sentence) {
        Set<String> words = words(kind);
        return NOT_LETTERS.splitAsStream(sentence.toLowerCase(Locale.ROOT)).anyMatch(words::contains);
    }

    static Map<String, Set<String>> parse(List<String> lines) {
        Map<String, Set<String>> words = new LinkedHashMap<>();
        for (WordList.KindLine line : WordList.kindLines("attributes", lines)) {
            List<String> entries = List.of(line.entries().split("\\s+"));
            for (String kind : line.kind().split("\\s+")) {
                words.computeIfAbsent(kind, k -> new LinkedHashSet<>()).addAll(entries);
            }
        }
        words.replaceAll((kind, set) -> Set.copyOf(set));
        return Map.copyOf(words);
    }
}

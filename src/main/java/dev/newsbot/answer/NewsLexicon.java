package dev.newsbot.answer;

import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.index.WordList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Words that news reports use interchangeably for the facts people most often ask about: a question about
 * people "killed" is answered by a "death toll", "injured" by "wounded", "won" by "beat". The groups are the lines of
 * {@code news-lexicon.txt}; each is stemmed with the same analyzer as the text, so it matches every inflection.
 */
final class NewsLexicon {

    /** The groups, one a line of the bundled word list. */
    private static final List<String> GROUPS = WordList.lines(NewsLexicon.class, "news-lexicon.txt").stream()
            .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();

    private final Map<String, Set<String>> related = new HashMap<>();

    NewsLexicon(TextAnalyzer analyzer) {
        for (String group : GROUPS) {
            Set<String> stems = new HashSet<>(analyzer.terms(group));
            for (String stem : stems) {
                related.computeIfAbsent(stem, s -> new HashSet<>()).addAll(stems);
            }
        }
        for (List<String> forms : Places.bundled().formGroups()) {
            relate(analyzer, forms);
        }
        related.forEach((stem, others) -> others.remove(stem));
    }

    /**
     * A place named in one word and each of its other one-word forms ("Kenya" and "Kenyan", "China" and "Beijing"),
     * so that "the Kenyan capital" answers a question about Kenya's capital. The forms are not related to each
     * other ("English" is not "Scottish"), and forms of several words are left out: their words mean other things.
     */
    private void relate(TextAnalyzer analyzer, List<String> forms) {
        Optional<String> name = oneTerm(analyzer, forms.get(0));
        if (name.isEmpty()) {
            return;
        }
        for (String form : forms.subList(1, forms.size())) {
            oneTerm(analyzer, form).filter(other -> !other.equals(name.get())).ifPresent(other -> {
                related.computeIfAbsent(name.get(), s -> new HashSet<>()).add(other);
                related.computeIfAbsent(other, s -> new HashSet<>()).add(name.get());
            });
        }
    }

    private static Optional<String> oneTerm(TextAnalyzer analyzer, String form) {
        List<String> terms = analyzer.terms(form);
        return terms.size() == 1 && !form.contains(" ") ? Optional.of(terms.get(0)) : Optional.empty();
    }

    /** Stems used interchangeably with {@code stem} in news; empty when none. */
    Set<String> related(String stem) {
        return related.getOrDefault(stem, Set.of());
    }
}

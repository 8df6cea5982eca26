package dev.newsbot.answer;

import dev.newsbot.search.RetrievedPassage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives a surname its full name: news reports name a person in full once ("Sam Altman") and by surname after
 * ("Altman said ..."), so a short answer taken from a later sentence is completed from the rest of the evidence,
 * the answer's own article first.
 */
final class FullNames {

    private FullNames() {
    }

    /**
     * {@code answer} completed to the longest name ending with it in the answer's article, else in the other
     * retrieved passages; {@code answer} itself when it is more than one word or no longer form is found.
     */
    static String expand(String answer, Candidate source, List<RetrievedPassage> passages) {
        if (answer.isBlank() || answer.contains(" ") || !Character.isUpperCase(answer.charAt(0))) {
            return answer;
        }
        String sameArticle = longest(answer, passages.stream()
                .filter(p -> p.article().id().equals(source.from().article().id())).toList());
        return sameArticle != null ? sameArticle : Objects.requireNonNullElse(longest(answer, passages), answer);
    }

    /** The most frequent longer name ending in {@code surname} in {@code passages}, or null. */
    private static String longest(String surname, List<RetrievedPassage> passages) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RetrievedPassage passage : passages) {
            for (String sentence : passage.passage().sentences()) {
                for (String name : Facts.namesInOrder(sentence)) {
                    if (name.endsWith(" " + surname) && name.split("\\s+").length <= 3) {
                        counts.merge(name, 1, Integer::sum);
                    }
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}

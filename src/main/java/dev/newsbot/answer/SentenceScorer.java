package dev.newsbot.answer;

import dev.newsbot.index.TextAnalyzer;
import dev.newsbot.search.RetrievedPassage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores every sentence of the retrieved passages as an answer to a question. The score weighs question-term
 * overlap (rare terms and names count more), the passage's embedding similarity to the question, and whether the
 * sentence holds the kind of fact asked for (a number for "how many", a name for "who", a date for "when").
 * A sentence whose subject is a pronoun counts the topic words of the sentence before it as its own. Sentences
 * that state nothing of the report (headlines, captions, bylines, links; {@link NotStatements}) are
 * never candidates.
 */
final class SentenceScorer {

    private static final SentenceWeights W = SentenceWeights.DEFAULT;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[“”„‟″«»]");
    /**
     * A sentence whose subject is a pronoun ("It cost 4.2 million euros"): it is judged with the sentence before
     * it, which names what it is about.
     */
    private static final Pattern PRONOUN_SUBJECT = Pattern.compile("^\\W*(?:It|He|She|They|Its|His|Her|Their)\\b");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[‘’‚‛′`]");

    private final TextAnalyzer analyzer;

    SentenceScorer(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<Candidate> score(QuestionProfile question, List<RetrievedPassage> passages) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int rank = 0; rank < passages.size(); rank++) {
            RetrievedPassage passage = passages.get(rank);
            Set<String> surroundings = new HashSet<>(analyzer.terms(passage.article().title()));
            surroundings.addAll(analyzer.terms(passage.passage().text()));
            List<String> sentences = passage.passage().sentences();
            for (int i = 0; i < sentences.size(); i++) {
                String sentence = sentences.get(i);
                if (wordCount(sentence) >= W.minWords() && NotStatements.isStatement(sentence)
                        && seen.add(sameText(sentence))) {
                    Set<String> antecedent = i > 0 && PRONOUN_SUBJECT.matcher(sentence).find()
                            ? Set.copyOf(analyzer.terms(sentences.get(i - 1))) : Set.of();
                    candidates.add(candidate(question, passage, rank, sentence, antecedent, surroundings));
                }
            }
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
        return candidates;
    }

    private Candidate candidate(QuestionProfile question, RetrievedPassage passage, int rank, String sentence,
                                Set<String> antecedent, Set<String> surroundings) {
        Set<String> terms = new LinkedHashSet<>(analyzer.terms(sentence));
        double coverage = question.coverage(terms, antecedent, surroundings);
        double context = question.coverage(surroundings);
        double typeMatch = question.typeMatch(sentence);
        double score = W.coverage() * coverage + W.context() * context + W.similarity() * Math.max(0, passage.similarity())
                + W.type() * typeMatch + W.rank() / (1 + rank);
        if (isBackground(question, passage, sentence)) {
            score *= W.background();
        }
        return new Candidate(passage, rank, sentence, terms, coverage, context, typeMatch, score);
    }

    /**
     * Whether a sentence recalls an earlier event: it names a year before its article's own that the question
     * does not ask about ("the worst attack since a bombing killed 200 people in 1998").
     */
    static boolean isBackground(QuestionProfile question, RetrievedPassage passage, String sentence) {
        if (passage.article().publishedDate().isEmpty()) {
            return false;
        }
        int year = passage.article().publishedDate().get().getYear();
        return Facts.years(sentence).stream().anyMatch(y -> y < year - 1 && !question.numbers.contains(String.valueOf(y)));
    }

    /**
     * What two sentences share when they say the same in other case, white space or quote marks, as syndicated
     * copies of a report do: a reply quotes such a sentence once.
     */
    static String sameText(String sentence) {
        String quotes = SINGLE_QUOTES.matcher(DOUBLE_QUOTES.matcher(sentence).replaceAll("\"")).replaceAll("'");
        return WHITESPACE.matcher(quotes.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static int wordCount(String sentence) {
        return sentence.strip().split("\\s+").length;
    }
}

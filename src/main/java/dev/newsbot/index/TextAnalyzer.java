package dev.newsbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lower-cases, drops stop words (English ones and question words such as "who", "many", "according") and stems
 * text into the terms that keyword search and sentence scoring compare. Thread-safe.
 */
public final class TextAnalyzer {

    private static final List<String> QUESTION_WORDS = List.of(
            "who", "whom", "whose", "what", "when", "where", "which", "why", "how", "many", "much", "did", "does",
            "do", "has", "have", "had", "was", "were", "been", "being", "is", "are", "am", "can", "could", "would",
            "should", "may", "might", "shall", "will", "according", "report", "reported", "reports", "article",
            "news", "recently", "recent", "week", "this", "that", "these", "those", "from", "about", "after",
            "before", "than", "its", "his", "her", "our", "your", "they", "them", "he", "she", "we", "you", "i",
            "me", "my", "also", "some", "any", "all", "both", "either", "neither", "whether", "between", "same",
            "one", "said", "say", "says", "tell", "us", "over", "last", "new", "out", "up", "there", "much");

    private final Analyzer analyzer;

    public TextAnalyzer() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(QUESTION_WORDS);
        this.analyzer = new EnglishAnalyzer(stop);
    }

    /**
     * Every word the analyzer drops (English stop words, then question words), so that an external engine
     * (OpenSearch's {@code english} analyzer) can be set up to index the same terms.
     */
    public static List<String> stopWords() {
        List<String> words = new ArrayList<>();
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            words.add(word instanceof char[] chars ? new String(chars) : word.toString());
        }
        QUESTION_WORDS.stream().filter(w -> !words.contains(w)).forEach(words::add);
        return List.copyOf(words);
    }

    /** The Lucene analyzer behind {@link #terms}, for indexing with the same rules. */
    Analyzer luceneAnalyzer() {
        return analyzer;
    }

    /** The stemmed content terms of {@code text}, in order, with repeats. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}

package dev.newsbot.retrieval;

import dev.langchain4j.data.document.splitter.DocumentBySentenceSplitter;
import dev.newsbot.articles.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an article into passages of whole sentences that, with the article's title in front, stay within
 * {@link #maxTokens()} model tokens. The embedding model reads only 128 tokens and silently drops the rest, so
 * the limit keeps every passage fully seen. A sentence longer than the budget is cut between words.
 *
 * <p>Sentences come from OpenNLP's English sentence model (through LangChain4j), paragraph by paragraph.
 */
public final class PassageSplitter {

    /** Default token budget for title plus passage; with the model's two special tokens, 112 of its 128. */
    public static final int DEFAULT_MAX_TOKENS = 110;
    /** Titles longer than this many tokens are cut for embedding. */
    public static final int MAX_TITLE_TOKENS = 32;

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final TokenCounter tokens;
    private final int maxTokens;
    /** Titles written with a full stop before a name: a sentence never ends on one. */
    private static final Pattern TITLE_AT_END = Pattern.compile(
            "(?<![\\p{L}.])(?:Lt|Sgt|Dr|Gen|Gov|Rep|Sen|Mr|Mrs|Ms|Prof|Capt|Col|Maj|Cmdr|Adm|Rev|Mt|Ft|St)\\.$");
    private final DocumentBySentenceSplitter sentenceSplitter;

    public PassageSplitter(TokenCounter tokens, int maxTokens) {
        if (maxTokens < MAX_TITLE_TOKENS + 16) {
            throw new IllegalArgumentException("maxTokens must be at least " + (MAX_TITLE_TOKENS + 16)
                    + ", was " + maxTokens);
        }
        this.tokens = tokens;
        this.maxTokens = maxTokens;
        this.sentenceSplitter = new DocumentBySentenceSplitter(Integer.MAX_VALUE, 0);
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** Names the settings that shape passages; a snapshot built with other settings is not reused. */
    public String settings() {
        return "sentences-v2;maxTokens=" + maxTokens + ";titleTokens=" + MAX_TITLE_TOKENS;
    }

    /** The title as it is put in front of every passage: cut to {@link #MAX_TITLE_TOKENS} when longer. */
    public String embeddingTitle(Article article) {
        return fitWords(article.title(), MAX_TITLE_TOKENS).get(0);
    }

    /**
     * Splits one article into passages, in article order. Each sentence is counted once: token counts add up over
     * texts joined by white space, so a passage's count is its title's plus its sentences'.
     */
    public List<Passage> split(Article article) {
        String title = embeddingTitle(article);
        int titleTokens = tokens.count(title + "\n");
        List<Passage> passages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int used = titleTokens;
        for (Counted sentence : countedSentences(article.body(), maxTokens - titleTokens)) {
            if (!current.isEmpty() && used + sentence.tokens() > maxTokens) {
                passages.add(new Passage(article.id(), passages.size(), current));
                current = new ArrayList<>();
                used = titleTokens;
            }
            current.add(sentence.text());
            used += sentence.tokens();
        }
        if (!current.isEmpty()) {
            passages.add(new Passage(article.id(), passages.size(), current));
        }
        return passages;
    }

    /** The body's sentences, each cut to fit {@code budget} tokens. */
    List<String> sentences(String body, int budget) {
        return countedSentences(body, budget).stream().map(Counted::text).toList();
    }

    private List<Counted> countedSentences(String body, int budget) {
        List<Counted> result = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(body.strip())) {
            String flat = WHITESPACE.matcher(paragraph).replaceAll(" ").strip();
            if (flat.isEmpty()) {
                continue;
            }
            for (String sentence : joinAfterTitles(sentenceSplitter.split(flat))) {
                String s = sentence.strip();
                if (!s.isEmpty()) {
                    result.addAll(fit(s, budget));
                }
            }
        }
        return result;
    }

    /**
     * Rejoins sentences that the sentence model cut after a title before a name ("her portrayal of Lt." |
     * "Nyota Uhura ..."), so a name is never split from its title.
     */
    static List<String> joinAfterTitles(String[] sentences) {
        List<String> joined = new ArrayList<>();
        for (String sentence : sentences) {
            int last = joined.size() - 1;
            if (last >= 0 && TITLE_AT_END.matcher(joined.get(last)).find() && !sentence.isBlank()
                    && Character.isUpperCase(sentence.strip().charAt(0))) {
                joined.set(last, joined.get(last).stripTrailing() + " " + sentence.strip());
            } else {
                joined.add(sentence);
            }
        }
        return joined;
    }

    /** {@code text} with its token count, or its pieces cut to fit {@code budget}, each with its count. */
    private List<Counted> fit(String text, int budget) {
        int count = tokens.count(text);
        if (count <= budget) {
            return List.of(new Counted(text, count));
        }
        return fitWords(text, budget).stream().map(piece -> new Counted(piece, tokens.count(piece))).toList();
    }

    /** Cuts {@code text} between words into pieces of at most {@code budget} tokens each. */
    private List<String> fitWords(String text, int budget) {
        if (tokens.count(text) <= budget) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String word : WHITESPACE.split(text)) {
            String candidate = piece.isEmpty() ? word : piece + " " + word;
            if (!piece.isEmpty() && tokens.count(candidate) > budget) {
                pieces.add(piece.toString());
                piece.setLength(0);
                piece.append(word);
            } else {
                piece.setLength(0);
                piece.append(candidate);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private record Counted(String text, int tokens) {
    }
}

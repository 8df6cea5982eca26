package dev.newsbot.index;

import dev.langchain4j.data.document.splitter.DocumentBySentenceSplitter;
import dev.newsbot.articles.Article;
import dev.newsbot.index.embedding.InProcessEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Splits an article into passages of whole sentences that, with the article's title in front, stay within
 * {@link #maxTokens()} model tokens. The embedding model reads a window of tokens ({@link InProcessEmbedder#windowTokens()}:
 * 128 for MiniLM, which silently drops the rest, 512 for BGE), so the limit, kept below the window, keeps every
 * passage fully seen. A sentence longer than the budget is cut between words.
 *
 * <p>Sentences come from OpenNLP's English sentence model (through LangChain4j), paragraph by paragraph; a
 * sentence it ends on an abbreviation that the next piece continues ("found Jan." | "12 miles away"), or before
 * a lower-case word ("raised $450,000." | "for the school"), is joined again. Splitting takes time linear in the
 * text: every sentence is counted once, and the words of an overlong one once more, with running totals (counts
 * add up over texts joined by white space); and a run of more than {@value #MAX_RUN_CHARS} characters without
 * white space is a piece of its own that never reaches the sentence model, which scans such a run again for
 * every full stop in it (quadratic: 960,000 characters of "a0.a1.a2." took 97 s). No article of the evaluation
 * sets has a run that long (the longest, a web address, has 568 characters), so their passages are unchanged.
 */
public final class PassageSplitter {

    /** Default token budget for title plus passage; with the model's two special tokens, 112 of MiniLM's 128. */
    public static final int DEFAULT_MAX_TOKENS = 110;
    /** Titles longer than this many tokens are cut for embedding. */
    public static final int MAX_TITLE_TOKENS = 32;

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Runs without white space longer than this are kept from the sentence model: see the class comment. */
    static final int MAX_RUN_CHARS = 1000;
    /** A piece that opens with a web or e-mail address: a line of its own, however it is written. */
    private static final Pattern ADDRESS = Pattern.compile("^\\S*(?:://|@|www\\.)");

    private final ToIntFunction<String> tokens;
    private final int maxTokens;
    private final Function<String, String[]> sentenceModel;

    public PassageSplitter(TokenCounter tokens, int maxTokens) {
        this(Objects.requireNonNull(tokens, "tokens")::count, maxTokens,
                new DocumentBySentenceSplitter(Integer.MAX_VALUE, 0)::split);
    }

    /**
     * @param tokens        counts a text's tokens, as {@link TokenCounter#count}
     * @param sentenceModel cuts a paragraph into sentence pieces
     */
    PassageSplitter(ToIntFunction<String> tokens, int maxTokens, Function<String, String[]> sentenceModel) {
        if (maxTokens < MAX_TITLE_TOKENS + 16) {
            throw new IllegalArgumentException("maxTokens must be at least " + (MAX_TITLE_TOKENS + 16)
                    + ", was " + maxTokens);
        }
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.maxTokens = maxTokens;
        this.sentenceModel = Objects.requireNonNull(sentenceModel, "sentenceModel");
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** Names the settings that shape passages; an index built with other settings is not reused. */
    public String settings() {
        return "sentences-v4;maxTokens=" + maxTokens + ";titleTokens=" + MAX_TITLE_TOKENS;
    }

    /** The title as it is put in front of every passage: cut to {@link #MAX_TITLE_TOKENS} when longer. */
    public String embeddingTitle(Article article) {
        String title = article.title();
        return tokens.applyAsInt(title) <= MAX_TITLE_TOKENS ? title : fitWords(title, MAX_TITLE_TOKENS).get(0).text();
    }

    /**
     * Splits one article into passages, in article order. Each sentence is counted once: token counts add up over
     * texts joined by white space, so a passage's count is its title's plus its sentences'.
     */
    public List<Passage> split(Article article) {
        String title = embeddingTitle(article);
        int titleTokens = tokens.applyAsInt(title + "\n");
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
            for (String sentence : joinAfterAbbreviations(pieces(flat))) {
                result.addAll(fit(sentence, budget));
            }
        }
        return result;
    }

    /**
     * The sentence model's pieces of one paragraph, except that each run of more than {@link #MAX_RUN_CHARS}
     * characters without white space (as the sentence model tells white space) is a piece of its own.
     */
    private String[] pieces(String flat) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        int runStart = 0;
        for (int i = 0; i <= flat.length(); i++) {
            if (i == flat.length() || isSpace(flat.charAt(i))) {
                if (i - runStart > MAX_RUN_CHARS) {
                    addSentences(pieces, flat.substring(from, runStart));
                    pieces.add(flat.substring(runStart, i));
                    from = i;
                }
                runStart = i + 1;
            }
        }
        if (from == 0) {
            return sentenceModel.apply(flat);
        }
        addSentences(pieces, flat.substring(from));
        return pieces.toArray(String[]::new);
    }

    private void addSentences(List<String> pieces, String text) {
        if (!text.isBlank()) {
            pieces.addAll(Arrays.asList(sentenceModel.apply(text)));
        }
    }

    /** White space as OpenNLP's sentence detector tells it ({@code StringUtil.isWhitespace}). */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /**
     * Rejoins the pieces that the sentence model cut where the sentence goes on: after an abbreviation the next
     * piece continues ("her portrayal of Lt." | "Nyota Uhura ...", "the Jan." | "6 attack"; {@link Abbreviations}),
     * and before a lower-case word ("raised $450,000." | "for the school"), which no sentence starts with unless it
     * is a web address. Pieces come back stripped, blank ones left out.
     */
    static List<String> joinAfterAbbreviations(String[] pieces) {
        List<String> sentences = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        String last = null;
        for (String piece : pieces) {
            String p = piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (last != null && !goesOn(last, p)) {
                sentences.add(sentence.toString());
                sentence.setLength(0);
            }
            sentence.append(sentence.isEmpty() ? "" : " ").append(p);
            last = p;
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence.toString());
        }
        return sentences;
    }

    private static boolean goesOn(String piece, String next) {
        boolean lowerCase = Character.isLowerCase(next.codePointAt(0)) && !ADDRESS.matcher(next).find();
        return lowerCase || Abbreviations.bundled().continues(piece, next);
    }

    /** {@code text} with its token count, or its pieces cut to fit {@code budget}, each with its count. */
    private List<Counted> fit(String text, int budget) {
        int count = tokens.applyAsInt(text);
        return count <= budget ? List.of(new Counted(text, count)) : fitWords(text, budget);
    }

    /**
     * Cuts {@code text} between words into pieces of at most {@code budget} tokens each; a single word longer than
     * that (a run of symbols, an inlined file) is cut inside ({@link #cutWord}). Each word is counted once: token
     * counts add up over texts joined by white space.
     */
    private List<Counted> fitWords(String text, int budget) {
        List<Counted> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int used = 0;
        for (String word : WHITESPACE.split(text.strip())) {
            int count = tokens.applyAsInt(word);
            if (count > budget) {
                if (!piece.isEmpty()) {
                    pieces.add(new Counted(piece.toString(), used));
                    piece.setLength(0);
                    used = 0;
                }
                pieces.addAll(cutWord(word, count, budget));
                continue;
            }
            if (!piece.isEmpty() && used + count > budget) {
                pieces.add(new Counted(piece.toString(), used));
                piece.setLength(0);
                used = 0;
            }
            piece.append(piece.isEmpty() ? "" : " ").append(word);
            used += count;
        }
        if (!piece.isEmpty()) {
            pieces.add(new Counted(piece.toString(), used));
        }
        return pieces;
    }

    /**
     * Cuts one word of {@code count} tokens into pieces of at most {@code budget} tokens, so that no passage is
     * longer than the model reads. Each cut is guessed from the word's characters per token and shortened in
     * proportion until it fits, so the word's characters are counted about twice; a piece is at least one code
     * point. The pieces are joined by spaces in the passage's text.
     */
    private List<Counted> cutWord(String word, int count, int budget) {
        List<Counted> pieces = new ArrayList<>();
        double charsPerToken = (double) word.length() / count;
        int from = 0;
        while (from < word.length()) {
            int length = Math.max(1, (int) (budget * charsPerToken * 0.95));
            int end = cutAt(word, from, Math.min(word.length(), from + length));
            int n = tokens.applyAsInt(word.substring(from, end));
            while (n > budget && end > word.offsetByCodePoints(from, 1)) {
                end = cutAt(word, from, from + (int) ((long) (end - from) * budget * 9 / (10L * n)));
                n = tokens.applyAsInt(word.substring(from, end));
            }
            pieces.add(new Counted(word.substring(from, end), n));
            from = end;
        }
        return pieces;
    }

    /** {@code end}, moved back off the middle of a surrogate pair, and at least one code point past {@code from}. */
    private static int cutAt(String word, int from, int end) {
        if (end < word.length() && Character.isLowSurrogate(word.charAt(end))) {
            end--;
        }
        return Math.max(end, word.offsetByCodePoints(from, 1));
    }

    private record Counted(String text, int tokens) {
    }
}

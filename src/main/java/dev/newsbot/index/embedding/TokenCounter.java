package dev.newsbot.index.embedding;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts word-piece tokens as the embedding model's tokenizer (BERT uncased, the vocabulary LangChain4j bundles
 * with {@link HuggingFaceTokenCountEstimator}) splits text, in plain Java: the same text normalisation (control
 * characters dropped, white space unified, CJK characters set apart, accents stripped, lower case), the same
 * split on white space and punctuation, and the same greedy longest-match word pieces, with {@code [UNK]} for a
 * word that cannot be pieced or has more than 100 characters. The special tokens ({@code [CLS]} and the like)
 * count as one token where they appear in the text. Thread-safe; about ten times faster than a call into the
 * native tokenizer.
 */
public final class TokenCounter {

    private static final String VOCABULARY = "bert-vocabulary-en.txt";
    private static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
    private static final int MAX_WORD_CHARS = 100;
    private static final String CONTINUATION = "##";

    private final Set<String> vocabulary;

    public TokenCounter() {
        this.vocabulary = loadVocabulary();
    }

    /**
     * Word-piece tokens of {@code text}, not counting the two special tokens ([CLS], [SEP]) the model adds around
     * every input. Counts add up over texts joined by white space.
     */
    public int count(String text) {
        int tokens = 0;
        int from = 0;
        for (int at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
            String special = specialTokenAt(text, at);
            if (special != null) {
                tokens += countNormal(text.substring(from, at)) + 1;
                from = at + special.length();
                at = from - 1;
            }
        }
        return tokens + countNormal(text.substring(from));
    }

    private static String specialTokenAt(String text, int at) {
        for (String special : SPECIAL_TOKENS) {
            if (text.startsWith(special, at)) {
                return special;
            }
        }
        return null;
    }

    private int countNormal(String text) {
        String normal = normalise(text);
        int tokens = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normal.length(); ) {
            int c = normal.codePointAt(i);
            i += Character.charCount(c);
            if (c == ' ') {
                tokens += pieces(word);
            } else if (isPunctuation(c)) {
                tokens += pieces(word) + 1;
            } else {
                word.appendCodePoint(c);
            }
        }
        return tokens + pieces(word);
    }

    /** Clean text, set CJK characters apart, strip accents, lower-case: BERT's normaliser, in that order. */
    private static String normalise(String text) {
        StringBuilder clean = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhiteSpace(c)) {
                clean.append(' ');
            } else if (isChinese(c)) {
                clean.append(' ').appendCodePoint(c).append(' ');
            } else {
                clean.appendCodePoint(c);
            }
        });
        String decomposed = Normalizer.normalize(clean, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return out.toString();
    }

    /** Word pieces of the word collected so far (then cleared): greedy longest match, or one [UNK]. */
    private int pieces(StringBuilder word) {
        if (word.length() == 0) {
            return 0;
        }
        String w = word.toString();
        word.setLength(0);
        if (w.codePointCount(0, w.length()) > MAX_WORD_CHARS) {
            return 1;
        }
        int count = 0;
        for (int start = 0; start < w.length(); count++) {
            int end = longestPiece(w, start);
            if (end < 0) {
                return 1;
            }
            start = end;
        }
        return count;
    }

    private int longestPiece(String word, int start) {
        for (int end = word.length(); end > start; end = word.offsetByCodePoints(end, -1)) {
            String piece = word.substring(start, end);
            if (vocabulary.contains(start == 0 ? piece : CONTINUATION + piece)) {
                return end;
            }
        }
        return -1;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** Unicode's White_Space property, which Rust's {@code char::is_whitespace} follows. */
    private static boolean isWhiteSpace(int c) {
        return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private static boolean isChinese(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    /** ASCII punctuation (which includes symbols such as $ and +) or any Unicode punctuation character. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static Set<String> loadVocabulary() {
        ClassLoader loader = HuggingFaceTokenCountEstimator.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(VOCABULARY)) {
            if (in == null) {
                throw new IllegalStateException("resource " + VOCABULARY + " is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    words.add(line);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer vocabulary " + VOCABULARY, e);
        }
    }
}

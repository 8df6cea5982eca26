package dev.newsbot.eval;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a reply states a gold answer and no distractor.
 *
 * <p>Texts are normalised first: Unicode NFKC, lower case, quotes removed (straight and curly, single and
 * double), whitespace runs collapsed to one space and trimmed. In the reply, {@code [n]} citation markers become
 * spaces. From an answer or distractor, trailing sentence punctuation ({@code . , ; : ! ?}) is also dropped, so
 * the answer "Companies." matches "companies, mostly".
 *
 * <p>A normalised answer is found in the reply only on word boundaries: where the answer begins with a letter or
 * digit, the reply character before it must not be one, and likewise after its end. So "no" is not found in
 * "know", "59" not in "1959" and "$5" not in "$50", while "60%" is found in "about 60%." and "google" in
 * "google[1]".
 *
 * <p>An answer that normalises to exactly {@code yes} or {@code no} is found only when the reply starts with that
 * word, once leading characters other than letters and digits are skipped: "**Yes**, both say so" states yes,
 * "Not really" and "Based on the articles, yes" state neither. A distractor is looked for by the same rules.
 */
final class AnswerMatcher {

    private static final Pattern MARKER = Pattern.compile("\\[\\d+]");
    private static final Pattern QUOTES = Pattern.compile("[\"'\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F]");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:!?]+$");
    /** One cited sentence of a reply: its text, then its markers. */
    private static final Pattern CITED_SENTENCE = Pattern.compile("\\s*(.+?)((?:\\s*\\[\\d+])+)");
    /**
     * Quoted sentences have at least this many words (the answerer's shortest answer sentence), so a shorter first
     * sentence followed by others is a short lead ("Texas.", "59.").
     */
    private static final int QUOTED_WORDS = 5;

    private AnswerMatcher() {
    }

    /** True when the reply states one of the answers and none of the distractors. */
    static boolean isCorrect(String reply, List<String> answers, List<String> distractors) {
        String text = normalise(MARKER.matcher(reply).replaceAll(" "));
        return answers.stream().anyMatch(a -> states(text, a))
                && distractors.stream().noneMatch(d -> states(text, d));
    }

    /**
     * The short lead a reply opens with ("Luke Humphries. [1] The finals ... [1]"): its first cited sentence when it
     * has fewer than five words and another cited sentence follows. Empty for a reply without one. A lead of five
     * words or more is not told from a quoted sentence, so it is missed.
     */
    static Optional<String> lead(String reply) {
        Matcher m = CITED_SENTENCE.matcher(reply);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String first = m.group(1).strip();
        boolean more = m.find(m.end()) && !m.group(1).isBlank();
        return more && first.split("\\s+").length < QUOTED_WORDS ? Optional.of(first) : Optional.empty();
    }

    /** Lower case, NFKC, no quotes, single spaces, trimmed. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACES.matcher(QUOTES.matcher(folded).replaceAll("")).replaceAll(" ").strip();
    }

    /** Whether the normalised reply states the (raw) answer or distractor. */
    private static boolean states(String reply, String choice) {
        String needle = TRAILING_PUNCTUATION.matcher(normalise(choice)).replaceAll("").strip();
        if (needle.isEmpty()) {
            return false;
        }
        boolean yesOrNo = needle.equals("yes") || needle.equals("no");
        return yesOrNo ? startsWithWord(reply, needle) : containsWord(reply, needle);
    }

    private static boolean startsWithWord(String reply, String word) {
        int start = 0;
        while (start < reply.length() && !isWordChar(reply.charAt(start))) {
            start++;
        }
        return reply.startsWith(word, start) && isBoundary(reply, start + word.length());
    }

    private static boolean containsWord(String reply, String needle) {
        boolean guardStart = isWordChar(needle.charAt(0));
        boolean guardEnd = isWordChar(needle.charAt(needle.length() - 1));
        for (int at = reply.indexOf(needle); at >= 0; at = reply.indexOf(needle, at + 1)) {
            if ((!guardStart || isBoundary(reply, at - 1)) && (!guardEnd || isBoundary(reply, at + needle.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !isWordChar(text.charAt(index));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}

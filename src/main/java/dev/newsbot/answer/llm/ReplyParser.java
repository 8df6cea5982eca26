package dev.newsbot.answer.llm;

import dev.langchain4j.data.document.splitter.DocumentBySentenceSplitter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's reply as sentences with their {@code [n]} markers. Accepts the usual variants ({@code [1]},
 * {@code [1, 2]}, {@code [1][2]}, {@code [Passage 1]}, a marker after the full stop) and ignores Markdown list
 * bullets and emphasis. Thread-safe.
 */
final class ReplyParser {

    private static final String ONE = "(?:passage\\s*)?\\d{1,3}";
    private static final Pattern MARKER = Pattern.compile("\\[\\s*(" + ONE + "(?:\\s*[,;]\\s*" + ONE + ")*)\\s*]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKERS_AFTER_STOP = Pattern.compile(
            "([.!?][\"”’)]*)((?:\\s*" + MARKER.pattern() + ")+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)]|#+)\\s+");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACE_BEFORE_STOP = Pattern.compile("\\s+([.,;:!?])");

    private final DocumentBySentenceSplitter splitter = new DocumentBySentenceSplitter(Integer.MAX_VALUE, 0);

    ModelReply parse(String reply) {
        if (isRefusal(reply)) {
            return new ModelReply(true, List.of());
        }
        List<ModelReply.Sentence> sentences = new ArrayList<>();
        for (String line : reply.split("\\R")) {
            String clean = clean(line);
            if (!clean.isEmpty()) {
                for (String piece : splitter.split(clean)) {
                    add(sentences, piece);
                }
            }
        }
        return new ModelReply(false, sentences);
    }

    static boolean isRefusal(String reply) {
        String bare = reply.strip().replaceAll("^[\"'“*`]+|[\"'”*`.!]+$", "");
        return bare.toUpperCase(Locale.ROOT).equals(LlmPrompts.NO_ANSWER);
    }

    private static String clean(String line) {
        String text = EMPHASIS.matcher(LIST_BULLET.matcher(line).replaceFirst("")).replaceAll("").strip();
        return MARKERS_AFTER_STOP.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2).strip() + m.group(1)));
    }

    /** Adds one piece; a piece that is only markers belongs to the sentence before it. */
    private static void add(List<ModelReply.Sentence> sentences, String piece) {
        Set<Integer> markers = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(piece);
        while (m.find()) {
            Matcher digits = DIGITS.matcher(m.group(1));
            while (digits.find()) {
                markers.add(Integer.parseInt(digits.group()));
            }
        }
        String text = SPACE_BEFORE_STOP.matcher(MARKER.matcher(piece).replaceAll(" ")).replaceAll("$1")
                .replaceAll("\\s+", " ").strip();
        if (text.replaceAll("[\\p{Punct}\\s]", "").isEmpty()) {
            if (!sentences.isEmpty() && !markers.isEmpty()) {
                ModelReply.Sentence last = sentences.remove(sentences.size() - 1);
                Set<Integer> all = new LinkedHashSet<>(last.markers());
                all.addAll(markers);
                sentences.add(new ModelReply.Sentence(last.text(), List.copyOf(all)));
            }
            return;
        }
        sentences.add(new ModelReply.Sentence(text, List.copyOf(markers)));
    }
}

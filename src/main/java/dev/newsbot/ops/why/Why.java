package dev.newsbot.ops.why;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerSentence;
import dev.newsbot.answer.Citation;
import dev.newsbot.search.RetrievedPassage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The text of {@code /why}: for the last answer in a chat, the passages retrieved with their scores (which ones
 * were cited marked), the cited sentences with their sources, and the time spent in each stage. Plain text; the
 * front end escapes it for its markup.
 */
public final class Why {

    static final String NONE = "No answer in this chat yet: ask a question first.";
    private static final int EXCERPT = 90;

    private final Explanations answers;

    public Why(Explanations answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    /** The explanation of the chat's last answer, or a line saying there is none. */
    public String forChat(String chatId) {
        return answers.explain(chatId).orElse(NONE);
    }

    /** The explanation of one answer. */
    public static String render(Answer answer) {
        StringJoiner out = new StringJoiner("\n");
        out.add("Question: " + answer.question().text() + (answer.question().followUpOf() == null ? ""
                : " (following up: " + answer.question().followUpOf() + ")"));
        out.add(String.format(Locale.ROOT, "Set %s, version %s; %s; %s; confidence %.2f%s", answer.set().name(),
                answer.set().version(), answer.mode(), answer.refused() ? "refused" : "answered",
                answer.confidence(), answer.cached() ? "; served from the cache" : ""));
        out.add("");
        out.add("Retrieved passages (fused score, cosine, BM25 rank, dense rank):");
        List<RetrievedPassage> retrieved = answer.retrieved();
        if (retrieved.isEmpty()) {
            out.add("  none");
        }
        for (int i = 0; i < retrieved.size(); i++) {
            out.add(passageLine(i + 1, retrieved.get(i), answer.citations()));
        }
        out.add("");
        out.add(answer.refused() ? "Cited sentences: none (refused)" : "Cited sentences:");
        for (AnswerSentence sentence : answer.sentences()) {
            out.add("  " + sentence.withMarkers());
        }
        if (!answer.citations().isEmpty()) {
            out.add("Sources:");
        }
        for (Citation citation : answer.citations()) {
            out.add("  [" + citation.n() + "] " + citation.article().title()
                    + (citation.article().source() == null ? "" : " — " + citation.article().source()));
        }
        out.add("");
        out.add("Time: " + timings(answer.timings()));
        return out.toString();
    }

    private static String passageLine(int rank, RetrievedPassage p, List<Citation> citations) {
        String cited = citations.stream()
                .filter(c -> c.article().id().equals(p.article().id()) && c.quote().equals(p.passage().text()))
                .map(c -> " cited [" + c.n() + "]").collect(Collectors.joining());
        return String.format(Locale.ROOT, "%2d. %.4f  cos %.3f  bm25 %s  dense %s%s  %s: %s", rank, p.score(),
                p.similarity(), p.keywordRank() == 0 ? "-" : "#" + p.keywordRank(),
                p.denseRank() == 0 ? "-" : "#" + p.denseRank(), cited, p.article().title(),
                excerpt(p.passage().text()));
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1).strip() + "…";
    }

    private static String timings(Map<String, Double> timings) {
        if (timings.isEmpty()) {
            return "not recorded";
        }
        List<String> order = List.of("embed", "retrieve", "answer");
        StringJoiner stages = new StringJoiner(", ");
        timings.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> order.indexOf(e.getKey()) < 0 ? order.size()
                        : order.indexOf(e.getKey())))
                .forEach(e -> stages.add(String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), e.getValue())));
        double total = timings.values().stream().mapToDouble(Double::doubleValue).sum();
        return stages + String.format(Locale.ROOT, " (total %.1f ms)", total);
    }
}

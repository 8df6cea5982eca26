package dev.newsbot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Citation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an answer printed by {@code ask --json}. Other tools parse it, so its field names are a
 * contract: question, answer, refused, mode, citations[{n, id, url, title, source, published, quote}],
 * article_set{name, version, articles, passages}, cached, latency_ms; and for a question that could not be asked
 * (a blank one), question and error.
 */
final class AnswerJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {
    }

    static String of(Answer answer, double latencyMs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", answer.question().text());
        out.put("asked_on", answer.question().askedOn().toString());
        out.put("answer", answer.text());
        out.put("refused", answer.refused());
        out.put("mode", answer.mode());
        out.put("citations", answer.citations().stream().map(AnswerJson::citation).toList());
        out.put("article_set", Map.of("name", answer.set().name(), "version", answer.set().version(),
                "articles", answer.set().articles(), "passages", answer.set().passages()));
        out.put("cached", answer.cached());
        out.put("latency_ms", Math.round(latencyMs * 100) / 100.0);
        out.put("confidence", Math.round(answer.confidence() * 1000) / 1000.0);
        return write(out);
    }

    /** The object printed in place of a question that could not be asked: {question, error}. */
    static String error(String question, String problem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", question);
        out.put("error", problem);
        return write(out);
    }

    private static String write(Map<String, Object> out) {
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> citation(Citation c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", c.n());
        out.put("id", c.article().id());
        out.put("url", c.article().url());
        out.put("title", c.article().title());
        out.put("source", c.article().source());
        out.put("published", c.article().published() == null ? null : c.article().published().toString());
        out.put("quote", c.quote());
        return out;
    }

    static List<String> keys() {
        return List.of("question", "answer", "refused", "mode", "citations", "article_set", "cached", "latency_ms");
    }
}

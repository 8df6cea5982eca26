package dev.newsbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.answer.Answer;
import dev.newsbot.eval.EvalQuestion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** Writes one JSON line per evaluated question, for looking into what went wrong; does nothing without a file. */
final class DetailsWriter implements BiConsumer<EvalQuestion, Answer>, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    DetailsWriter(Path file) throws IOException {
        this.out = file == null ? null : Files.newBufferedWriter(file);
    }

    @Override
    public void accept(EvalQuestion q, Answer a) {
        if (out == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", q.id());
        line.put("type", q.type());
        line.put("answerable", q.answerable());
        line.put("question", q.question());
        line.put("gold", q.answers());
        line.put("gold_urls", q.goldUrls());
        line.put("reply", a.text());
        line.put("refused", a.refused());
        line.put("confidence", a.confidence());
        line.put("evidence", a.evidence());
        line.put("timings_ms", a.timings());
        line.put("cited", a.citations().stream().map(c -> c.article().url()).toList());
        line.put("retrieved", a.retrieved().stream().map(p -> p.article().url()).distinct().toList());
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}

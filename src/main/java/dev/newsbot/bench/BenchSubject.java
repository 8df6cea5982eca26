package dev.newsbot.bench;

import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.embedding.Embedder;
import dev.newsbot.search.SearchBench;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of the bot a benchmark measures, wired as the bot wires them.
 *
 * @param search        builds, opens and searches indexes as the bot does; its embedder is the model measured
 * @param sets          the registry the answer engines read; the benchmark serves its grown set here
 * @param answers       the full answer path without any cache (query embedding included)
 * @param cachedAnswers the same path behind the answer cache, as the bot serves it
 * @param modelVariants  other set-ups of the same model whose {@code embedAll} throughput is compared with the
 *                       embedder of {@code search}, by name; may be empty
 * @param engine         where the sets built are searched ({@code --engine})
 */
public record BenchSubject(SearchBench search, SetRegistry sets, AnswerEngine answers, AnswerEngine cachedAnswers,
                           Map<String, Embedder> modelVariants, BenchEngine engine) {

    /** In process. */
    public BenchSubject(SearchBench search, SetRegistry sets, AnswerEngine answers, AnswerEngine cachedAnswers,
                        Map<String, Embedder> modelVariants) {
        this(search, sets, answers, cachedAnswers, modelVariants, BenchEngine.IN_PROCESS);
    }

    public BenchSubject {
        Objects.requireNonNull(search, "BenchSubject.search must not be null");
        Objects.requireNonNull(sets, "BenchSubject.sets must not be null");
        Objects.requireNonNull(answers, "BenchSubject.answers must not be null");
        Objects.requireNonNull(cachedAnswers, "BenchSubject.cachedAnswers must not be null");
        Objects.requireNonNull(engine, "BenchSubject.engine must not be null");
        modelVariants = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(modelVariants, "BenchSubject.modelVariants must not be null")));
    }
}

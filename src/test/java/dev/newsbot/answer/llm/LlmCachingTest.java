package dev.newsbot.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerService;
import dev.newsbot.answer.RefusalTexts;
import dev.newsbot.cache.CachingAnswerEngine;
import dev.newsbot.config.PromptFiles;
import dev.newsbot.config.Template;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.search.HybridRetriever;
import dev.newsbot.search.RetrievalQuery;
import dev.newsbot.search.RetrievedPassage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Written answers go through the same answer path and cache as extractive ones, keyed by mode and prompt hash. */
class LlmCachingTest {

    @TempDir
    Path dir;

    private final ScriptedOpenAiServer server = new ScriptedOpenAiServer();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private CachingAnswerEngine engine(PromptFiles prompts) {
        SetRegistry sets = new SetRegistry("news");
        sets.put(LlmFixture.STORE);
        LlmAnswerer answerer = LlmAnswerer.create(LlmFixture.settings(server.baseUrl(), 5), LlmFixture.API_KEY,
                LlmPrompts.load(prompts), LlmFixture.EMBEDDER, LlmFixture.ANALYZER, LlmFixture.extractive(), 3,
                executor, new SimpleMeterRegistry());
        Template refusal = prompts.load("refusal.txt", Set.of("set"), RefusalTexts.PLACEHOLDERS);
        return new CachingAnswerEngine(new AnswerService(sets, LlmFixture.EMBEDDER, new HybridRetriever(), answerer,
                new RefusalTexts(refusal, refusal, refusal), 5), "maximumSize=100");
    }

    @Test
    void should_serve_a_repeated_question_from_the_cache_without_asking_the_model() {
        String text = "How many people were killed in the Port Elma earthquake?";
        int n = passageNumberOf(text, "quake");
        server.replyContent("Officials said 12 people were killed and 40 were injured [" + n + "].");
        CachingAnswerEngine engine = engine(new PromptFiles(null));

        Answer first = engine.answer(LlmFixture.question(text));
        Answer again = engine.answer(LlmFixture.question("how many people were killed in the Port Elma earthquake"));

        assertThat(first.mode()).isEqualTo("llm");
        assertThat(first.text()).isEqualTo("Officials said 12 people were killed and 40 were injured. [1]");
        assertThat(again.cached()).isTrue();
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(server.requests()).hasSize(1);
    }

    /** The number the model sees on the first passage of {@code articleId}, as retrieval orders them. */
    private static int passageNumberOf(String text, String articleId) {
        List<RetrievedPassage> passages = new HybridRetriever().retrieve(LlmFixture.STORE,
                new RetrievalQuery(text, LlmFixture.EMBEDDER.embed(text), LlmFixture.DAY, 5));
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).article().id().equals(articleId)) {
                return i + 1;
            }
        }
        throw new AssertionError(articleId + " not retrieved for " + text);
    }

    @Test
    void should_key_answers_by_mode_and_prompt_hash() throws IOException {
        Files.createDirectories(dir.resolve("llm"));
        Files.writeString(dir.resolve("llm/system.txt"), "Cite every sentence with [n], or reply {{no_answer}}.");

        String bundled = engine(new PromptFiles(null)).variant();
        String edited = engine(new PromptFiles(dir)).variant();

        assertThat(bundled).isEqualTo("llm:" + LlmPrompts.load(new PromptFiles(null)).hash());
        assertThat(edited).startsWith("llm:").isNotEqualTo(bundled);
    }
}

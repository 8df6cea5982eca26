package dev.newsbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.newsbot.TestData;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleLoader;
import dev.newsbot.index.embedding.BgeSmallEmbedder;
import dev.newsbot.index.embedding.MiniLmEmbedder;
import dev.newsbot.index.embedding.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the embedding models' windows: MiniLM reads 128 tokens and silently drops the rest, BGE reads 512 (and
 * LangChain4j would embed a longer text in parts and average them), so every passage with its title must stay
 * within the splitter's budget on real news text, at the default budget and at the largest each model allows.
 * BGE's passages are also counted by BGE's own tokenizer, untruncated.
 */
class PassageLimitIT {

    private final TokenCounter tokens = new TokenCounter();
    private final PassageSplitter splitter = new PassageSplitter(tokens, PassageSplitter.DEFAULT_MAX_TOKENS);

    /** Budgets with the window they must fit: MiniLM's default and largest, BGE's default and largest. */
    private static final int[][] BUDGETS = {
            {PassageSplitter.DEFAULT_MAX_TOKENS, MiniLmEmbedder.WINDOW_TOKENS},
            {MiniLmEmbedder.WINDOW_TOKENS - 2, MiniLmEmbedder.WINDOW_TOKENS},
            {BgeSmallEmbedder.WINDOW_TOKENS - 2, BgeSmallEmbedder.WINDOW_TOKENS}};

    private void assertWithinWindow(List<Article> articles) {
        for (int[] budget : BUDGETS) {
            assertWithinWindow(articles, new PassageSplitter(tokens, budget[0]), budget[1]);
        }
    }

    private void assertWithinWindow(List<Article> articles, PassageSplitter splitter, int window) {
        int passages = 0;
        for (Article article : articles) {
            String title = splitter.embeddingTitle(article);
            for (Passage passage : splitter.split(article)) {
                String text = passage.embeddingText(title);
                int count = tokens.count(text);
                assertThat(count).as("tokens of %s passage %d", article.id(), passage.ordinal())
                        .isLessThanOrEqualTo(splitter.maxTokens());
                assertThat(count + 2).isLessThanOrEqualTo(window);
                if (window == BgeSmallEmbedder.WINDOW_TOKENS) {
                    assertThat(BGE_TOKENIZER.encode(text, false, false).getIds().length)
                            .as("BGE tokens of %s passage %d", article.id(), passage.ordinal()).isEqualTo(count);
                }
                passages++;
            }
        }
        assertThat(passages).isGreaterThanOrEqualTo(articles.size());
    }

    /** BGE's own tokenizer, as LangChain4j ships it with the model: no truncation. */
    private static final HuggingFaceTokenizer BGE_TOKENIZER = bgeTokenizer();

    private static HuggingFaceTokenizer bgeTokenizer() {
        try (InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader()
                .getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
            return HuggingFaceTokenizer.newInstance(in, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void should_fit_the_bundled_article() {
        assertWithinWindow(new ArticleLoader().loadBundledDefault().articles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"eval/rtqa2022/articles.jsonl", "eval/mhr500/articles.jsonl"})
    void should_fit_every_eval_article(String file) {
        assertWithinWindow(new ArticleLoader().load("eval", List.of(TestData.require(file))).set().articles());
    }

    /** A word longer than the budget (an inlined file, a run of symbols) is cut inside, never passed on whole. */
    @Test
    void overlongRunWithoutWhiteSpaceStaysWithinTheWindow() {
        String base64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk".repeat(90);
        String letters = "abcdefghij".repeat(400);
        String emoji = "\uD83D\uDE00\u4E2D\u6587".repeat(700);
        Article article = new Article("runs", "Inlined image in a story", null, null, null, null,
                "A short sentence first. " + base64 + " Then a normal sentence.\n\n" + letters + " end. " + emoji);
        assertWithinWindow(List.of(article));
    }

    @Test
    void should_allow_each_model_no_budget_past_its_window() {
        assertThat(MiniLmEmbedder.WINDOW_TOKENS).isEqualTo(128);
        assertThat(BgeSmallEmbedder.WINDOW_TOKENS).isEqualTo(512);
        assertThat(new MiniLmEmbedder(Runnable::run).windowTokens()).isEqualTo(MiniLmEmbedder.WINDOW_TOKENS);
    }

    @Test
    void should_keep_the_model_from_truncating_a_passage() {
        MiniLmEmbedder model = new MiniLmEmbedder(Runnable::run);
        Article article = new ArticleLoader().loadBundledDefault().articles().get(0);
        Passage last = splitter.split(article).get(0);
        String text = last.embeddingText(splitter.embeddingTitle(article));

        float[] whole = model.embed(text);
        float[] extended = model.embed(text + " Unrelated trailing words about football and weather.");

        double cosine = 0;
        for (int i = 0; i < whole.length; i++) {
            cosine += whole[i] * extended[i];
        }
        assertThat(cosine).as("text past the passage still reaches the model").isLessThan(0.9999);
    }
}

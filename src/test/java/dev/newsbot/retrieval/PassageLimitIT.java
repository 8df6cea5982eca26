package dev.newsbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.TestData;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the embedding model's window: it reads 128 tokens and silently drops the rest, so every passage with
 * its title must stay within the splitter's budget on real news text.
 */
class PassageLimitIT {

    private final TokenCounter tokens = new TokenCounter();
    private final PassageSplitter splitter = new PassageSplitter(tokens, PassageSplitter.DEFAULT_MAX_TOKENS);

    private void assertWithinWindow(List<Article> articles) {
        int passages = 0;
        for (Article article : articles) {
            String title = splitter.embeddingTitle(article);
            for (Passage passage : splitter.split(article)) {
                int count = tokens.count(passage.embeddingText(title));
                assertThat(count).as("tokens of %s passage %d", article.id(), passage.ordinal())
                        .isLessThanOrEqualTo(PassageSplitter.DEFAULT_MAX_TOKENS);
                assertThat(count + 2).isLessThanOrEqualTo(128);
                passages++;
            }
        }
        assertThat(passages).isGreaterThanOrEqualTo(articles.size());
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

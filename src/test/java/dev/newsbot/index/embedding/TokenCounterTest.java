package dev.newsbot.index.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.newsbot.TestData;
import dev.newsbot.articles.Article;
import dev.newsbot.articles.ArticleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Java counter against the native Hugging Face tokenizer it replaces, text by text. */
class TokenCounterTest {

    private static final String ODD_CHARACTERS = "aZé É ñ ü ß ø Æ œ İ ı ſ ﬁ Σς ΐ Д ж 中文字 日本 한국 ٣ ١ ﻻ "
            + "“”‘’ « » — – - … · • † ‰ € $ £ ¥ + = < > ^ ` | ~ @ # % & * _ \\ / ( ) [ ] { } ! ? ; : , . ' \" "
            + "\t \n \r \u00A0 \u2003 \u200B \u2028 \u3000 \u0085 \u0007 \u00AD \uFEFF \uFFFD \u0000 \uE000 "
            + "😀 👍🏽 🇰🇪 ① ² ½ ™ © ® ℃ № 0 1 2 9 3.14 1,000 10% "
            + "[CLS] [SEP] [MASK] [PAD] [UNK] [cls] [SEP [ ] ##ing ### ";

    private final TokenCounter counter = new TokenCounter();
    private final HuggingFaceTokenCountEstimator reference = new HuggingFaceTokenCountEstimator();

    @Test
    void should_count_every_text_of_the_bundled_set_like_the_native_tokenizer() {
        List<String> texts = new ArrayList<>();
        for (Article article : new ArticleLoader().loadBundledDefault().articles()) {
            texts.add(article.title());
            texts.addAll(List.of(article.body().split("(?<=[.!?])\\s+|\\n+")));
            texts.add(article.body());
        }

        assertSameCounts(texts);
    }

    @Test
    void should_count_every_sentence_of_the_eval_articles_like_the_native_tokenizer() {
        List<String> texts = new ArrayList<>();
        for (String set : List.of("rtqa2022", "mhr500")) {
            Path file = TestData.require("eval/" + set + "/articles.jsonl");
            for (Article article : new ArticleLoader().load(set, List.of(file)).set().articles()) {
                texts.add(article.title());
                texts.addAll(List.of(article.body().split("(?<=[.!?])\\s+|\\n+")));
            }
        }

        assertThat(texts).hasSizeGreaterThan(5_000);
        assertSameCounts(texts);
    }

    @Test
    void should_count_random_mixes_of_odd_characters_like_the_native_tokenizer() {
        int[] pool = ODD_CHARACTERS.codePoints().toArray();
        Random random = new Random(3);
        List<String> texts = new ArrayList<>(List.of("", " ", "[CLS]", "a[SEP]b", "x".repeat(101), "é".repeat(100),
                "unaffable", "Gunmen stormed the Westgate mall.", "[[MASK]]", "[SEP][SEP]"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(random.nextInt(4) == 0 ? 'a' + random.nextInt(26) : pool[random.nextInt(pool.length)]);
            }
            texts.add(text.toString());
        }

        assertSameCounts(texts);
    }

    @Test
    void should_add_up_over_texts_joined_by_white_space() {
        String title = "Gunmen storm Nairobi's Westgate mall";
        String sentence = "At least 59 people were killed, officials said.";

        assertThat(counter.count(title + "\n" + sentence)).isEqualTo(counter.count(title) + counter.count(sentence));
    }

    /** PassageSplitter counts each word of an overlong sentence once and adds the counts up. */
    @Test
    void should_add_up_over_random_words_joined_by_spaces() {
        int[] pool = ODD_CHARACTERS.codePoints().toArray();
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            List<String> words = new ArrayList<>();
            for (int w = 1 + random.nextInt(12); w > 0; w--) {
                StringBuilder word = new StringBuilder();
                for (int c = 1 + random.nextInt(12); c > 0; c--) {
                    word.appendCodePoint(random.nextInt(3) == 0 ? 'a' + random.nextInt(26) : pool[random.nextInt(pool.length)]);
                }
                words.add(word.toString());
            }
            int sum = words.stream().mapToInt(counter::count).sum();
            assertThat(counter.count(String.join(" ", words))).as("%s", words).isEqualTo(sum);
        }
    }

    private void assertSameCounts(List<String> texts) {
        List<String> differing = new ArrayList<>();
        for (String text : texts) {
            if (counter.count(text) != reference.estimateTokenCountInText(text)) {
                differing.add(text + " -> " + counter.count(text) + " vs " + reference.estimateTokenCountInText(text));
            }
        }
        assertThat(differing).isEmpty();
    }
}

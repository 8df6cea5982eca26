package dev.newsbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.articles.Article;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

    private final TokenCounter tokens = new TokenCounter();
    private final PassageSplitter splitter = new PassageSplitter(tokens, PassageSplitter.DEFAULT_MAX_TOKENS);

    private static Article article(String title, String body) {
        return new Article("a1", title, null, null, null, null, body);
    }

    @Test
    void should_keep_title_and_passage_within_the_token_budget() {
        String body = IntStream.range(0, 60)
                .mapToObj(i -> "Sentence number " + i + " reports that the council approved budget item " + i + ".")
                .collect(Collectors.joining(" "));
        Article article = article("City council approves the annual budget after a long debate", body);

        List<Passage> passages = splitter.split(article);

        assertThat(passages).hasSizeGreaterThan(5);
        for (Passage p : passages) {
            assertThat(tokens.count(p.embeddingText(splitter.embeddingTitle(article))))
                    .isLessThanOrEqualTo(PassageSplitter.DEFAULT_MAX_TOKENS);
        }
    }

    @Test
    void should_keep_every_sentence_whole_and_in_order() {
        String body = "First paragraph has one sentence.\n\nSecond paragraph, first sentence. "
                + "And a second sentence here.";

        List<Passage> passages = splitter.split(article("T", body));

        assertThat(passages).hasSize(1);
        assertThat(passages.get(0).sentences()).containsExactly("First paragraph has one sentence.",
                "Second paragraph, first sentence.", "And a second sentence here.");
    }

    @Test
    void should_never_end_a_sentence_on_a_title_before_a_name() {
        String body = "Nichelle Nichols was best known for her portrayal of Lt. Nyota Uhura in the series. "
                + "Dr. Ruth Smith spoke next.";

        assertThat(splitter.sentences(body, 100)).containsExactly(
                "Nichelle Nichols was best known for her portrayal of Lt. Nyota Uhura in the series.",
                "Dr. Ruth Smith spoke next.");
        assertThat(PassageSplitter.joinAfterTitles(new String[] {"She met Gen.", "Mark Milley.", "It rained."}))
                .containsExactly("She met Gen. Mark Milley.", "It rained.");
        assertThat(PassageSplitter.joinAfterTitles(new String[] {"Prices rose 5 pct.", "Shares fell."}))
                .containsExactly("Prices rose 5 pct.", "Shares fell.");
    }

    @Test
    void should_cut_an_overlong_sentence_between_words() {
        String longSentence = IntStream.range(0, 400).mapToObj(i -> "word" + i).collect(Collectors.joining(" "))
                + ".";

        List<Passage> passages = splitter.split(article("Long", longSentence));

        assertThat(passages).hasSizeGreaterThan(3);
        String rejoined = passages.stream().map(Passage::text).collect(Collectors.joining(" "));
        assertThat(rejoined).isEqualTo(longSentence);
        passages.forEach(p -> assertThat(tokens.count(p.embeddingText("Long"))).isLessThanOrEqualTo(110));
    }

    @Test
    void should_cut_an_overlong_title_for_embedding() {
        String title = IntStream.range(0, 80).mapToObj(i -> "headline" + i).collect(Collectors.joining(" "));
        Article article = article(title, "A short body sentence is here.");

        String embeddingTitle = splitter.embeddingTitle(article);

        assertThat(tokens.count(embeddingTitle)).isLessThanOrEqualTo(PassageSplitter.MAX_TITLE_TOKENS);
        assertThat(tokens.count(splitter.split(article).get(0).embeddingText(embeddingTitle))).isLessThanOrEqualTo(110);
    }

    @Test
    void should_reject_a_budget_too_small_for_a_title() {
        assertThatThrownBy(() -> new PassageSplitter(tokens, 20)).hasMessageContaining("maxTokens");
    }
}

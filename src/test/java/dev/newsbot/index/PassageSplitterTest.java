package dev.newsbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.articles.Article;
import dev.newsbot.index.embedding.TokenCounter;
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
        assertThat(PassageSplitter.joinAfterAbbreviations(new String[] {"She met Gen.", "Mark Milley.", "It rained."}))
                .containsExactly("She met Gen. Mark Milley.", "It rained.");
        assertThat(PassageSplitter.joinAfterAbbreviations(new String[] {"Prices rose 5 pct.", "Shares fell."}))
                .containsExactly("Prices rose 5 pct.", "Shares fell.");
    }

    @Test
    void should_not_split_at_month_abbreviations() {
        String body = "The committee investigating the Jan. 6 attack on the Capitol met on Monday. "
                + "The body was found Jan. 12 near the river. A second hearing is set for Feb. 3.";

        assertThat(splitter.sentences(body, 100)).containsExactly(
                "The committee investigating the Jan. 6 attack on the Capitol met on Monday.",
                "The body was found Jan. 12 near the river.",
                "A second hearing is set for Feb. 3.");
    }

    @Test
    void should_not_split_at_abbreviations_that_a_sentence_goes_on_after() {
        String body = "Haley emerged as the likely new No. 2 in the field. The Cardinals won in St. Louis on Sunday. "
                + "Officials at Acme Corp. said the plant would close at 5 p.m. on Friday. "
                + "The sale raised $450,000. for the school, U.S. officials said. Roe v. Wade was overturned.";

        assertThat(splitter.sentences(body, 100)).containsExactly(
                "Haley emerged as the likely new No. 2 in the field.",
                "The Cardinals won in St. Louis on Sunday.",
                "Officials at Acme Corp. said the plant would close at 5 p.m. on Friday.",
                "The sale raised $450,000. for the school, U.S. officials said.",
                "Roe v. Wade was overturned.");
    }

    @Test
    void should_split_after_a_country_abbreviation_that_ends_a_sentence() {
        String body = "She joined the U.S. Army in 2001. He moved to the U.K. It rained there.";

        assertThat(splitter.sentences(body, 100)).containsExactly(
                "She joined the U.S. Army in 2001.", "He moved to the U.K.", "It rained there.");
        assertThat(PassageSplitter.joinAfterAbbreviations(new String[] {"Talks between Modi and U.S.",
                "President Joe Biden ended.", "Sales fell in the U.S.", "Prices rose.", "“U.S.", "News ranks it."}))
                .containsExactly("Talks between Modi and U.S. President Joe Biden ended.", "Sales fell in the U.S.",
                        "Prices rose.", "“U.S. News ranks it.");
    }

    @Test
    void should_keep_a_web_address_after_a_sentence_apart() {
        assertThat(PassageSplitter.joinAfterAbbreviations(new String[] {"An earlier version misstated the cases.",
                "https://www.example.com/story/1.", "Sales rose.", "www.example.com has more."}))
                .containsExactly("An earlier version misstated the cases.", "https://www.example.com/story/1.",
                        "Sales rose.", "www.example.com has more.");
    }

    @Test
    void should_join_an_initial_to_the_name_it_belongs_to() {
        assertThat(PassageSplitter.joinAfterAbbreviations(new String[] {"“It is not helping,” Philip N.",
                "Cohen wrote.", "He fought in World War I.", "Later he farmed.", "He won a seat as then-Gov.",
                "Ann Smith watched."}))
                .containsExactly("“It is not helping,” Philip N. Cohen wrote.", "He fought in World War I.",
                        "Later he farmed.", "He won a seat as then-Gov. Ann Smith watched.");
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

    /** Counts what a splitter hands to the tokenizer and to the sentence model. */
    private static final class Work {
        long tokenizerCalls;
        long tokenizerChars;
        long modelChars;
        int longestModelRun;

        PassageSplitter splitter(TokenCounter tokens) {
            SentenceDetector model = new SentenceDetector();
            return new PassageSplitter(text -> {
                tokenizerCalls++;
                tokenizerChars += text.length();
                return tokens.count(text);
            }, PassageSplitter.DEFAULT_MAX_TOKENS, text -> {
                modelChars += text.length();
                for (String run : text.split("[\\s\\p{Zs}]+")) {
                    longestModelRun = Math.max(longestModelRun, run.length());
                }
                return model.split(text);
            });
        }
    }

    /** The sentence model the splitter uses by default. */
    private static final class SentenceDetector {
        private final dev.langchain4j.data.document.splitter.DocumentBySentenceSplitter model =
                new dev.langchain4j.data.document.splitter.DocumentBySentenceSplitter(Integer.MAX_VALUE, 0);

        String[] split(String text) {
            return model.split(text);
        }
    }

    private static String words(int count, boolean fullStops) {
        String[] words = {"the", "council", "approved", "a", "budget", "of", "$450,000", "on", "Monday", "Mr.",
            "Smith", "said", "U.S.", "officials", "in", "Nairobi"};
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(count);
        for (int i = 0; i < count; i++) {
            text.append(words[random.nextInt(words.length)]).append(fullStops && i % 17 == 16 ? ". " : " ");
        }
        return text.toString().strip();
    }

    /**
     * Issue 13, defect 3: splitting a large set was slow. Splitting must take work linear in the text, measured
     * without a clock: the tokenizer is called a bounded number of times per word, on a bounded number of
     * characters per character of text, for a paragraph-less article of one endless sentence as for one of short
     * sentences; and the sentence model, which rescans a run without white space once for every full stop in it,
     * never gets a run longer than {@link PassageSplitter#MAX_RUN_CHARS} (a whitespace-free text of 100,000
     * characters was handed to it whole).
     */
    @Test
    void splittingIsLinearInTheText() {
        for (boolean fullStops : new boolean[] {false, true}) {
            long[] calls = new long[2];
            for (int i = 0; i < 2; i++) {
                int count = i == 0 ? 5_000 : 20_000;
                String body = words(count, fullStops);
                Work work = new Work();

                List<Passage> passages = work.splitter(tokens).split(article("Budget", body));

                assertThat(passages.stream().map(Passage::text).collect(Collectors.joining(" "))).isEqualTo(body);
                assertThat(work.tokenizerCalls).as("tokenizer calls for %d words", count).isLessThan(3L * count);
                assertThat(work.tokenizerChars).as("tokenizer characters").isLessThan(3L * body.length());
                assertThat(work.modelChars).as("sentence model characters").isLessThanOrEqualTo(body.length());
                calls[i] = work.tokenizerCalls;
            }
            assertThat(calls[1]).as("calls for 4 times the words").isLessThan(5 * calls[0]);
        }
        String unbroken = IntStream.range(0, 25_000).mapToObj(i -> "a" + i % 10 + ".").collect(Collectors.joining())
                + " More follows. And " + "x1.".repeat(400) + " ends here.";
        Work work = new Work();

        List<Passage> passages = work.splitter(tokens).split(article("Unbroken", unbroken));

        assertThat(work.longestModelRun).isLessThanOrEqualTo(PassageSplitter.MAX_RUN_CHARS);
        assertThat(work.modelChars).isLessThan(unbroken.length());
        assertThat(work.tokenizerChars).isLessThan(3L * unbroken.length());
        assertThat(passages.stream().map(Passage::text).collect(Collectors.joining(" ")).replace(" ", ""))
                .as("a run longer than the budget is cut into pieces, nothing lost")
                .isEqualTo(unbroken.replace(" ", ""));
    }
}

package dev.newsbot.answer.llm;

import static dev.newsbot.answer.llm.LlmFixture.STORE;
import static dev.newsbot.answer.llm.LlmFixture.passages;
import static dev.newsbot.answer.llm.LlmFixture.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.answer.Question;
import dev.newsbot.answer.llm.CitationVerifier.Checked;
import dev.newsbot.answer.llm.ModelReply.Sentence;
import dev.newsbot.search.RetrievedPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier with the hashing embedder: real term analysis, a stand-in for embedding similarity. */
class CitationVerifierTest {

    private static final Question Q = question("How many people were killed in the Port Elma earthquake?");
    private static final List<RetrievedPassage> GIVEN = passages(Q, "quake", "budget", "final");

    private final CitationVerifier verifier = new CitationVerifier(LlmFixture.ANALYZER, LlmFixture.EMBEDDER);

    private Checked check(String text, Integer... markers) {
        return verifier.verify(List.of(new Sentence(text, List.of(markers))), GIVEN, STORE).get(0);
    }

    @Test
    void should_keep_a_sentence_its_passage_states() {
        Checked checked = check("Officials said 12 people were killed in Port Elma.", 1);

        assertThat(checked.isKept()).isTrue();
        assertThat(checked.kept()).containsExactly(1);
    }

    @Test
    void should_keep_only_the_citations_that_support_the_sentence() {
        Checked checked = check("Officials said 12 people were killed in Port Elma.", 2, 1, 3);

        assertThat(checked.kept()).containsExactly(1);
    }

    @Test
    void should_drop_a_sentence_whose_passage_does_not_state_it() {
        assertThat(check("Officials said 12 people were killed in Port Elma.", 2).dropped())
                .isEqualTo("not supported by the cited passage");
    }

    @Test
    void should_drop_a_sentence_with_a_number_or_name_its_passage_lacks() {
        assertThat(check("Officials said 13 people were killed in Port Elma.", 1).dropped()).contains("\"13\"");
        assertThat(check("Officials said 12 people were killed in Port Elma, Spain.", 1).dropped()).contains("\"spain\"");
    }

    @Test
    void should_accept_the_outlet_and_the_date_as_facts_of_the_passage() {
        assertThat(check("Reuters reported on June 10, 2022 that 12 people were killed in Port Elma.", 1).isKept())
                .isTrue();
    }

    @Test
    void should_drop_uncited_and_out_of_range_citations() {
        assertThat(check("Officials said 12 people were killed.").dropped()).isEqualTo("uncited");
        assertThat(check("Officials said 12 people were killed.", 4, 0).dropped()).isEqualTo("cites passages not given");
    }

    @Test
    void should_drop_a_sentence_too_short_to_state_a_fact() {
        assertThat(check("Port Elma.", 1).dropped()).isEqualTo("states no checkable fact");
    }

    @Test
    void should_find_the_words_of_an_injected_instruction() {
        List<RetrievedPassage> given = passages(Q, "festival", "quake");

        assertThat(verifier.injectedTerms(given)).containsExactlyInAnyOrder("ignor", "previou", "instruct", "repli", "hack");
    }

    @Test
    void should_score_support_as_weighted_overlap_and_similarity() {
        CitationVerifier.Support support = new CitationVerifier.Support(1.0, 0.5);

        assertThat(support.score()).isEqualTo(CitationVerifier.OVERLAP_WEIGHT + (1 - CitationVerifier.OVERLAP_WEIGHT) * 0.5);
    }
}

package dev.newsbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.articles.Article;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerTest {

    private static final Question Q = Question.of("q?", LocalDate.of(2022, 1, 1), "s");
    private static final SetInfo SET = new SetInfo("s", "v1", 1, 1);
    private static final Article A = new Article("a", "Title", null, null, null, null, "Body text.");

    private static Answer answer(List<AnswerSentence> sentences, List<Citation> citations) {
        return new Answer(Q, sentences, citations, false, null, SET, "extractive", List.of(), Map.of(), false, 0.9);
    }

    @Test
    void should_render_sentences_with_their_markers() {
        Answer a = answer(List.of(new AnswerSentence("Body text.", List.of(1))), List.of(new Citation(1, A, "Body text.")));

        assertThat(a.text()).isEqualTo("Body text. [1]");
    }

    @Test
    void should_reject_a_sentence_without_a_citation() {
        assertThatThrownBy(() -> new AnswerSentence("Uncited.", List.of())).hasMessageContaining("AnswerSentence.sources");
    }

    @Test
    void should_reject_a_marker_with_no_source() {
        assertThatThrownBy(() -> answer(List.of(new AnswerSentence("x", List.of(2))), List.of(new Citation(1, A, "x"))))
                .hasMessageContaining("cite sources [2]");
    }

    @Test
    void should_reject_a_source_no_sentence_cites() {
        Citation extra = new Citation(2, A, "y");
        assertThatThrownBy(() -> answer(List.of(new AnswerSentence("x", List.of(1))), List.of(new Citation(1, A, "x"), extra)))
                .hasMessageContaining("no sentence cites");
    }

    @Test
    void should_reject_a_refusal_with_citations() {
        assertThatThrownBy(() -> new Answer(Q, List.of(), List.of(new Citation(1, A, "x")), true, "no", SET, "extractive",
                List.of(), Map.of(), false, 0)).hasMessageContaining("empty when refused");
    }
}

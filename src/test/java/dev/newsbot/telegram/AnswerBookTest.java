package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerBookTest {

    private static Answered answer(String id, long chat, int question, int message) {
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        return new Answered(id, chat, question, List.of(message), "q", t, "news", "v1", "a [1].", List.of(), false, t);
    }

    @Test
    void should_find_answers_by_id_and_question_and_forget_the_oldest_beyond_capacity() {
        AnswerBook book = new AnswerBook(2);
        book.put(answer("a", 1, 10, 11));
        book.put(answer("b", 1, 12, 13));
        book.put(answer("c", 2, 10, 11));

        assertThat(book.byId("a")).isEmpty();
        assertThat(book.answerTo(1, 10)).isEmpty();
        assertThat(book.byId("b")).hasValueSatisfying(x -> assertThat(x.isIn(1, 13)).isTrue());
        assertThat(book.answerTo(2, 10)).map(Answered::id).contains("c");
    }

    @Test
    void should_replace_the_answer_to_an_edited_question_and_forget_the_old_buttons() {
        AnswerBook book = new AnswerBook(10);
        book.put(answer("old", 1, 10, 11));
        book.put(answer("new", 1, 10, 11));

        assertThat(book.byId("old")).isEmpty();
        assertThat(book.answerTo(1, 10)).map(Answered::id).contains("new");
        assertThat(book.byId("new").orElseThrow().isIn(2, 11)).isFalse();
    }

    @Test
    void should_issue_unguessable_ids_and_validate_its_fields() {
        assertThat(AnswerBook.newId()).matches("[A-Za-z0-9_-]{16}").isNotEqualTo(AnswerBook.newId());
        assertThatThrownBy(() -> new AnswerBook(0)).hasMessageContaining("AnswerBook.capacity");
        Instant t = Instant.now();
        assertThatThrownBy(() -> new Answered("x", 1, 1, List.of(), "q", t, "s", "", "a", List.of(), false, t))
                .hasMessage("Answered.messageIds must not be empty");
    }
}

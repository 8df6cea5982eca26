package dev.newsbot.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.answer.llm.ModelReply.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    private final ReplyParser parser = new ReplyParser();

    @Test
    void should_split_sentences_and_read_their_markers() {
        ModelReply reply = parser.parse("Officials said 12 people were killed [1]. The U.S. sent aid [2][3].");

        assertThat(reply.refused()).isFalse();
        assertThat(reply.sentences()).containsExactly(
                new Sentence("Officials said 12 people were killed.", List.of(1)),
                new Sentence("The U.S. sent aid.", List.of(2, 3)));
    }

    @Test
    void should_attach_markers_written_after_the_full_stop_to_their_sentence() {
        ModelReply reply = parser.parse("Rovers won the final. [3] Ana Silva scored the winner. [3, 1]");

        assertThat(reply.sentences()).containsExactly(new Sentence("Rovers won the final.", List.of(3)),
                new Sentence("Ana Silva scored the winner.", List.of(3, 1)));
    }

    @Test
    void should_read_markers_inside_a_sentence_and_passage_labels() {
        ModelReply reply = parser.parse("According to [Passage 2], the council passed the budget on Sunday [2; 4].");

        assertThat(reply.sentences()).containsExactly(
                new Sentence("According to, the council passed the budget on Sunday.", List.of(2, 4)));
    }

    @Test
    void should_ignore_list_bullets_and_emphasis() {
        ModelReply reply = parser.parse("- **12 people** were killed [1]\n2. Forty were injured [1].\n\n");

        assertThat(reply.sentences()).containsExactly(new Sentence("12 people were killed", List.of(1)),
                new Sentence("Forty were injured.", List.of(1)));
    }

    @Test
    void should_keep_uncited_sentences_without_markers() {
        ModelReply reply = parser.parse("Here is what I found. Twelve died [1].");

        assertThat(reply.sentences()).extracting(Sentence::markers).containsExactly(List.of(), List.of(1));
    }

    @Test
    void should_read_the_refusal_word() {
        assertThat(parser.parse(" NO_ANSWER\n").refused()).isTrue();
        assertThat(parser.parse("\"NO_ANSWER.\"").refused()).isTrue();
        assertThat(parser.parse("NO_ANSWER, but 12 people died [1].").refused()).isFalse();
    }
}

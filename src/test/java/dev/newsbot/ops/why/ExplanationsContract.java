package dev.newsbot.ops.why;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Question;
import dev.newsbot.answer.SetInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Explanations} promises, kept by {@link LastAnswers} (one process) and the fleet's Redis keys.
 * {@link #open} gives a store over the same place each time (another replica, for the shared one); a store that keeps
 * answers only in its own memory returns the same instance.
 */
public abstract class ExplanationsContract {

    protected abstract Explanations open();

    /** A refused answer to {@code question} from version {@code version} of set {@code news}. */
    public static Answer refusal(String question, String version) {
        return new Answer(new Question(question, LocalDate.of(2024, 5, 1), "news", null), List.of(), List.of(), true,
                "Not in the articles.", new SetInfo("news", version, 3, 9), "extractive", List.of(),
                Map.of("embed", 1.5, "retrieve", 2.0, "answer", 0.5), false, 0.12);
    }

    @Test
    void should_explain_the_last_answer_of_each_chat() {
        Explanations trail = open();
        trail.answered("1", refusal("Who won the race?", "v1"));
        trail.answered("1", refusal("Who won the cup?", "v2"));
        trail.answered("2", refusal("When is the vote?", "v2"));

        Explanations other = open();

        assertThat(other.explain("1")).contains(Why.render(refusal("Who won the cup?", "v2")));
        assertThat(other.explain("2")).get().asString().contains("Question: When is the vote?");
    }

    @Test
    void should_have_nothing_for_a_chat_without_answers() {
        assertThat(open().explain("404")).isEmpty();
        assertThat(new Why(open()).forChat("404")).isEqualTo(Why.NONE);
    }
}

package dev.newsbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbot.answer.Question;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalRunnerTest {

    @Test
    void should_warm_up_with_questions_about_the_first_titles_on_the_given_day() {
        List<Question> asked = new ArrayList<>();
        LocalDate day = LocalDate.of(2023, 12, 31);

        EvalRunner.warmUp(List.of("Storm hits coast", "Council passes budget", "Rovers win"), 2, day, "news",
                question -> {
                    asked.add(question);
                    return null;
                });

        assertThat(asked).extracting(Question::text)
                .containsExactly("What happened: Storm hits coast?", "What happened: Council passes budget?");
        assertThat(asked).allSatisfy(q -> {
            assertThat(q.askedOn()).isEqualTo(day);
            assertThat(q.setName()).isEqualTo("news");
        });
    }
}

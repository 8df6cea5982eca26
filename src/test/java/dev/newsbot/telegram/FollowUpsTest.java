package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpsTest {

    @Test
    void should_remember_the_question_each_bot_message_answered_per_chat() {
        FollowUps f = new FollowUps(10, 10);
        f.remember(1, 100, "What happened?");
        f.remember(2, 100, "Who won?");

        assertThat(f.questionAnsweredBy(1, 100)).isEqualTo("What happened?");
        assertThat(f.questionAnsweredBy(2, 100)).isEqualTo("Who won?");
        assertThat(f.questionAnsweredBy(1, 101)).isNull();
    }

    @Test
    void should_forget_the_oldest_beyond_its_bounds() {
        FollowUps f = new FollowUps(2, 2);
        f.remember(1, 1, "a");
        f.remember(1, 2, "b");
        f.remember(1, 3, "c");
        f.remember(2, 1, "x");
        f.remember(3, 1, "y");

        assertThat(f.questionAnsweredBy(1, 1)).isNull();
        assertThat(f.questionAnsweredBy(1, 3)).isNull();
        assertThat(f.questionAnsweredBy(2, 1)).isEqualTo("x");
        assertThat(f.questionAnsweredBy(3, 1)).isEqualTo("y");
    }
}

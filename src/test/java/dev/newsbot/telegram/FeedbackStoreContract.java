package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What every {@link FeedbackStore} promises: {@code feedback.jsonl} of one process and the fleet's Redis both pass it.
 * {@link #open} gives a store over the same place each time (the next start, or another replica).
 */
public abstract class FeedbackStoreContract {

    protected abstract FeedbackStore open();

    /** A vote line as {@link FeedbackLog} writes it. */
    protected static String line(String answer, String user, String vote) {
        return "{\"time\":\"2024-05-01T12:00:00Z\",\"answer_id\":\"" + answer + "\",\"vote\":\"" + vote
                + "\",\"question\":\"Who won?\",\"asked_on\":\"2024-05-01\",\"user\":\"" + user + "\"}";
    }

    @Test
    void should_keep_one_salt_for_every_store_over_the_same_place() {
        byte[] salt = open().salt();

        assertThat(salt).hasSizeGreaterThanOrEqualTo(16);
        assertThat(open().salt()).isEqualTo(salt);
    }

    @Test
    void should_append_a_vote_once_and_a_changed_vote_again() {
        FeedbackStore store = open();

        assertThat(store.append("a1/u1", "up", line("a1", "u1", "up"))).isTrue();
        assertThat(store.append("a1/u1", "up", line("a1", "u1", "up"))).isFalse();
        assertThat(store.append("a1/u2", "up", line("a1", "u2", "up"))).isTrue();
        assertThat(store.append("a1/u1", "down", line("a1", "u1", "down"))).isTrue();

        assertThat(store.lines()).containsExactly(line("a1", "u1", "up"), line("a1", "u2", "up"),
                line("a1", "u1", "down"));
    }

    @Test
    void should_recognise_a_repeated_vote_through_another_store_over_the_same_place() {
        FeedbackStore first = open();
        first.append("a2/u1", "down", line("a2", "u1", "down"));
        first.close();

        FeedbackStore second = open();

        assertThat(second.append("a2/u1", "down", line("a2", "u1", "down"))).isFalse();
        assertThat(second.lines()).containsExactly(line("a2", "u1", "down"));
    }
}

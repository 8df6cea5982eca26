package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.TestClock;
import dev.newsbot.eval.EvalQuestion;
import dev.newsbot.eval.QuestionLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feedback file written by {@link FeedbackLog}, exported and loaded back by the eval's question loader. */
class FeedbackExportTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));

    private static Answered answer(String id, String question, List<String> urls, boolean refused) {
        return new Answered(id, -100L, 7, List.of(8), question, Instant.parse("2024-04-30T23:30:00Z"), "westgate",
                "v3", refused ? "The articles do not cover this." : "It was 59 [1].", urls, refused,
                Instant.parse("2024-04-30T23:30:02Z"));
    }

    @Test
    void should_export_rated_answers_as_questions_that_eval_loads() throws IOException {
        Answered liked = answer("AAAAAAAAAAAAAAAA", "How many died?", List.of("https://example.org/a"), false);
        Answered disliked = answer("BBBBBBBBBBBBBBBB", "Who was arrested?", List.of("https://example.org/b"), false);
        Answered refused = answer("CCCCCCCCCCCCCCCC", "Who won the cup?", List.of(), true);
        try (FeedbackLog log = FeedbackLog.open(dir, clock)) {
            assertThat(log.record(liked, 1, FeedbackLog.Vote.UP)).isTrue();
            assertThat(log.record(liked, 1, FeedbackLog.Vote.UP)).isFalse();
            log.record(disliked, 1, FeedbackLog.Vote.UP);
            log.record(disliked, 1, FeedbackLog.Vote.DOWN);
            clock.advance(Duration.ofDays(3));
            log.record(refused, 2, FeedbackLog.Vote.DOWN);
        }
        Path out = dir.resolve("out/questions.jsonl");

        int all = FeedbackExport.export(dir, null, Set.of("up", "down"), out);
        List<EvalQuestion> questions = QuestionLoader.load(out);

        assertThat(all).isEqualTo(3);
        assertThat(questions).extracting(EvalQuestion::id)
                .containsExactly("fb-AAAAAAAAAAAAAAAA", "fb-BBBBBBBBBBBBBBBB", "fb-CCCCCCCCCCCCCCCC");
        EvalQuestion up = questions.get(0);
        assertThat(up.question()).isEqualTo("How many died?");
        assertThat(up.askedOn()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(up.type()).isEqualTo("feedback-up");
        assertThat(up.answerable()).isTrue();
        assertThat(up.goldUrls()).containsExactly("https://example.org/a");
        assertThat(questions.get(1).type()).isEqualTo("feedback-down");
        assertThat(questions.get(1).goldUrls()).isEmpty();
        assertThat(questions.get(2).answerable()).isTrue();

        int down = FeedbackExport.export(dir, LocalDate.of(2024, 5, 2), Set.of("down"), out);
        assertThat(down).isEqualTo(1);
        assertThat(QuestionLoader.load(out)).extracting(EvalQuestion::id).containsExactly("fb-CCCCCCCCCCCCCCCC");
    }

    @Test
    void should_keep_the_salt_across_opens_and_skip_a_torn_last_line() throws IOException {
        Answered a = answer("AAAAAAAAAAAAAAAA", "How many died?", List.of(), false);
        String first;
        try (FeedbackLog log = FeedbackLog.open(dir, clock)) {
            first = log.hash("user", 42);
            log.record(a, 42, FeedbackLog.Vote.UP);
        }
        Files.writeString(dir.resolve(FeedbackLog.FILE), "{\"time\":\"2024-05-0", StandardOpenOption.APPEND);
        try (FeedbackLog log = FeedbackLog.open(dir, clock)) {
            assertThat(log.hash("user", 42)).isEqualTo(first).isNotEqualTo(log.hash("chat", 42));
            assertThat(log.record(a, 42, FeedbackLog.Vote.UP)).isFalse();
            assertThat(log.record(a, 42, FeedbackLog.Vote.DOWN)).isTrue();
        }
        assertThat(FeedbackExport.read(dir.resolve(FeedbackLog.FILE))).extracting(FeedbackExport.Vote::vote)
                .containsExactly(FeedbackLog.Vote.UP, FeedbackLog.Vote.DOWN);
    }

    @Test
    void should_name_a_bad_vote_kind_and_a_missing_file() {
        assertThatThrownBy(() -> FeedbackExport.export(dir, null, Set.of("meh"), dir.resolve("q.jsonl")))
                .hasMessage("votes: expected up or down, was 'meh'");
        assertThatThrownBy(() -> FeedbackExport.export(dir, null, Set.of("up"), dir.resolve("q.jsonl")))
                .hasMessageContaining(FeedbackLog.FILE).hasMessageContaining("no feedback file");
    }
}

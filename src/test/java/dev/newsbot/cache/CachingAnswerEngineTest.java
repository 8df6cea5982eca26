package dev.newsbot.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.Question;
import dev.newsbot.answer.SetInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingAnswerEngineTest {

    private static final LocalDate DAY = LocalDate.of(2022, 6, 16);

    /** Answers every question with a refusal naming the current version, counting calls. */
    static final class CountingEngine implements AnswerEngine {
        final AtomicInteger calls = new AtomicInteger();
        volatile String version = "v1";

        @Override
        public Answer answer(Question q) {
            calls.incrementAndGet();
            return new Answer(q, List.of(), List.of(), true, "no answer in " + version,
                    new SetInfo(q.setName(), version, 1, 1), "extractive", List.of(), Map.of(), false, 0);
        }

        @Override
        public String versionOf(String setName) {
            return version;
        }
    }

    private final CountingEngine delegate = new CountingEngine();
    private final AtomicLong nanos = new AtomicLong();
    private final CachingAnswerEngine cache = new CachingAnswerEngine(delegate, "maximumSize=100,expireAfterWrite=1m",
            nanos::get);

    @Test
    void should_answer_a_repeated_question_from_the_cache_and_say_so() {
        Answer first = cache.answer(Question.of("How many were killed?", DAY, "default"));
        Answer second = cache.answer(Question.of("  how many were KILLED ", DAY, "default"));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(delegate.calls).hasValue(1);
        assertThat(cache.stats().hitCount()).isEqualTo(1);
    }

    @Test
    void should_never_serve_an_answer_of_an_old_set_version() {
        cache.answer(Question.of("q", DAY, "default"));
        delegate.version = "v2";

        Answer after = cache.answer(Question.of("q", DAY, "default"));

        assertThat(after.cached()).isFalse();
        assertThat(after.refusal()).contains("v2");
        assertThat(delegate.calls).hasValue(2);
    }

    @Test
    void should_keep_answers_apart_by_set_date_and_follow_up() {
        cache.answer(Question.of("q", DAY, "default"));
        cache.answer(Question.of("q", DAY, "other"));
        cache.answer(Question.of("q", DAY.plusDays(1), "default"));
        cache.answer(new Question("q", DAY, "default", "earlier question"));

        assertThat(delegate.calls).hasValue(4);
    }

    @Test
    void should_expire_answers_by_the_injected_clock() {
        cache.answer(Question.of("q", DAY, "default"));
        nanos.addAndGet(61_000_000_000L);

        assertThat(cache.answer(Question.of("q", DAY, "default")).cached()).isFalse();
    }

    @Test
    void should_reject_a_bad_spec_naming_the_config_key() {
        assertThatThrownBy(() -> new CachingAnswerEngine(delegate, "maximumSize=lots"))
                .hasMessageContaining("cache.answers");
    }
}

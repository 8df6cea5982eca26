package dev.newsbot.cache;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.ForwardingAnswerEngine;
import dev.newsbot.answer.Question;
import java.util.Objects;

/**
 * Counts every question by outcome (answered, refused, failed) and times it, around any {@link AnswerEngine}
 * (usually the caching one, so cache hits count too). Thread-safe.
 */
public final class MeteredAnswerEngine extends ForwardingAnswerEngine {

    private final AnswerMeter metrics;

    public MeteredAnswerEngine(AnswerEngine delegate, AnswerMeter metrics) {
        super(delegate);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Answer answer(Question question) {
        long start = System.nanoTime();
        try {
            Answer answer = delegate.answer(question);
            metrics.question(answer.refused(), System.nanoTime() - start);
            return answer;
        } catch (RuntimeException | Error e) {
            metrics.questionFailed(System.nanoTime() - start);
            throw e;
        }
    }
}

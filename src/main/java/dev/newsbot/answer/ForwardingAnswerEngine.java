package dev.newsbot.answer;

import java.util.Objects;

/**
 * Base of decorators around an {@link AnswerEngine} (caching, metrics, recording): forwards the set version and
 * the answer variant, so a decorator only overrides {@link #answer}.
 */
public abstract class ForwardingAnswerEngine implements AnswerEngine {

    protected final AnswerEngine delegate;

    protected ForwardingAnswerEngine(AnswerEngine delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String versionOf(String setName) {
        return delegate.versionOf(setName);
    }

    @Override
    public String variant() {
        return delegate.variant();
    }
}

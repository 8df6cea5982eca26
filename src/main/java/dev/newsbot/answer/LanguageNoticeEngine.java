package dev.newsbot.answer;

import dev.newsbot.index.PassageStore;
import dev.newsbot.index.SetRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a question asked in another language than English with a notice in that language (see
 * {@link LanguageNotices}), before any search: a refused {@link Answer} whose refusal is the notice, mode
 * {@value #MODE}, no sources. Every other question goes to the engine it decorates. Thread-safe.
 */
public final class LanguageNoticeEngine extends ForwardingAnswerEngine {

    /** The {@link Answer#mode()} of a notice. */
    public static final String MODE = "language-notice";

    private final SetRegistry sets;
    private final LanguageNotices notices;

    public LanguageNoticeEngine(AnswerEngine delegate, SetRegistry sets, LanguageNotices notices) {
        super(delegate);
        this.sets = Objects.requireNonNull(sets, "sets");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    @Override
    public Answer answer(Question question) {
        long start = System.nanoTime();
        Optional<String> notice = notices.noticeFor(question.text());
        if (notice.isEmpty()) {
            return delegate.answer(question);
        }
        PassageStore store = sets.get(question.setName());
        SetInfo set = new SetInfo(store.articleSet().name(), store.articleSet().version(),
                store.articleSet().articles().size(), store.size());
        return new Answer(question, List.of(), List.of(), true, notice.get(), set, MODE, List.of(),
                Map.of("language", (System.nanoTime() - start) / 1e6), false, 0.0);
    }
}

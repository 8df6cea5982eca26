package dev.newsbot.answer;

import dev.newsbot.config.Template;
import dev.newsbot.index.PassageStore;
import dev.newsbot.index.SetRegistry;
import dev.newsbot.index.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Answers with a short "search is unavailable, try again shortly" (the {@code search-unavailable.txt} prompt) when
 * the set's search engine cannot be reached, instead of an error or a wrong answer: a refused {@link Answer} of
 * mode {@value #MODE}, with no sources, never cached (it wraps the cache, which an exception passes through). Each
 * outage is reported to {@code onOutage}; the next question tries the engine again. Thread-safe.
 */
public final class SearchOutageEngine extends ForwardingAnswerEngine {

    /** The {@link Answer#mode()} of the outage notice. */
    public static final String MODE = "search-unavailable";

    private final SetRegistry sets;
    private final Template notice;
    private final Consumer<StoreUnavailableException> onOutage;

    public SearchOutageEngine(AnswerEngine delegate, SetRegistry sets, Template notice,
                              Consumer<StoreUnavailableException> onOutage) {
        super(delegate);
        this.sets = Objects.requireNonNull(sets, "sets");
        this.notice = Objects.requireNonNull(notice, "notice");
        this.onOutage = Objects.requireNonNull(onOutage, "onOutage");
    }

    @Override
    public Answer answer(Question question) {
        long start = System.nanoTime();
        try {
            return delegate.answer(question);
        } catch (StoreUnavailableException e) {
            onOutage.accept(e);
            PassageStore store = sets.get(question.setName());
            SetInfo set = new SetInfo(store.articleSet().name(), store.articleSet().version(),
                    store.articleSet().articles().size(), store.size());
            return new Answer(question, List.of(), List.of(), true, notice.render(Map.of("set", set.name())), set,
                    MODE, List.of(), Map.of("search", (System.nanoTime() - start) / 1e6), false, 0.0);
        }
    }
}

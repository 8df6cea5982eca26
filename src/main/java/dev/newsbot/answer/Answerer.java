package dev.newsbot.answer;

import dev.newsbot.index.PassageStore;
import dev.newsbot.search.RetrievedPassage;
import java.util.List;

/** Writes a cited answer from retrieved passages, or declines when they do not hold it. Thread-safe. */
public interface Answerer {

    Draft write(Question question, PassageStore store, List<RetrievedPassage> passages);

    /** What shapes this answerer's answers besides the question and the set, such as mode and prompt hash. */
    default String variant() {
        return "extractive";
    }
}

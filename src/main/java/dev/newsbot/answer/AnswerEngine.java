package dev.newsbot.answer;

/** The whole answer path: retrieval, then an answerer. Thread-safe. */
public interface AnswerEngine {

    /** Answers {@code question} from its article set. Never returns null. */
    Answer answer(Question question);

    /** The content version of the named set now served, for cache keys. */
    String versionOf(String setName);

    /** What shapes answers besides the question and the set: answer mode, prompt hash. Part of cache keys. */
    default String variant() {
        return ExtractiveAnswerer.MODE;
    }
}

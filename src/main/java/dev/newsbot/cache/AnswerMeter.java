package dev.newsbot.cache;

/** Where {@link MeteredAnswerEngine} counts questions by outcome and records how long each took. */
public interface AnswerMeter {

    /** One question answered, or refused when {@code refused}, in {@code nanos}. */
    void question(boolean refused, long nanos);

    /** One question that failed with an exception after {@code nanos}. */
    void questionFailed(long nanos);
}

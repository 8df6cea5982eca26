package dev.newsbot.ops.why;


/** The in-memory answers of one process keep the {@link ExplanationsContract}. */
class LastAnswersContractTest extends ExplanationsContract {

    private final LastAnswers answers = new LastAnswers(100);

    @Override
    protected Explanations open() {
        return answers;
    }
}

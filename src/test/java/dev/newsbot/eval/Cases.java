package dev.newsbot.eval;

import java.time.LocalDate;
import java.util.List;

/** Hand-made questions and outcomes for the metric tests. */
final class Cases {

    static final LocalDate DAY = LocalDate.of(2023, 12, 31);

    private Cases() {
    }

    static EvalQuestion answerable(String id, List<String> goldUrls, List<String> answers) {
        return answerable(id, "t", goldUrls, answers, List.of());
    }

    static EvalQuestion answerable(String id, String type, List<String> goldUrls, List<String> answers,
                                   List<String> distractors) {
        return new EvalQuestion(id, "Question " + id + "?", DAY, type, true, goldUrls, answers, distractors, List.of());
    }

    static EvalQuestion unanswerable(String id, String type) {
        return new EvalQuestion(id, "Question " + id + "?", DAY, type, false, List.of(), List.of(), List.of(),
                List.of());
    }

    static Outcome ranked(EvalQuestion question, List<String> ranked) {
        return new Outcome(question, ranked, "", List.of(), false, 0);
    }

    static Outcome replied(EvalQuestion question, String reply) {
        return new Outcome(question, List.of(), reply, List.of(), false, 0);
    }

    static Outcome cited(EvalQuestion question, List<String> cited) {
        return new Outcome(question, List.of(), "", cited, false, 0);
    }

    static Outcome refused(EvalQuestion question) {
        return new Outcome(question, List.of(), "The articles do not say.", List.of(), true, 0);
    }

    static Outcome answered(EvalQuestion question) {
        return new Outcome(question, List.of(), "Something [1].", List.of(), false, 0);
    }

    static Outcome timed(EvalQuestion question, long latencyMs) {
        return new Outcome(question, List.of(), "", List.of(), false, latencyMs);
    }
}

package dev.newsbot.eval;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Citation;
import dev.newsbot.answer.Question;
import dev.newsbot.search.RetrievedPassage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Asks every question through an answer path and records what the bot did: the ranked distinct articles
 * retrieval gave the answerer, the reply text, the articles cited, whether it refused, and the time taken.
 */
public final class EvalRunner {

    private EvalRunner() {
    }

    /**
     * @param setName the article set the questions are asked of
     * @param answers the answer path, the same one the bot uses
     */
    public static List<Outcome> run(List<EvalQuestion> questions, String setName, Function<Question, Answer> answers) {
        return run(questions, setName, answers, (q, a) -> { });
    }

    /** As {@link #run(List, String, Function)}, showing every answer to {@code listener} as it comes. */
    public static List<Outcome> run(List<EvalQuestion> questions, String setName, Function<Question, Answer> answers,
                                    BiConsumer<EvalQuestion, Answer> listener) {
        List<Outcome> outcomes = new ArrayList<>(questions.size());
        for (EvalQuestion q : questions) {
            long start = System.nanoTime();
            Answer answer = answers.apply(Question.of(q.question(), q.askedOn(), setName));
            long ms = Math.round((System.nanoTime() - start) / 1e6);
            outcomes.add(outcome(q, answer, ms));
            listener.accept(q, answer);
        }
        return outcomes;
    }

    /**
     * Asks a question about each of up to {@code count} article titles and drops the answers, so that the timed
     * questions meet a running bot: the first few questions after a start run while the JIT compiles (up to about
     * 110 ms here, against 8 ms at the median), and over 200 questions those few are the p99. Titles keep the
     * warm-up clear of the timed questions' cache entries.
     */
    public static void warmUp(List<String> titles, int count, LocalDate askedOn, String setName,
                              Function<Question, Answer> answers) {
        titles.stream().limit(count).forEach(title -> answers.apply(Question.of("What happened: " + title + "?",
                askedOn, setName)));
    }

    static Outcome outcome(EvalQuestion q, Answer answer, long latencyMs) {
        Set<String> ranked = new LinkedHashSet<>();
        for (RetrievedPassage p : answer.retrieved()) {
            ranked.add(Outcome.articleKey(p.article().url(), p.article().id()));
        }
        List<String> cited = new ArrayList<>();
        for (Citation c : answer.citations()) {
            cited.add(Outcome.articleKey(c.article().url(), c.article().id()));
        }
        return new Outcome(q, List.copyOf(ranked), answer.text(), cited, answer.refused(), latencyMs);
    }
}

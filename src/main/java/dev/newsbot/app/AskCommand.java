package dev.newsbot.app;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.AnswerEngine;
import dev.newsbot.answer.Question;
import dev.newsbot.chat.DefaultChatService;
import dev.newsbot.console.PlainText;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Answers questions and exits. Each question is answered on its own: one that cannot be asked (a blank one) gets
 * its own one-line error (and, with {@code --json}, an error object in its place) and the rest are still answered;
 * the exit code is then 1.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer one or more questions, then exit. A repeated question is answered from the cache. "
                + "Each question is answered on its own: a blank one is reported (on stderr, and with --json as "
                + "{\"question\", \"error\"} in its place) and the others are still answered. Exit code 0 when "
                + "every question was answered, 1 when any was not.")
final class AskCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--asked-on", paramLabel = "YYYY-MM-DD",
            description = "The day the question is asked: newer articles are not used (default: today, UTC).")
    LocalDate askedOn;

    @Option(names = "--set", paramLabel = "NAME", description = "The article set to ask (default: the default set).")
    String set;

    @Option(names = "--json", description = "Print one JSON object per question instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QUESTION",
            description = "The question(s). An article file here is refused: " + ArticlePaths.RULE)
    List<String> questions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ArticlePaths.refuseAsQuestions(spec.commandLine(), questions);
        int unanswered = 0;
        try (Newsbot bot = common.start()) {
            Newsbot.Answering answering = bot.answering();
            LocalDate day = askedOn != null ? askedOn : LocalDate.now(answering.clock());
            String setName = set != null ? set : answering.sets().defaultSet();
            for (int i = 0; i < questions.size(); i++) {
                if (!ask(answering.engine(), questions.get(i), i + 1, day, setName)) {
                    unanswered++;
                }
            }
        }
        return unanswered == 0 ? 0 : 1;
    }

    /** Answers one question, or reports in one line why it cannot; true when it was answered. */
    private boolean ask(AnswerEngine engine, String text, int number, LocalDate day, String setName) {
        PrintWriter out = spec.commandLine().getOut();
        if (text.isBlank()) {
            String problem = "question " + number + " is blank; skipped";
            spec.commandLine().getErr().println("newsbot ask: " + problem);
            if (json) {
                out.println(AnswerJson.error(text, problem));
            }
            return false;
        }
        long start = System.nanoTime();
        Answer answer = engine.answer(Question.of(text, day, setName));
        double ms = (System.nanoTime() - start) / 1e6;
        out.println(json ? AnswerJson.of(answer, ms) : PlainText.render(DefaultChatService.toReply(answer)));
        return true;
    }
}

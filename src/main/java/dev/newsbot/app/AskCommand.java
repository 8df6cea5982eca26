package dev.newsbot.app;

import dev.newsbot.answer.Answer;
import dev.newsbot.answer.Question;
import dev.newsbot.chat.DefaultChatService;
import dev.newsbot.chat.PlainText;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers questions and exits. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer one or more questions, then exit. A repeated question is answered from the cache.")
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

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question(s).")
    List<String> questions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Newsbot bot = common.start()) {
            LocalDate day = askedOn != null ? askedOn : LocalDate.now(bot.clock());
            String setName = set != null ? set : bot.sets().defaultSet();
            for (String text : questions) {
                long start = System.nanoTime();
                Answer answer = bot.engine().answer(Question.of(text, day, setName));
                double ms = (System.nanoTime() - start) / 1e6;
                spec.commandLine().getOut().println(json ? AnswerJson.of(answer, ms) : PlainText.render(DefaultChatService.toReply(answer)));
            }
        }
        return 0;
    }
}

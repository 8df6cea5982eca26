package dev.newsbot.app;

import dev.newsbot.index.SetRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The console chat. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Chat on the console: each line is a question; a line starting with + follows up the last "
                + "one; /quit ends.")
final class ChatCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() {
        return chat(common);
    }

    static int chat(CommonOptions common) {
        try (Newsbot bot = common.start()) {
            return chat(bot);
        }
    }

    /** The console chat over a started bot. */
    static int chat(Newsbot bot) {
        SetRegistry sets = bot.answering().sets();
        int articles = sets.get(sets.defaultSet()).articleSet().articles().size();
        System.out.println("Ask about the articles in set \"" + sets.defaultSet() + "\" (" + articles
                + (articles == 1 ? " article" : " articles") + "). Start a line with + to follow up; /quit leaves.");
        bot.console().run(RunCommand.stdin(), System.out);
        return 0;
    }
}

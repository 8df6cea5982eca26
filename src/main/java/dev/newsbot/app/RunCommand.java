package dev.newsbot.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import dev.newsbot.chat.ConsoleChat;
import dev.newsbot.config.Secrets;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the bot: Telegram when a token is set, otherwise the console chat. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the bot: on Telegram when TELEGRAM_BOT_TOKEN is set, else as a console chat. "
                + "With NEWSBOT_ADMIN_TOKEN set, the admin HTTP server listens on admin.addr "
                + "(NEWSBOT_ADMIN_ADDR, default 127.0.0.1:8081).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() {
        Secrets secrets = Secrets.fromEnvironment();
        if (secrets.telegramToken().isEmpty()) {
            System.err.println("""
                    No TELEGRAM_BOT_TOKEN is set, so newsbot runs as a console chat.
                    To connect a Telegram bot: create one with @BotFather, then start
                      TELEGRAM_BOT_TOKEN=<token> java -jar target/newsbot.jar
                    """);
            try (Newsbot bot = new Newsbot(common.config(), Clock.systemUTC())) {
                bot.startOps(secrets);
                bot.loadSets();
                return ChatCommand.chat(bot);
            }
        }
        System.err.println("Telegram mode is not available in this build yet.");
        return 1;
    }

    static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    static ConsoleChat console(Newsbot bot) {
        return new ConsoleChat(bot.chat(), bot.clock());
    }
}

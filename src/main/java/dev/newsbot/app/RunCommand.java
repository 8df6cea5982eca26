package dev.newsbot.app;

import dev.newsbot.config.NewsbotConfig;
import dev.newsbot.config.Secrets;
import dev.newsbot.telegram.TelegramBot;
import dev.newsbot.telegram.TelegramSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
    public Integer call() throws InterruptedException {
        Secrets secrets = Secrets.fromEnvironment();
        NewsbotConfig config = common.config();
        if (secrets.telegramToken().isEmpty()) {
            System.err.println("""
                    No TELEGRAM_BOT_TOKEN is set, so newsbot runs as a console chat.
                    To connect a Telegram bot: create one with @BotFather, then start
                      TELEGRAM_BOT_TOKEN=<token> java -jar target/newsbot.jar
                    (TELEGRAM_API_URL points it at another Bot API server.)
                    """);
            try (Newsbot bot = new Newsbot(config, Clock.systemUTC())) {
                bot.startOps(secrets);
                bot.loadSets();
                return ChatCommand.chat(bot);
            }
        }
        return telegram(config, TelegramSettings.from(config.telegram(), secrets), secrets);
    }

    /** Serves Telegram until the JVM is asked to stop (SIGTERM, Ctrl-C), then shuts down in order. */
    private int telegram(NewsbotConfig config, TelegramSettings settings, Secrets secrets) throws InterruptedException {
        Newsbot bot = new Newsbot(config, Clock.systemUTC());
        try {
            bot.startOps(secrets);
            bot.loadSets();
        } catch (RuntimeException e) {
            bot.close();
            throw e;
        }
        TelegramBot telegram = bot.telegram(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            telegram.close();
            bot.close();
            stopped.countDown();
        }, "newsbot-shutdown"));
        telegram.start();
        System.err.println("newsbot is serving Telegram as @" + telegram.username().orElse("?") + ". Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }

    static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
}

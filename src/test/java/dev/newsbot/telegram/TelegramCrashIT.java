package dev.newsbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Fault;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 9 end to end: the real bot ({@code target/newsbot.jar}, built in the package phase) runs as its own
 * process against the Bot API fake on 127.0.0.1, which injects 429s, 5xx, connection resets and lost replies
 * (message delivered, answer lost) at random, and three lost replies for sure. In the middle of 160 questions from four chats the process is killed
 * with SIGKILL and started again on the same {@code NEWSBOT_HOME}. Every question must get exactly one answer, except
 * that a reply the bot never got (a lost reply) is resent, so that question gets exactly one more.
 *
 * <p>Before the kill the fake holds every {@code sendMessage} (held ones are dropped, never delivered), so no message
 * is delivered in the last second before the kill: the window where Telegram delivered a message but the bot died
 * before journaling it as answered is closed here, and the counts are exact.
 */
@Timeout(300)
class TelegramCrashIT {

    private static final int CHATS = 4;
    private static final int QUESTIONS = 160;
    private static final int BEFORE_KILL = 100;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<String> ASKED = List.of(
            "How many people were killed in the Westgate mall attack?",
            "How many people were injured?",
            "Which group carried out the attack?",
            "How long did the siege last?");

    @TempDir
    Path home;

    private final FakeBotApi fake = new FakeBotApi();
    private final List<Process> processes = new ArrayList<>();

    TelegramCrashIT() throws IOException {
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        fake.close();
    }

    @Test
    void everyQuestionIsAnsweredExactlyOnceAcrossASigkill() throws Exception {
        List<FakeUser> users = new ArrayList<>();
        List<FakeChat> chats = new ArrayList<>();
        for (int i = 0; i < CHATS; i++) {
            users.add(fake.user("Reader" + i));
            chats.add(fake.privateChat(users.get(i)));
        }
        // 10 %: five failures in a row (the bot's give-up point for one answer) stay unlikely (1e-5 a question)
        fake.failRandomly("sendMessage", 0.1, List.of(Fault.tooManyRequests(1), Fault.serverError(502),
                Fault.connectionReset(), Fault.lostReply()), 42);
        fake.failRandomly("getUpdates", 0.1, List.of(Fault.tooManyRequests(1), Fault.serverError(503),
                Fault.connectionReset()), 43);

        fake.failNext("sendMessage", Fault.lostReply());
        Process first = startBot("first");
        await().atMost(WAIT).until(() -> !fake.calls("getUpdates").isEmpty() || !first.isAlive());
        assertThat(first.isAlive()).as(log("first")).isTrue();
        List<Incoming> questions = new ArrayList<>();
        ask(questions, users, chats, BEFORE_KILL);
        await().atMost(WAIT).until(() -> answered(questions) >= 10);
        fake.failNext("sendMessage", Fault.lostReply());
        await().atMost(WAIT).until(() -> answered(questions) >= BEFORE_KILL / 3);

        fake.holdSends(true);
        TimeUnit.SECONDS.sleep(1);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int answeredAtKill = answered(questions);
        fake.holdSends(false);
        assertThat(answeredAtKill).as("killed in the middle of the load").isBetween(1, BEFORE_KILL - 1);

        ask(questions, users, chats, QUESTIONS - BEFORE_KILL);
        fake.failNext("sendMessage", Fault.lostReply());
        Process second = startBot("second");
        try {
            await().atMost(WAIT).until(() -> answered(questions) == QUESTIONS || !second.isAlive());
        } catch (ConditionTimeoutException e) {
            // some questions were lost: the assertions below name them
        }
        fake.stopFailingRandomly("sendMessage");
        fake.stopFailingRandomly("getUpdates");
        for (int i = 0; i < CHATS; i++) {
            fake.awaitReplyTo(fake.say(chats.get(i), users.get(i), "One last question: who was behind it?"),
                    Duration.ofSeconds(30));
        }
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Map<String, Integer> lost = new HashMap<>();
        for (SentMessage m : fake.lostReplies()) {
            lost.merge(m.chatId() + "/" + m.replyTo(), 1, Integer::sum);
        }
        int lostReplies = 0;
        List<String> wrong = new ArrayList<>();
        for (Incoming q : questions) {
            List<SentMessage> replies = fake.repliesTo(q);
            int expected = 1 + lost.getOrDefault(q.chat().id() + "/" + q.messageId(), 0);
            lostReplies += expected - 1;
            if (replies.size() != expected || replies.stream().anyMatch(r -> r.visibleText().startsWith("Sorry"))) {
                wrong.add("update " + q.updateId() + " got " + replies.size() + " replies, expected " + expected);
            }
        }
        System.out.printf("TelegramCrashIT: %d questions, %d answered before the SIGKILL, %d lost replies resent, "
                + "%d sendMessage calls for %d messages delivered%n", questions.size(), answeredAtKill, lostReplies,
                fake.calls("sendMessage").size(), fake.sent().size());
        assertThat(wrong).as("0 lost and 0 duplicated beyond the %d lost replies; answered at the kill: %d%n%s",
                lostReplies, answeredAtKill, log("second")).isEmpty();
        assertThat(lostReplies).as("lost replies were injected").isGreaterThanOrEqualTo(3);
        try (Inbox inbox = Inbox.open(home.resolve("telegram"))) {
            assertThat(inbox.pending()).as("nothing left unanswered in the journal").isEmpty();
        }
    }

    private void ask(List<Incoming> questions, List<FakeUser> users, List<FakeChat> chats, int count) {
        for (int i = 0; i < count; i++) {
            int n = questions.size();
            questions.add(fake.say(chats.get(n % CHATS), users.get(n % CHATS), ASKED.get(n % ASKED.size())));
        }
    }

    private int answered(List<Incoming> questions) {
        return (int) questions.stream().filter(q -> !fake.repliesTo(q).isEmpty()).count();
    }

    private Process startBot(String name) throws IOException {
        Path jar = Path.of("target/newsbot.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (failsafe runs after package)").isRegularFile();
        Path config = Files.writeString(home.resolve("newsbot.yaml"), """
                telegram:
                  rateLimits:
                    perChat: {capacity: 10000, periodSeconds: 60}
                    perUser: {capacity: 10000, periodSeconds: 60}
                """);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-DDJL_CACHE_DIR=" + home.resolve("djl"), "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-jar", jar.toString(), "run", "--config", config.toString());
        Files.createDirectories(home.resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSBOT_") || k.startsWith("TELEGRAM_"));
        env.put("NEWSBOT_HOME", home.toString());
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", fake.baseUrl().toString());
        env.put("NEWSBOT_TELEGRAM_WORKERS", "4");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private String log(String name) {
        try {
            String text = Files.readString(home.resolve(name + ".log"), StandardCharsets.UTF_8);
            return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}

package dev.newsbot.telegram;

import static dev.newsbot.telegram.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsbot.chat.ChatRequest;
import dev.newsbot.telegram.fake.ApiCall;
import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Fault;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every fault the bot must survive, played by the Bot API fake against the real client and poller. */
@Timeout(60)
class TelegramFaultsIT {

    private static final String APOLOGY = "Sorry, something went wrong";

    private BotHarness h;
    private FakeUser ann;
    private FakeChat dm;

    private void start() throws IOException {
        h = new BotHarness().start();
        ann = h.user("Ann");
        dm = h.dm(ann);
    }

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void should_wait_retry_after_on_429_and_resend_without_losing_the_answer() throws IOException {
        start();
        h.fake.failNext("sendMessage", Fault.tooManyRequests(1));

        Incoming q = h.fake.say(dm, ann, "How many people died?");
        SentMessage answer = h.fake.awaitReplyTo(q, WAIT);

        assertThat(answer.visibleText()).startsWith(ScriptedChatService.ANSWER);
        List<ApiCall> sends = h.fake.calls("sendMessage");
        assertThat(sends).hasSize(2);
        assertThat(Duration.ofNanos(sends.get(1).nanos() - sends.get(0).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(h.fake.repliesTo(q)).hasSize(1);
    }

    @Test
    void should_keep_polling_through_server_errors_and_connection_resets() throws IOException {
        start();
        h.fake.failNext("getUpdates", 3, Fault.serverError(502));
        h.fake.failNext("getUpdates", 2, Fault.connectionReset());

        Incoming q = h.fake.say(dm, ann, "Still there?");
        h.fake.awaitReplyTo(q, WAIT);
        awaitNoPendingFaults("getUpdates");
        Incoming after = h.fake.say(dm, ann, "And now?");
        h.fake.awaitReplyTo(after, WAIT);

        assertThat(h.fake.pendingFaults("getUpdates")).isZero();
        assertThat(h.fake.repliesTo(q)).hasSize(1);
        assertThat(h.fake.repliesTo(after)).hasSize(1);
        assertThat(h.chat.requests).hasSize(2);
    }

    /**
     * A long poll already waiting when the faults were queued may deliver the first message before any fault is
     * served; the faults go to the polls after it.
     */
    private void awaitNoPendingFaults(String method) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (h.fake.pendingFaults(method) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void should_back_off_and_resend_after_server_errors_and_resets_when_sending() throws IOException {
        start();
        h.fake.failNext("sendMessage", 2, Fault.serverError(502));
        h.fake.failNext("sendMessage", Fault.connectionReset());

        Incoming q = h.fake.say(dm, ann, "Who was arrested?");
        h.fake.awaitReplyTo(q, WAIT);

        List<ApiCall> sends = h.fake.calls("sendMessage");
        assertThat(sends).hasSize(4);
        assertThat(Duration.ofNanos(sends.get(1).nanos() - sends.get(0).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(40));
        assertThat(Duration.ofNanos(sends.get(2).nanos() - sends.get(1).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(80));
        assertThat(Duration.ofNanos(sends.get(3).nanos() - sends.get(2).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(160));
        assertThat(h.fake.repliesTo(q)).singleElement()
                .satisfies(m -> assertThat(m.visibleText()).startsWith(ScriptedChatService.ANSWER));
    }

    @Test
    void should_resend_the_same_answer_as_plain_text_when_telegram_cannot_parse_its_entities() throws IOException {
        start();
        h.fake.failNext("sendMessage",
                Fault.badRequest("Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"));

        Incoming q = h.fake.say(dm, ann, "How many people died?");
        SentMessage answer = h.fake.awaitReplyTo(q, WAIT);

        assertThat(answer.isHtml()).isFalse();
        assertThat(answer.parseMode()).isNull();
        assertThat(answer.visibleText()).isEqualTo(ScriptedChatService.ANSWER + "\n\nSources\n"
                + "[1] Kenya mall attack: death toll rises to 59 — BBC News, 2013-09-22\n"
                + "[2] Westgate siege: what we know — The Guardian, 2013-09-24");
        assertThat(h.fake.calls("sendMessage").get(0).params().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    }

    @Test
    void should_time_out_a_send_that_never_gets_an_answer_and_carry_on() throws IOException {
        start();
        h.fake.failNext("sendMessage", Fault.stall());

        long t0 = System.nanoTime();
        Incoming q = h.fake.say(dm, ann, "first");
        SentMessage apology = h.fake.awaitReplyTo(q, WAIT);
        Incoming next = h.fake.say(dm, ann, "second");
        SentMessage answer = h.fake.awaitReplyTo(next, WAIT);

        assertThat(apology.visibleText()).startsWith(APOLOGY);
        assertThat(answer.visibleText()).startsWith(ScriptedChatService.ANSWER);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void should_time_out_a_call_whose_answer_lacks_ok_instead_of_waiting_forever() throws IOException {
        h = new BotHarness();
        h.fake.failNext("setMyCommands", Fault.withoutOk());

        long t0 = System.nanoTime();
        h.start();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        ann = h.user("Ann");
        dm = h.dm(ann);
        Incoming q = h.fake.say(dm, ann, "still working?");

        assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        assertThat(h.fake.awaitReplyTo(q, WAIT).visibleText()).startsWith(ScriptedChatService.ANSWER);
    }

    @Test
    void should_apologise_when_a_sent_answer_comes_back_without_ok() throws IOException {
        start();
        h.fake.failNext("sendMessage", Fault.withoutOk());

        Incoming q = h.fake.say(dm, ann, "first");
        SentMessage apology = h.fake.awaitReplyTo(q, WAIT);

        assertThat(apology.visibleText()).startsWith(APOLOGY);
        assertThat(h.fake.calls("sendMessage")).hasSize(2);
    }

    @Test
    void should_recover_when_a_long_poll_never_returns() throws IOException {
        start();
        h.fake.failNext("getUpdates", Fault.stall());
        h.fake.awaitCalls("getUpdates", 3, WAIT);

        Incoming q = h.fake.say(dm, ann, "anyone?");

        assertThat(h.fake.awaitReplyTo(q, Duration.ofSeconds(15)).visibleText()).startsWith(ScriptedChatService.ANSWER);
    }

    @Test
    void should_keep_starting_when_get_me_never_answers_and_stop_cleanly_when_closed_meanwhile() throws Exception {
        h = new BotHarness();
        h.fake.failNext("getMe", 100, Fault.stall());
        TelegramBot bot = new TelegramBot(h.settings(), h.chat, BotHarness.texts(), h.clock);
        Thread starting = new Thread(bot::start, "test-starting");
        starting.start();
        h.fake.awaitCalls("getMe", 2, WAIT);

        bot.close();
        starting.join(5_000);

        assertThat(starting.isAlive()).isFalse();
        assertThat(bot.username()).isEmpty();
        await().atMost(Duration.ofSeconds(3)).until(() -> liveBotThreads().isEmpty());
    }

    /**
     * Defect 7: five 5xx answers to setMyCommands/deleteWebhook used to stop the bot after 12 s. Now start-up
     * keeps retrying (here 3 × 8 failures, well past the old 5 attempts) with capped back-off, says so in one log
     * line per retry and in the readiness ("telegram: getMe failing (502), retrying in …"), and answers once the
     * Bot API recovers.
     */
    @Test
    void startupKeepsRetryingAnUnavailableBotApi() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            h = new BotHarness();
            h.fake.failNext("getMe", 8, Fault.serverError(502));
            h.fake.failNext("setMyCommands", 8, Fault.serverError(503));
            h.fake.failNext("deleteWebhook", 4, Fault.connectionReset());
            h.fake.failNext("deleteWebhook", 4, Fault.tooManyRequests(0));
            dev.newsbot.ops.sets.Readiness readiness = new dev.newsbot.ops.sets.Readiness();
            java.util.List<String> reasonsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
            TelegramBot bot = new TelegramBot(h.settings(), h.chat, BotHarness.texts(), h.clock,
                    TelegramMetrics.none(), null, null, readiness);
            h.bot = bot;
            Thread watcher = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    reasonsSeen.addAll(readiness.reasons());
                    sleepQuietly(5);
                }
            });
            watcher.start();
            bot.start();
            watcher.interrupt();
            watcher.join();

            assertThat(h.fake.pendingFaults("getMe") + h.fake.pendingFaults("setMyCommands")
                    + h.fake.pendingFaults("deleteWebhook")).isZero();
            ann = h.user("Ann");
            dm = h.dm(ann);
            Incoming q = h.fake.say(dm, ann, "Are you there?");
            assertThat(h.fake.awaitReplyTo(q, WAIT).visibleText()).startsWith(ScriptedChatService.ANSWER);
            await().atMost(WAIT).until(() -> readiness.reasons().isEmpty());

            // readiness is sampled every 5 ms, which sees getMe's many retries; the shorter windows of the later
            // calls can fall between two samples on a loaded machine, so their reasons are read from the log
            // lines written by the same call that set them (TelegramHealth.failing)
            assertThat(reasonsSeen).anyMatch(r -> r.matches("telegram: getMe failing \\(502\\), retrying in [0-9.]+ m?s"));
            List<String> retries = logs.lines().stream().filter(l -> l.contains("failing (")).toList();
            assertThat(retries).hasSize(24).allMatch(l -> !l.contains("\n"))
                    .anyMatch(l -> l.contains("setMyCommands failing (503), retrying in "))
                    .anyMatch(l -> l.contains("deleteWebhook failing (429), retrying in "));
            assertThat(logs.throwables()).isEmpty();
        }
    }

    @Test
    void should_apologise_log_the_stack_and_keep_going_when_handling_an_update_throws() throws IOException {
        try (LogCapture logs = new LogCapture()) {
            start();
            Incoming boom = h.fake.say(dm, ann, "please explode");
            Incoming next = h.fake.say(dm, ann, "and now?");

            SentMessage apology = h.fake.awaitReplyTo(boom, WAIT);
            SentMessage answer = h.fake.awaitReplyTo(next, WAIT);

            assertThat(apology.visibleText()).startsWith(APOLOGY);
            assertThat(answer.visibleText()).startsWith(ScriptedChatService.ANSWER);
            await().atMost(WAIT).until(() -> h.fake.isConfirmed(next));
            assertThat(h.fake.isConfirmed(boom)).isTrue();
            assertThat(logs.hasError("Failed to answer update " + boom.updateId(), "simulated failure")).isTrue();
            assertThat(logs.lines()).filteredOn(l -> l.startsWith("Failed to answer update " + boom.updateId()))
                    .singleElement().asString().matches(".* in chat#[0-9a-f]{12}")
                    .doesNotContain(String.valueOf(dm.id()));
        }
    }

    @Test
    void should_answer_a_redelivered_update_only_once() throws IOException {
        start();
        Incoming q = h.fake.say(dm, ann, "What happened?");
        h.fake.awaitReplyTo(q, WAIT);

        h.fake.redeliver(q);
        Incoming sentinel = h.fake.say(dm, ann, "Anything else?");
        h.fake.awaitReplyTo(sentinel, WAIT);

        assertThat(h.fake.repliesTo(q)).hasSize(1);
        assertThat(h.chat.requests).extracting(ChatRequest::text).containsExactly("What happened?", "Anything else?");
    }

    @Test
    void should_close_within_ten_seconds_cancelling_a_stuck_answer_and_leave_no_threads() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        start();
        h.chat.script = r -> {
            sleepQuietly(60_000);
            return ScriptedChatService.standard(r);
        };
        h.fake.say(dm, ann, "this will take forever");
        await().atMost(WAIT).until(() -> h.chat.requests.size() == 1);

        long t0 = System.nanoTime();
        h.bot.close();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(3)).until(() -> liveBotThreads().isEmpty());
        Set<Thread> after = nonDaemonThreads();
        after.removeAll(before);
        assertThat(after).isEmpty();
        System.out.println("close() with a stuck answer took " + took.toMillis() + " ms");
    }

    @Test
    void should_finish_an_in_flight_answer_when_closed() throws IOException {
        start();
        h.chat.script = r -> {
            sleepQuietly(500);
            return ScriptedChatService.standard(r);
        };
        Incoming q = h.fake.say(dm, ann, "quick one before you go");
        await().atMost(WAIT).until(() -> h.chat.requests.size() == 1);

        h.bot.close();

        assertThat(h.fake.repliesTo(q)).singleElement()
                .satisfies(m -> assertThat(m.visibleText()).startsWith(ScriptedChatService.ANSWER));
        int polls = h.fake.calls("getUpdates").size();
        sleepQuietly(1500);
        assertThat(h.fake.calls("getUpdates")).hasSize(polls);
    }

    @Test
    void should_never_reveal_the_token_in_logs_or_exceptions() throws IOException {
        String secretPart = FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);
        StringBuilder thrown = new StringBuilder();
        try (LogCapture logs = new LogCapture()) {
            start();
            h.fake.failNext("getUpdates", Fault.serverError(502));
            h.fake.failNext("getUpdates", Fault.connectionReset());
            h.fake.failNext("sendMessage", Fault.tooManyRequests(1));
            h.fake.failNext("sendMessage", Fault.connectionReset());
            h.fake.failNext("sendMessage", Fault.badRequest("Bad Request: can't parse entities: Unsupported start tag"));
            h.fake.awaitReplyTo(h.fake.say(dm, ann, "one"), WAIT);
            h.fake.failNext("sendMessage", Fault.stall());
            h.fake.awaitReplyTo(h.fake.say(dm, ann, "two"), WAIT);
            h.fake.awaitReplyTo(h.fake.say(dm, ann, "please explode"), WAIT);
            h.fake.failNext("sendMessage", 5, Fault.serverError(503));
            h.fake.say(dm, ann, "three");
            await().atMost(WAIT).until(() -> logs.text().contains("gave up after 5 attempts"));
            h.close();

            for (String token : List.of(FakeBotApi.TOKEN, "1234567:AAwrong-token-for-this-test")) {
                BotHarness other = new BotHarness();
                other.fake.failNext("getMe", Fault.connectionReset());
                other.fake.failNext("getMe", 5, Fault.serverError(500));
                other.env.putAll(Map.of("TELEGRAM_BOT_TOKEN", token, "NEWSBOT_TELEGRAM_WORKERS", "1"));
                TelegramBot bot = new TelegramBot(TelegramTestSettings.read(other.env,
                        new TelegramTestSettings.Timings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                                new TelegramSettings.Retry(6, Duration.ofMillis(10), Duration.ofMillis(20),
                                        Duration.ofSeconds(1)), Duration.ofSeconds(1))),
                        other.chat, BotHarness.texts(), other.clock);
                try {
                    bot.start();
                } catch (TelegramBotException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        thrown.append(t).append('\n');
                    }
                } finally {
                    bot.close();
                    other.close();
                }
            }

            String all = logs.text() + thrown;
            assertThat(thrown.toString()).contains("getMe failed").contains("[401] Unauthorized");
            assertThat(all).contains("getUpdates failing (502)").contains("Too Many Requests").contains("getMe failing (500)").doesNotContain(secretPart)
                    .doesNotContain("AAwrong-token-for-this-test");
        }
    }

    @Test
    void should_count_api_errors_into_a_meter_registry() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        h = new BotHarness();
        h.metrics = TelegramMetrics.micrometer(registry);
        h.start();
        ann = h.user("Ann");
        dm = h.dm(ann);
        h.fake.failNext("sendMessage", Fault.tooManyRequests(0));
        h.fake.failNext("sendMessage", Fault.serverError(502));
        h.fake.failNext("getUpdates", Fault.connectionReset());

        h.fake.awaitReplyTo(h.fake.say(dm, ann, "count me"), WAIT);
        h.fake.awaitReplyTo(h.fake.say(dm, ann, "please explode"), WAIT);

        assertThat(registry.get("newsbot.telegram.api.errors").tags("method", "sendmessage", "kind", "rate_limited")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("newsbot.telegram.api.errors").tags("method", "sendmessage", "kind", "server_error")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("newsbot.telegram.api.errors").tags("method", "getupdates", "kind", "network")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("newsbot.telegram.update.failures").counter().count()).isEqualTo(1);
    }

    /** Live non-daemon threads, except Awaitility's own condition thread (a test artefact). */
    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .filter(t -> !t.getName().startsWith("awaitility")).collect(Collectors.toSet());
    }

    private static List<String> liveBotThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("newsbot-telegram")).toList();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.newsbot.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsbot.telegram.fake.FakeBotApi;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 19 end to end: three replicas of the real bot ({@code target/newsbot.jar}, each its own process, home, webhook
 * and admin port) share the real Redis on 127.0.0.1:6379 under a key prefix of this test. The Bot API fake pushes
 * every update through a round-robin {@link RoundRobinProxy} (standing in for nginx or HAProxy), so any replica may
 * receive any question; they answer from the seed article set.
 *
 * <p>As in {@code TelegramCrashIT}, the fake holds every {@code sendMessage} for the second before a SIGKILL (held
 * ones are reset, never delivered): that closes the unavoidable window where Telegram delivered an answer but the
 * replica died before marking it done, so the counts below are exact.
 */
@Timeout(600)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {

    private static final int REPLICAS = 3;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SECRET = "fleet-secret_Token";
    /** The per-chat rate limit: 15 questions an hour, so a flood is cut at 15 within the test's few minutes. */
    private static final int CHAT_CAPACITY = 15;
    private static final List<String> ASKED = List.of(
            "How many people were killed in the Westgate mall attack?",
            "How many people were injured?",
            "Which group carried out the attack?",
            "How long did the siege last?");
    private static final String LOCAL_QUESTION = "How many days of repairs did the harbour need?";

    private final FakeBotApi fake = new FakeBotApi();
    private final TestRedis redis = new TestRedis("fleetit");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Replica> replicas = new ArrayList<>();
    private Path dir;
    private RoundRobinProxy proxy;
    private FakeUser chooser;
    private FakeChat chosen;
    private FakeUser admin;
    private Path local;

    FleetIT() throws IOException {
    }

    /** One replica: its process (replaced on restart), webhook port, admin port and home. */
    private static final class Replica {
        final String name;
        final int webhookPort;
        final int adminPort;
        final Path home;
        Process process;
        int starts;

        Replica(String name, int webhookPort, int adminPort, Path home) {
            this.name = name;
            this.webhookPort = webhookPort;
            this.adminPort = adminPort;
            this.home = home;
        }
    }

    @BeforeAll
    void startFleet() throws Exception {
        TestRedis.ensureRunning();
        dir = Files.createTempDirectory("newsbot-fleetit");
        admin = fake.user("Operator");
        local = Files.createDirectories(dir.resolve("local"));
        Files.writeString(local.resolve("port.jsonl"), "{\"id\":\"port\",\"title\":\"Harbour reopens\",\"source\":"
                + "\"Coast News\",\"published\":\"2022-05-01\",\"body\":\"The harbour of Port Elma reopened on Monday "
                + "after 40 days of repairs. Ferries resumed their routes.\"}\n");
        Files.writeString(dir.resolve("newsbot.yaml"), """
                articles:
                  sets:
                    local: ['%s']
                admin:
                  userIds: [%d]
                telegram:
                  rateLimits:
                    perChat: {capacity: %d, periodSeconds: 3600}
                    perUser: {capacity: 10000, periodSeconds: 60}
                  webhook:
                    enabled: true
                    host: 127.0.0.1
                    publicUrl: https://bot.example.test/telegram/hook
                state:
                  redis: %s
                  redisPrefix: %s
                  claimTimeoutMillis: 2000
                """.formatted(local, admin.id(), CHAT_CAPACITY, TestRedis.SERVER, redis.prefix));
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            replicas.add(new Replica("r" + (i + 1), freePort(), freePort(), dir.resolve("r" + (i + 1))));
            ports.add(replicas.get(i).webhookPort);
        }
        proxy = RoundRobinProxy.start(ports);
        fake.routeWebhookTo(proxy.uri());
        for (Replica r : replicas) {
            start(r);
        }
        for (Replica r : replicas) {
            awaitReady(r);
        }
    }

    @AfterAll
    void stopFleet() throws Exception {
        try {
            for (Replica r : replicas) {
                if (r.process != null) {
                    r.process.destroyForcibly();
                    r.process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            if (proxy != null) {
                proxy.close();
            }
            fake.close();
        } finally {
            TestRedis.ensureRunning();
            redis.close();
        }
    }

    @Test
    @Order(1)
    void should_lose_and_double_no_answer_and_keep_each_chats_order_when_a_replica_is_sigkilled() throws Exception {
        chooser = fake.user("Chooser");
        chosen = fake.privateChat(chooser);
        assertThat(fake.awaitReplyTo(fake.say(chosen, chooser, "/use local"), WAIT).visibleText())
                .contains("now uses the article set local");
        List<FakeUser> users = new ArrayList<>();
        List<FakeChat> chats = new ArrayList<>();
        readers("Reader", 30, users, chats);
        List<Incoming> questions = new ArrayList<>();
        ask(questions, users, chats, 150);
        await().atMost(WAIT).until(() -> answered(questions) >= 50);

        fake.holdSends(true);
        TimeUnit.SECONDS.sleep(1);
        Replica victim = replicas.get(1);
        victim.process.destroyForcibly();
        assertThat(victim.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int answeredAtKill = answered(questions);
        fake.holdSends(false);
        ask(questions, users, chats, 150);
        start(victim);
        awaitReady(victim);

        awaitAnswered(questions);
        System.out.printf("FleetIT: %d questions from %d chats, %d answered when %s was SIGKILLed, %s%n",
                questions.size(), chats.size(), answeredAtKill, victim.name, metric(replicas.get(0),
                        "newsbot_fleet_claimed_total"));
        assertExactlyOnceInOrder(questions, chats);
        assertThat(answeredAtKill).as("killed in the middle of the load").isBetween(1, 299);
    }

    @Test
    @Order(2)
    void should_limit_a_user_flooding_across_replicas_at_the_shared_rate_within_one_token() throws Exception {
        FakeUser flooder = fake.user("Flooder");
        FakeChat chat = fake.privateChat(flooder);
        List<Incoming> flood = new ArrayList<>();
        for (int i = 0; i < 3 * CHAT_CAPACITY; i++) {
            flood.add(fake.say(chat, flooder, ASKED.get(i % ASKED.size())));
        }
        await().atMost(WAIT).until(() -> flood.stream().allMatch(fake::isConfirmed));
        TimeUnit.SECONDS.sleep(3);

        List<SentMessage> replies = fake.sentTo(chat);
        long notices = replies.stream().filter(m -> m.visibleText().startsWith("You are asking faster")).count();
        long answers = replies.size() - notices;
        System.out.printf("FleetIT: %d questions flooded across %d replicas: %d answered, %d notice(s)%n",
                flood.size(), REPLICAS, answers, notices);
        assertThat(answers).as("answers at a capacity of %d", CHAT_CAPACITY).isBetween((long) CHAT_CAPACITY,
                CHAT_CAPACITY + 1L);
        assertThat(notices).as("told once").isEqualTo(1);
    }

    @Test
    @Order(3)
    void should_lose_nothing_in_a_rolling_restart_of_every_replica_under_load() throws Exception {
        List<FakeUser> users = new ArrayList<>();
        List<FakeChat> chats = new ArrayList<>();
        readers("Roller", 10, users, chats);
        List<Incoming> questions = new ArrayList<>();
        for (Replica r : replicas) {
            ask(questions, users, chats, 20);
            r.process.destroy();
            assertThat(r.process.waitFor(30, TimeUnit.SECONDS)).as("%s stops on SIGTERM", r.name).isTrue();
            ask(questions, users, chats, 10);
            start(r);
            awaitReady(r);
        }
        ask(questions, users, chats, 10);

        awaitAnswered(questions);
        System.out.printf("FleetIT: rolling restart of %d replicas, %d questions answered%n", REPLICAS,
                questions.size());
        assertExactlyOnceInOrder(questions, chats);
    }

    @Test
    @Order(4)
    void should_keep_a_chats_set_choice_for_replicas_that_never_saw_the_use_command() {
        assertThat(replicas).allMatch(r -> r.starts >= 2, "every replica was restarted since /use");

        SentMessage answer = fake.awaitReplyTo(fake.say(chosen, chooser, LOCAL_QUESTION), WAIT);

        assertThat(answer.visibleText()).contains("40").contains("Harbour reopens");
    }

    @Test
    @Order(5)
    void should_reload_every_replica_when_one_is_asked_and_show_every_version_in_status() throws Exception {
        FakeChat console = fake.privateChat(admin);
        String before = fake.awaitReplyTo(fake.say(console, admin, "/status"), WAIT).visibleText();
        Files.writeString(local.resolve("bridge.jsonl"), "{\"id\":\"bridge\",\"title\":\"Bridge closes\","
                + "\"source\":\"Coast News\",\"published\":\"2022-05-02\",\"body\":\"The old bridge of Port Elma "
                + "closed on Tuesday for 12 weeks of repairs.\"}\n");

        List<SentMessage> reload = fake.awaitRepliesTo(fake.say(console, admin, "/reload local"), 2, WAIT);
        assertThat(reload.get(1).visibleText()).contains("local");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            String status = fake.awaitReplyTo(fake.say(console, admin, "/status"), WAIT).visibleText();
            return localVersions(status).size() == REPLICAS && Set.copyOf(localVersions(status).values()).size() == 1
                    && !localVersions(status).values().iterator().next().equals(ownLocalVersion(before));
        });

        String status = fake.sentTo(console).get(fake.sentTo(console).size() - 1).visibleText();
        System.out.printf("FleetIT: /reload local on one replica reached all %d:%n%s%n", REPLICAS, status);
        assertThat(localVersions(status).keySet()).allMatch(r -> r.matches("r[123]-[0-9a-f]{4}"));
    }

    /** The version of set {@code local} each live replica serves, by replica, from a {@code /status} text. */
    private static Map<String, String> localVersions(String status) {
        Map<String, String> out = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(\\S+), set local: version (\\S+?),").matcher(status);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** The version of set {@code local} in the set list of a {@code /status} text. */
    private static String ownLocalVersion(String status) {
        Matcher m = Pattern.compile("(?m)^\\s*local: .*version (\\S+)").matcher(status);
        return m.find() ? m.group(1) : "";
    }

    @Test
    @Order(6)
    void should_survive_ten_seconds_without_redis_and_recover() throws Exception {
        List<FakeUser> users = new ArrayList<>();
        List<FakeChat> chats = new ArrayList<>();
        readers("Outage", 10, users, chats);
        List<Incoming> before = new ArrayList<>();
        ask(before, users, chats, 40);
        await().atMost(WAIT).until(() -> before.stream().allMatch(fake::isConfirmed));
        TestRedis.shutdownServer();
        try {
            Replica watched = replicas.get(0);
            await().atMost(Duration.ofSeconds(8)).until(() -> metric(watched, "newsbot_redis_up").endsWith(" 0.0"));
            assertThat(readyz(watched)).startsWith("503").contains("redis");
            assertThat(metric(watched, "newsbot_redis_errors_total")).isNotEmpty();
            TimeUnit.SECONDS.sleep(9);
        } finally {
            TestRedis.ensureRunning();
        }
        for (Replica r : replicas) {
            assertThat(r.process.isAlive()).as("%s is still running", r.name).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> readyz(r).startsWith("200"));
            assertThat(metric(r, "newsbot_redis_up")).endsWith(" 1.0");
        }
        List<Incoming> after = new ArrayList<>();
        ask(after, users, chats, 40);
        awaitAnswered(after);

        int answeredBefore = answered(before);
        System.out.printf("FleetIT: Redis stopped for 10 s: of %d questions received before, %d answered (the rest "
                + "were still in Redis, which ran without persistence); all %d asked after answered%n",
                before.size(), answeredBefore, after.size());
        assertThat(before).allMatch(q -> fake.repliesTo(q).size() <= 1, "no question answered twice");
        assertExactlyOnceInOrder(after, chats);
    }

    // ---- questions and answers ----------------------------------------------------------------------------------

    /** {@code count} users, each in a private chat with the bot. */
    private void readers(String name, int count, List<FakeUser> users, List<FakeChat> chats) {
        for (int i = 0; i < count; i++) {
            users.add(fake.user(name + i));
            chats.add(fake.privateChat(users.get(i)));
        }
    }

    private void ask(List<Incoming> questions, List<FakeUser> users, List<FakeChat> chats, int count) {
        for (int i = 0; i < count; i++) {
            int n = questions.size();
            questions.add(fake.say(chats.get(n % chats.size()), users.get(n % chats.size()),
                    ASKED.get((n / chats.size()) % ASKED.size())));
        }
    }

    private int answered(List<Incoming> questions) {
        return (int) questions.stream().filter(q -> !fake.repliesTo(q).isEmpty()).count();
    }

    private void awaitAnswered(List<Incoming> questions) {
        try {
            await().atMost(WAIT).until(() -> answered(questions) == questions.size());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the assertions name the questions left unanswered
        }
    }

    /** Every question has one reply, and each chat's replies answer its questions in the order asked. */
    private void assertExactlyOnceInOrder(List<Incoming> questions, List<FakeChat> chats) {
        List<String> wrong = new ArrayList<>();
        for (Incoming q : questions) {
            List<SentMessage> replies = fake.repliesTo(q);
            if (replies.size() != 1 || replies.get(0).visibleText().startsWith("Sorry")) {
                wrong.add("update " + q.updateId() + " in chat " + q.chat().id() + " got " + replies.size()
                        + " replies");
            }
        }
        assertThat(wrong).as("0 lost, 0 duplicated%n%s", logs()).isEmpty();
        for (FakeChat chat : chats) {
            List<Integer> order = fake.sentTo(chat).stream().map(SentMessage::replyTo).toList();
            assertThat(order).as("answers in chat %d in question order", chat.id()).isSorted();
        }
    }

    // ---- replicas -----------------------------------------------------------------------------------------------

    private void start(Replica r) throws IOException {
        Path jar = Path.of("target/newsbot.jar").toAbsolutePath();
        assertThat(jar).as("the packaged jar (failsafe runs after package)").isRegularFile();
        Files.createDirectories(r.home.resolve("tmp"));
        r.starts++;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-DDJL_CACHE_DIR=" + r.home.resolve("djl"),
                "-Djava.io.tmpdir=" + r.home.resolve("tmp"), "-jar", jar.toString(), "run", "--config",
                dir.resolve("newsbot.yaml").toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(r.home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(r.home.resolve("replica.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSBOT_") || k.startsWith("TELEGRAM_"));
        env.put("NEWSBOT_HOME", r.home.toString());
        env.put("NEWSBOT_ADMIN_ADDR", "127.0.0.1:" + r.adminPort);
        env.put("NEWSBOT_TELEGRAM_WEBHOOK_PORT", String.valueOf(r.webhookPort));
        env.put("NEWSBOT_STATE_REPLICA", r.name);
        env.put("NEWSBOT_ARTICLES_SNAPSHOT_DIR", r.home.resolve("snapshots").toString());
        env.put("TELEGRAM_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TELEGRAM_API_URL", fake.baseUrl().toString());
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("NEWSBOT_TELEGRAM_WORKERS", "4");
        r.process = builder.start();
    }

    private void awaitReady(Replica r) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(r.process.isAlive()).as("%s runs%n%s", r.name, log(r)).isTrue();
            return readyz(r).startsWith("200");
        });
    }

    private String readyz(Replica r) {
        return get(r, "/readyz");
    }

    /** The lines of the replica's metric {@code name}, or "" when it has none (yet). */
    private String metric(Replica r, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? .*$").matcher(get(r, "/metrics"));
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(m.group());
        }
        return String.join("\n", lines);
    }

    private String get(Replica r, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.adminPort + path))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "down " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String logs() {
        StringBuilder out = new StringBuilder();
        replicas.forEach(r -> out.append("--- ").append(r.name).append('\n').append(log(r)).append('\n'));
        return out.toString();
    }

    private static String log(Replica r) {
        try {
            String text = Files.readString(r.home.resolve("replica.log"), StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

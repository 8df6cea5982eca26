package dev.newsbot.telegram;

import static dev.newsbot.telegram.BotHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbot.chat.ChatRequest;
import dev.newsbot.ops.http.RawHttp;
import dev.newsbot.telegram.fake.ApiCall;
import dev.newsbot.telegram.fake.FakeChat;
import dev.newsbot.telegram.fake.FakeUser;
import dev.newsbot.telegram.fake.Incoming;
import dev.newsbot.telegram.fake.SentMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Webhook mode: the bot's endpoint, the secret token, and updates pushed by the fake. */
@Timeout(60)
class TelegramWebhookIT {

    private static final String SECRET = "s3cret_hook-Token";
    private static final URI PUBLIC = URI.create("https://bot.example.test/telegram/hook");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private BotHarness h;
    private URI endpoint;

    @BeforeEach
    void setUp() throws IOException {
        h = new BotHarness().start(Map.of("NEWSBOT_TELEGRAM_WEBHOOK_ENABLED", "true",
                "NEWSBOT_TELEGRAM_WEBHOOK_PORT", "0", "NEWSBOT_TELEGRAM_WEBHOOK_PUBLIC_URL", PUBLIC.toString(),
                "TELEGRAM_WEBHOOK_SECRET", SECRET));
        InetSocketAddress address = h.bot.webhookAddress().orElseThrow();
        URI local = URI.create("http://127.0.0.1:" + address.getPort());
        endpoint = local.resolve(PUBLIC.getPath());
        h.fake.routeWebhookTo(local);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void should_register_the_webhook_with_its_secret_and_never_poll() {
        ApiCall set = h.fake.calls("setWebhook").get(0);

        assertThat(set.params().path("url").asText()).isEqualTo(PUBLIC.toString());
        assertThat(set.params().path("secret_token").asText()).isEqualTo(SECRET);
        assertThat(set.params().path("allowed_updates").toString()).isEqualTo(
                "[\"message\",\"edited_message\",\"callback_query\",\"inline_query\",\"my_chat_member\"]");
        assertThat(h.fake.calls("getUpdates")).isEmpty();
    }

    @Test
    void should_answer_updates_pushed_with_the_secret() {
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);

        Incoming q = h.fake.say(dm, ann, "How many people died?");
        SentMessage answer = h.fake.awaitReplyTo(q, WAIT);

        assertThat(answer.visibleText()).startsWith(ScriptedChatService.ANSWER);
        assertThat(answer.links()).containsExactly(ScriptedChatService.URL_1);
        await().atMost(WAIT).until(() -> h.fake.isConfirmed(q));
        assertThat(h.fake.webhookStatuses()).containsExactly(200);
    }

    @Test
    void should_reject_requests_without_or_with_the_wrong_secret() throws Exception {
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);
        String update = update(dm, ann, "sneaky question");

        assertThat(post(update, null).statusCode()).isEqualTo(401);
        assertThat(post(update, "wrong-secret").statusCode()).isEqualTo(401);
        assertThat(post(update, SECRET.toUpperCase()).statusCode()).isEqualTo(401);
        assertThat(post(update, SECRET).statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> h.fake.sentTo(dm).size() == 1);
        assertThat(h.chat.requests).extracting(ChatRequest::text).containsExactly("sneaky question");
    }

    @Test
    void should_reject_other_paths_methods_and_bodies() throws Exception {
        HttpRequest get = HttpRequest.newBuilder(endpoint).header(WebhookReceiver.SECRET_HEADER, SECRET).GET().build();
        HttpRequest elsewhere = HttpRequest.newBuilder(endpoint.resolve("/telegram/hook/other"))
                .header(WebhookReceiver.SECRET_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        HttpRequest getWithoutSecret = HttpRequest.newBuilder(endpoint).GET().build();

        assertThat(http.send(getWithoutSecret, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        assertThat(http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
        assertThat(http.send(elsewhere, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        assertThat(post("not json", SECRET).statusCode()).isEqualTo(400);
    }

    @Test
    void should_answer_413_for_an_oversized_update_and_take_the_next() throws Exception {
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);
        String update = update(dm, ann, "x".repeat(10 << 20));

        HttpResponse<String> response = post(update, SECRET);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(post(update(dm, ann, "small question"), SECRET).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> h.chat.requests.size() == 1);
        assertThat(h.chat.requests).extracting(ChatRequest::text).containsExactly("small question");
    }

    // Issue 13, defect 4: slow header senders held every thread of the JDK server (the webhook had four too).
    @Test
    void slowHeaderClientsDoNotFreezeTheWebhook() throws Exception {
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);
        try (RawHttp raw = new RawHttp(h.bot.webhookAddress().orElseThrow())) {
            for (int i = 0; i < 8; i++) {
                OutputStream out = raw.open().getOutputStream();
                out.write(("POST " + PUBLIC.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }

            HttpResponse<String> response = post(update(dm, ann, "still there?"), SECRET);

            assertThat(response.statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> h.fake.sentTo(dm).size() == 1);
        }
    }

    @Test
    void should_answer_a_redelivered_webhook_update_only_once() {
        FakeUser ann = h.user("Ann");
        FakeChat dm = h.dm(ann);
        Incoming q = h.fake.say(dm, ann, "What happened?");
        h.fake.awaitReplyTo(q, WAIT);

        h.fake.redeliver(q);
        Incoming sentinel = h.fake.say(dm, ann, "And then?");
        h.fake.awaitReplyTo(sentinel, WAIT);

        await().atMost(WAIT).until(() -> h.fake.webhookStatuses().size() == 3);
        assertThat(h.fake.webhookStatuses()).containsExactly(200, 200, 200);
        assertThat(h.fake.repliesTo(q)).hasSize(1);
        assertThat(h.chat.requests).extracting(ChatRequest::text).containsExactly("What happened?", "And then?");
    }

    private HttpResponse<String> post(String body, String secret) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header(WebhookReceiver.SECRET_HEADER, secret);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String update(FakeChat chat, FakeUser from, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", 990_000_001);
        ObjectNode m = u.putObject("message").put("message_id", 9001).put("date", System.currentTimeMillis() / 1000)
                .put("text", text);
        m.putObject("chat").put("id", chat.id()).put("type", chat.type()).put("first_name", from.firstName());
        m.putObject("from").put("id", from.id()).put("is_bot", false).put("first_name", from.firstName());
        return u.toString();
    }
}

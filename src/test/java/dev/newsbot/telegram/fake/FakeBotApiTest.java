package dev.newsbot.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake itself, spoken to over plain HTTP, so the end-to-end tests can trust it. */
@Timeout(30)
class FakeBotApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeBotApi fake = new FakeBotApi();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    FakeBotApiTest() throws IOException {
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void should_describe_the_bot_and_reject_a_wrong_token() throws Exception {
        JsonNode me = call("getMe", "{}");
        assertThat(me.path("ok").asBoolean()).isTrue();
        assertThat(me.at("/result/is_bot").asBoolean()).isTrue();
        assertThat(me.at("/result/username").asText()).isEqualTo(FakeBotApi.BOT_USERNAME);

        HttpResponse<String> wrong = post("/bot1:wrong/getMe", "{}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("description").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void should_deliver_updates_with_dates_in_seconds_and_entities_and_drop_them_once_confirmed() throws Exception {
        FakeUser ann = fake.user("Ann");
        FakeChat group = fake.group("Newsroom");
        Incoming in = fake.say(group, ann, "/ask@newsbot_test_bot who? @somebody");

        JsonNode first = call("getUpdates", "{\"timeout\":0}").path("result");
        JsonNode again = call("getUpdates", "{\"offset\":" + in.updateId() + "}").path("result");
        JsonNode after = call("getUpdates", "{\"offset\":" + (in.updateId() + 1) + "}").path("result");

        assertThat(first).hasSize(1);
        JsonNode m = first.get(0).path("message");
        assertThat(m.path("date").asLong()).isBetween(System.currentTimeMillis() / 1000 - 5,
                System.currentTimeMillis() / 1000 + 1);
        assertThat(m.path("entities").toString())
                .contains("{\"type\":\"bot_command\",\"offset\":0,\"length\":21}")
                .contains("{\"type\":\"mention\",\"offset\":27,\"length\":9}");
        assertThat(again).hasSize(1);
        assertThat(after).isEmpty();
        assertThat(fake.isConfirmed(in)).isTrue();
    }

    @Test
    void should_hold_a_long_poll_until_an_update_arrives_or_the_timeout_ends() throws Exception {
        FakeUser ann = fake.user("Ann");
        FakeChat dm = fake.privateChat(ann);
        long t0 = System.nanoTime();
        assertThat(call("getUpdates", "{\"timeout\":1}").path("result")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        new Thread(() -> {
            sleep(300);
            fake.say(dm, ann, "hello");
        }).start();
        assertThat(call("getUpdates", "{\"timeout\":10}").path("result")).hasSize(1);
    }

    @Test
    void should_reject_too_long_and_unparseable_messages_like_telegram() throws Exception {
        FakeChat dm = fake.privateChat(fake.user("Ann"));
        String chat = "\"chat_id\":\"" + dm.id() + "\"";

        JsonNode tooLong = call("sendMessage", "{" + chat + ",\"parse_mode\":\"HTML\",\"text\":\"<b>"
                + "x".repeat(4097) + "</b>\"}");
        JsonNode fits = call("sendMessage", "{" + chat + ",\"parse_mode\":\"HTML\",\"text\":\"<b>"
                + "&amp;".repeat(4096) + "</b>\"}");
        JsonNode bad = call("sendMessage", "{" + chat + ",\"parse_mode\":\"HTML\",\"text\":\"a <script>\"}");

        assertThat(tooLong.path("description").asText()).isEqualTo("Bad Request: message is too long");
        assertThat(fits.path("ok").asBoolean()).isTrue();
        assertThat(fits.at("/result/text").asText()).hasSize(4096);
        assertThat(bad.path("error_code").asInt()).isEqualTo(400);
        assertThat(bad.path("description").asText()).startsWith("Bad Request: can't parse entities: Unsupported start tag");
        assertThat(fake.sent()).hasSize(1);
    }

    @Test
    void should_play_queued_faults() throws Exception {
        fake.failNext("getMe", Fault.tooManyRequests(7));
        fake.failNext("getMe", Fault.serverError(502));
        fake.failNext("getMe", Fault.withoutOk());
        fake.failNext("getMe", Fault.connectionReset());

        HttpResponse<String> limited = post("/bot" + FakeBotApi.TOKEN + "/getMe", "{}");
        HttpResponse<String> bad = post("/bot" + FakeBotApi.TOKEN + "/getMe", "{}");
        JsonNode noOk = call("getMe", "{}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).at("/parameters/retry_after").asInt()).isEqualTo(7);
        assertThat(bad.statusCode()).isEqualTo(502);
        assertThat(bad.body()).contains("Bad Gateway");
        assertThat(noOk.has("ok")).isFalse();
        assertThatThrownBy(() -> call("getMe", "{}")).isInstanceOf(IOException.class);
        assertThat(call("getMe", "{}").path("ok").asBoolean()).isTrue();
    }

    @Test
    void should_refuse_polling_while_a_webhook_is_set_and_require_https() throws Exception {
        JsonNode http = call("setWebhook", "{\"url\":\"http://bot.example/hook\"}");
        JsonNode https = call("setWebhook", "{\"url\":\"https://bot.example/hook\",\"secret_token\":\"abc\"}");
        JsonNode poll = call("getUpdates", "{}");

        assertThat(http.path("description").asText()).contains("HTTPS URL must be provided");
        assertThat(https.path("description").asText()).isEqualTo("Webhook was set");
        assertThat(poll.path("error_code").asInt()).isEqualTo(409);
    }

    private JsonNode call(String method, String body) throws IOException, InterruptedException {
        return JSON.readTree(post("/bot" + FakeBotApi.TOKEN + "/" + method, body).body());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

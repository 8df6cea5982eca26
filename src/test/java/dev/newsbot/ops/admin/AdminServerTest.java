package dev.newsbot.ops.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbot.answer.Question;
import dev.newsbot.cache.MeteredAnswerEngine;
import dev.newsbot.ops.http.RawHttp;
import dev.newsbot.ops.metrics.BotMetrics;
import dev.newsbot.ops.sets.ReloadReport;
import dev.newsbot.ops.sets.SetManager;
import dev.newsbot.ops.sets.SetSource;
import dev.newsbot.ops.sets.TestBot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The admin HTTP server over real HTTP on loopback. */
@Timeout(120)
class AdminServerTest {

    private static final String TOKEN = "s3cret-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestBot bot;
    private Path file;
    private SetManager manager;
    private BotMetrics metrics;
    private AdminServer server;
    private URI base;

    @BeforeEach
    void start() {
        bot = new TestBot();
        file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(4, 0));
        manager = bot.manager(new SetSource("news", List.of(file), null));
        metrics = new BotMetrics();
        metrics.sets(manager, bot.registry);
        metrics.cache("answers", bot.engine::counts);
        server = AdminServer.start(new InetSocketAddress("127.0.0.1", 0), TOKEN, manager, metrics);
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> sendWithin(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(RawHttp.READ_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_refuse_a_reload_without_the_right_token_and_leave_the_set_alone() throws Exception {
        manager.loadAll();
        String served = bot.registry.get("news").articleSet().version();
        TestBot.writeJsonl(file, TestBot.towns(4, 1));

        HttpResponse<String> none = send("POST", "/admin/reload?set=news", null);
        HttpResponse<String> wrong = send("POST", "/admin/reload?set=news", "s3cret-admin-tokeN");
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(base.resolve("/admin/reload"))
                .header("Authorization", "Basic " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(List.of(none.statusCode(), wrong.statusCode(), basic.statusCode())).containsOnly(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(JSON.readTree(wrong.body()).get("ok").asBoolean()).isFalse();
        assertThat(bot.registry.get("news").articleSet().version()).isEqualTo(served);
        assertThat(manager.lastReload("news").orElseThrow().version()).isEqualTo(served);
    }

    @Test
    void should_reload_one_set_and_answer_the_report_as_json() throws Exception {
        manager.loadAll();
        String before = bot.registry.get("news").articleSet().version();
        TestBot.writeJsonl(file, TestBot.towns(5, 0));

        HttpResponse<String> response = send("POST", "/admin/reload?set=news", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("set").asText()).isEqualTo("news");
        assertThat(json.get("version").asText()).isEqualTo(bot.registry.get("news").articleSet().version())
                .isNotEqualTo(before);
        assertThat(json.get("added").asInt()).isEqualTo(1);
        assertThat(json.get("removed").asInt()).isZero();
        assertThat(json.get("changed").asInt()).isZero();
        assertThat(json.get("passages").asInt()).isEqualTo(bot.registry.get("news").size());
        assertThat(json.get("seconds").isNumber()).isTrue();
        assertThat(json.get("errors")).isEmpty();
    }

    @Test
    void should_answer_every_error_of_a_failed_reload_and_keep_the_old_version() throws Exception {
        manager.loadAll();
        String served = bot.registry.get("news").articleSet().version();
        Files.writeString(file, "{\"title\": \"t\"}\nnot json\n");

        HttpResponse<String> response = send("POST", "/admin/reload?set=news", TOKEN);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("version").asText()).isEqualTo(served);
        assertThat(json.get("errors")).hasSize(2);
        assertThat(json.get("errors").get(0).asText()).startsWith(file + ":1: body:");
        assertThat(json.get("errors").get(1).asText()).startsWith(file + ":2:");
        assertThat(bot.registry.get("news").articleSet().version()).isEqualTo(served);
    }

    @Test
    void should_reload_every_set_without_a_set_parameter() throws Exception {
        HttpResponse<String> response = send("POST", "/admin/reload", TOKEN);

        JsonNode json = JSON.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("sets")).hasSize(1);
        assertThat(json.get("sets").get(0).get("set").asText()).isEqualTo("news");
    }

    @Test
    void should_answer_404_for_an_unknown_set_and_405_for_a_get() throws Exception {
        HttpResponse<String> unknown = send("POST", "/admin/reload?set=sport", TOKEN);
        HttpResponse<String> get = send("GET", "/admin/reload", TOKEN);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("errors").get(0).asText())
                .isEqualTo("no article set named \"sport\"; sets: news");
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void should_be_healthy_at_once_and_ready_once_every_set_is_loaded() throws Exception {
        assertThat(send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        HttpResponse<String> loading = send("GET", "/readyz", null);
        assertThat(loading.statusCode()).isEqualTo(503);
        assertThat(loading.body()).contains("news");

        manager.loadAll();

        assertThat(send("GET", "/readyz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void should_expose_the_bot_metrics_in_prometheus_text() throws Exception {
        manager.loadAll();
        MeteredAnswerEngine engine = new MeteredAnswerEngine(bot.engine, metrics);
        engine.answer(Question.of("How many new schools did the mayor of Town1 open?", TestBot.DAY, "news"));
        engine.answer(Question.of("How many new schools did the mayor of Town1 open?", TestBot.DAY, "news"));
        engine.answer(Question.of("Who won the football world cup?", TestBot.DAY, "news"));
        metrics.registry().counter("newsbot.telegram.api.errors", "method", "sendMessage", "kind", "network")
                .increment();

        HttpResponse<String> response = send("GET", "/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(response.body())
                .contains("newsbot_questions_total{outcome=\"answered\"} 2.0")
                .contains("newsbot_questions_total{outcome=\"refused\"} 1.0")
                .contains("newsbot_answer_latency_seconds_count 3")
                .contains("newsbot_answer_latency_seconds{quantile=\"0.99\"}")
                .contains("newsbot_cache_hits_total{cache=\"answers\"} 1.0")
                .contains("newsbot_cache_misses_total{cache=\"answers\"} 2.0")
                .contains("newsbot_reloads_total{result=\"ok\",set=\"news\"} 1.0")
                .contains("newsbot_set_articles{set=\"news\"} 4.0")
                .contains("newsbot_set_passages{set=\"news\"}")
                .contains("newsbot_telegram_api_errors_total{kind=\"network\",method=\"sendMessage\"} 1.0")
                .contains("process_uptime_seconds");
    }

    @Test
    void should_call_the_endpoint_from_the_admin_client() throws IOException, InterruptedException {
        manager.loadAll();

        AdminClient.Response ok = new AdminClient(http, base, TOKEN).reload("news");
        AdminClient.Response refused = new AdminClient(http, base, "wrong").reload(null);

        assertThat(ok.ok()).isTrue();
        assertThat(ok.body()).contains("\"set\":\"news\"");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.ok()).isFalse();
    }

    // Issue 13, defect 4: four connections sending their headers slowly held all four threads of the JDK server,
    // and /healthz and /metrics timed out for as long as they stayed open.
    @Test
    void slowHeaderClientsDoNotFreezeHealthz() throws Exception {
        ExecutorService tricklers = Executors.newFixedThreadPool(8);
        try (RawHttp raw = new RawHttp(server.address())) {
            for (int i = 0; i < 8; i++) {
                Socket slow = raw.open();
                OutputStream out = slow.getOutputStream();
                out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                tricklers.submit(() -> trickle(out));
            }

            HttpResponse<String> health = sendWithin("GET", "/healthz", null);
            HttpResponse<String> scrape = sendWithin("GET", "/metrics", null);

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(scrape.statusCode()).isEqualTo(200);
        } finally {
            tricklers.shutdownNow();
            assertThat(tricklers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Sends one header byte every 100 ms until interrupted or closed. */
    private static void trickle(OutputStream out) {
        try {
            byte[] header = "X-Slow: still-coming".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                out.write(header[i % header.length]);
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // the test is over or the server closed the connection
        }
    }

    // Issue 13, defect 4: the JDK server matched paths by prefix, so these reloaded every set.
    @Test
    void reloadRouteIsExactNotPrefix() throws Exception {
        manager.loadAll();
        String served = bot.registry.get("news").articleSet().version();
        ReloadReport before = manager.lastReload("news").orElseThrow();
        TestBot.writeJsonl(file, TestBot.towns(5, 0));

        HttpResponse<String> suffix = sendWithin("POST", "/admin/reloadXYZ", TOKEN);
        HttpResponse<String> slash = sendWithin("POST", "/admin/reload/", TOKEN);
        int dotted;
        try (RawHttp raw = new RawHttp(server.address())) {
            dotted = raw.status("POST /admin/reload/../../x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: 0");
        }

        assertThat(List.of(suffix.statusCode(), slash.statusCode(), dotted)).containsOnly(404);
        assertThat(bot.registry.get("news").articleSet().version()).isEqualTo(served);
        assertThat(manager.lastReload("news").orElseThrow()).isSameAs(before);
    }

    // Issue 13, defect 4: a 10 MB body got a connection reset instead of 413.
    @Test
    void oversizedBodyGets413() throws Exception {
        manager.loadAll();
        ReloadReport before = manager.lastReload("news").orElseThrow();
        TestBot.writeJsonl(file, TestBot.towns(5, 0));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/admin/reload?set=news"))
                .timeout(RawHttp.READ_TIMEOUT).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 << 20])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("limit of " + AdminServer.LIMITS.maxBodyBytes() + " bytes");
        assertThat(manager.lastReload("news").orElseThrow()).isSameAs(before);
        assertThat(sendWithin("GET", "/healthz", null).statusCode()).isEqualTo(200);
    }

    // Issue 13, defect 4: admin.addr 0.0.0.0 bound every interface without a word, though /metrics needs no token.
    @Test
    void bindingAllInterfacesWarns() {
        Logger logger = (Logger) LoggerFactory.getLogger(AdminServer.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            AdminServer.start(new InetSocketAddress("127.0.0.1", 0), TOKEN, manager, metrics).close();
            assertThat(warnings(logs)).isEmpty();

            AdminServer.start(new InetSocketAddress("0.0.0.0", 0), TOKEN, manager, metrics).close();

            assertThat(warnings(logs)).singleElement().asString()
                    .contains("0.0.0.0").contains("not a loopback address").contains("/metrics without a token")
                    .doesNotContain("\n");
        } finally {
            logger.detachAppender(logs);
        }
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> logs) {
        synchronized (logs.list) {
            return logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void should_end_its_threads_on_close() throws Exception {
        assertThat(sendWithin("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(adminThreads()).isNotEmpty();

        server.close();

        assertThat(adminThreads()).isEmpty();
    }

    private static List<String> adminThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("newsbot-admin")).toList();
    }

    /** Issue 17: health without the admin token; only /admin/* needs it, and without one configured it is 401. */
    @Test
    void health_readiness_and_metrics_need_no_token_and_admin_needs_one_even_when_none_is_configured()
            throws Exception {
        manager.loadAll();
        assertThat(send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/admin/reload", null).statusCode()).isEqualTo(401);
        try (AdminServer healthOnly = AdminServer.startWithoutToken(new InetSocketAddress("127.0.0.1", 0), manager,
                metrics)) {
            URI other = URI.create("http://127.0.0.1:" + healthOnly.address().getPort());
            for (String path : List.of("/healthz", "/readyz", "/metrics")) {
                assertThat(http.send(HttpRequest.newBuilder(other.resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as(path).isEqualTo(200);
            }
            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(other.resolve("/admin/reload"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).isEqualTo(401);
        }
    }
}

package dev.newsbot.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded server over real HTTP on loopback: exact routes, limits, timeouts, threads. */
@Timeout(60)
class HttpServiceTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger calls = new AtomicInteger();
    private HttpService service;
    private RawHttp raw;

    private void start(HttpLimits limits, Map<String, Endpoint> routes) {
        service = HttpService.start("test-http", new InetSocketAddress("127.0.0.1", 0), limits, routes);
        raw = new RawHttp(service.address());
    }

    private void start(HttpLimits limits) {
        start(limits, Map.of("/echo", request -> {
            calls.incrementAndGet();
            return ServerResponse.of(200, "application/octet-stream", request.body());
        }, "/ok", request -> ServerResponse.text(200, "ok\n")));
    }

    @AfterEach
    void stop() {
        if (raw != null) {
            raw.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(RawHttp.READ_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.address().getPort() + path);
    }

    @Test
    void should_answer_only_the_exact_paths() throws Exception {
        start(HttpLimits.defaults());

        assertThat(get("/ok").statusCode()).isEqualTo(200);
        assertThat(get("/ok").body()).isEqualTo("ok\n");
        assertThat(get("/ok/").statusCode()).isEqualTo(404);
        assertThat(get("/okay").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(raw.status("GET /ok/../ok HTTP/1.1\r\nHost: x")).isEqualTo(404);
        assertThat(raw.status("GET /%6Fk HTTP/1.1\r\nHost: x")).isEqualTo(404);
    }

    @Test
    void should_hand_the_body_over_whole_and_answer_head_without_one() throws Exception {
        start(HttpLimits.defaults().withMaxBodyBytes(1000));
        String body = "x".repeat(1000);

        HttpResponse<String> echo = http.send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri("/ok"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body()).isEqualTo(body);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).contains("3");
    }

    @Test
    void should_answer_413_for_a_body_over_the_limit_declared_or_streamed() throws Exception {
        start(HttpLimits.defaults().withMaxBodyBytes(1000));

        int declared = raw.status("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760");
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        new byte[1001]))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(declared).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("limit of 1000 bytes");
        assertThat(calls).hasValue(0);
    }

    // CI once saw "header parser received no bytes" here: the server closed with the body unread, the kernel reset
    // the connection, and the client lost the 413 it was sent. Each round races that reset once.
    @Test
    void should_let_a_client_still_sending_a_large_body_read_the_413() throws Exception {
        start(HttpLimits.defaults().withMaxBodyBytes(1000));

        for (int round = 0; round < 60; round++) {
            HttpResponse<String> declared = http.send(HttpRequest.newBuilder(uri("/echo"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 << 20])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(declared.statusCode()).as("round %d", round).isEqualTo(413);
        }
        assertThat(get("/ok").statusCode()).isEqualTo(200);
        assertThat(calls).hasValue(0);
    }

    @Test
    void should_answer_431_for_headers_over_the_limit() throws Exception {
        start(HttpLimits.defaults());

        int status = raw.status("GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000));

        assertThat(status).isEqualTo(431);
    }

    @Test
    void should_answer_500_when_an_endpoint_throws() throws Exception {
        start(HttpLimits.defaults(), Map.of("/boom", request -> {
            throw new IllegalStateException("boom");
        }));

        assertThat(get("/boom").statusCode()).isEqualTo(500);
    }

    @Test
    void should_close_a_connection_that_does_not_finish_its_headers_in_time() throws Exception {
        start(HttpLimits.defaults().withTimeouts(Duration.ofSeconds(30), Duration.ofMillis(300)));
        Socket slow = raw.open();
        OutputStream out = slow.getOutputStream();
        out.write("GET /ok HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();

        InputStream in = slow.getInputStream();
        int first = in.read();

        assertThat(first).as("closed by the server, not timed out by the test").isEqualTo(-1);
    }

    @Test
    void should_close_a_connection_whose_body_stalls() throws Exception {
        start(HttpLimits.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(30)));
        Socket stalled = raw.open();
        OutputStream out = stalled.getOutputStream();
        out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab".getBytes(
                StandardCharsets.US_ASCII));
        out.flush();

        byte[] rest = stalled.getInputStream().readAllBytes();

        assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotStartWith("HTTP/1.1 200");
        assertThat(calls).hasValue(0);
    }

    @Test
    void should_finish_a_request_that_takes_longer_than_the_timeouts() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        start(HttpLimits.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)),
                Map.of("/slow", request -> {
                    never.await(1200, TimeUnit.MILLISECONDS);
                    return ServerResponse.text(200, "done\n");
                }));

        HttpResponse<String> response = get("/slow");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done\n");
    }

    @Test
    void should_keep_answering_while_slow_clients_trickle_their_bodies() throws Exception {
        start(new HttpLimits(1 << 20, 8192, Duration.ofSeconds(30), Duration.ofSeconds(30), 4));
        for (int i = 0; i < 8; i++) {
            OutputStream out = raw.open().getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nab".getBytes(
                    StandardCharsets.US_ASCII));
            out.flush();
        }

        assertThat(get("/ok").statusCode()).isEqualTo(200);
        assertThat(calls).hasValue(0);
    }

    @Test
    void should_end_every_thread_on_close() throws Exception {
        start(HttpLimits.defaults());
        assertThat(get("/ok").statusCode()).isEqualTo(200);
        assertThat(threads()).isPositive();

        service.close();

        assertThat(threads()).as(String.valueOf(Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("test-http")).toList())).isZero();
    }

    private static long threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("test-http")).count();
    }
}

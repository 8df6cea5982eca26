package dev.newsbot.answer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that answers {@code POST /v1/chat/completions} with
 * scripted replies, one per request in order (then a responder's, else the last one again), and records every
 * request it received.
 */
final class ScriptedOpenAiServer implements AutoCloseable {

    /** One scripted reply: an HTTP status, a raw body, and a delay before answering. */
    record Reply(int status, String body, Duration delay) {

        /** A normal completion whose message content is {@code content} (null for a null content). */
        static Reply content(String content) {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L)
                    .put("model", "test-model");
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
            return new Reply(200, root.toString(), Duration.ZERO);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }

        static Reply raw(String body) {
            return new Reply(200, body, Duration.ZERO);
        }

        Reply after(Duration delay) {
            return new Reply(status, body, delay);
        }
    }

    /** One request as received. */
    record Request(String path, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The content of the message with {@code role} (system or user). */
        String message(String role) {
            for (JsonNode m : json().path("messages")) {
                if (m.path("role").asText().equals(role)) {
                    return m.path("content").asText();
                }
            }
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-openai");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply last = Reply.content("");
    private volatile Function<Request, Reply> responder;

    ScriptedOpenAiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** The base URL to configure, ending in {@code /v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies for the next requests. */
    ScriptedOpenAiServer reply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request that the queued replies do not with {@code responder}'s reply to it. */
    ScriptedOpenAiServer respond(Function<Request, Reply> responder) {
        this.responder = responder;
        return this;
    }

    ScriptedOpenAiServer replyContent(String content) {
        return reply(Reply.content(content));
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            Reply reply = script.poll();
            if (reply == null) {
                reply = responder != null ? responder.apply(request) : last;
            }
            last = reply;
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

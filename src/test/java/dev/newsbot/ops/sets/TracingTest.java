package dev.newsbot.ops.sets;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsbot.answer.Question;
import dev.newsbot.ops.tracing.OtelStageTracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each question is one trace with a span per stage, sent over OTLP/HTTP to a receiver on loopback. */
class TracingTest {

    @TempDir
    Path dir;

    @Test
    void should_make_one_trace_per_question_with_embed_retrieve_and_answer_spans() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
        TestBot bot = new TestBot(new OtelStageTracer(sdk));
        load(bot);

        bot.engine.answer(Question.of("How many schools did the mayor of Town2 open?", TestBot.DAY, "news"));

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertThat(finished).extracting(SpanData::getName).containsExactly("embed", "retrieve", "answer", "question");
        SpanData root = finished.get(3);
        assertThat(finished).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(root.getTraceId()));
        assertThat(finished.subList(0, 3)).allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(root.getSpanId()));
        sdk.close();
    }

    @Test
    void should_send_the_spans_to_the_configured_otlp_endpoint() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/traces", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            bodies.add(body.toString(StandardCharsets.ISO_8859_1));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
        System.setProperty("otel.exporter.otlp.endpoint", endpoint);
        try (OtelStageTracer tracer = OtelStageTracer.autoconfigured()) {
            TestBot bot = new TestBot(tracer);
            load(bot);
            bot.engine.answer(Question.of("How many schools did the mayor of Town2 open?", TestBot.DAY, "news"));
        } finally {
            System.clearProperty("otel.exporter.otlp.endpoint");
            receiver.stop(0);
        }

        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).contains("question", "embed", "retrieve", "answer", "newsbot");
    }

    private void load(TestBot bot) {
        Path file = TestBot.writeJsonl(dir.resolve("news.jsonl"), TestBot.towns(4, 0));
        bot.manager(new SetSource("news", List.of(file), dir.resolve("news.newsbot-index"))).loadAll();
    }
}

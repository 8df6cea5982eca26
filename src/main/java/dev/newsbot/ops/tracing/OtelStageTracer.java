package dev.newsbot.ops.tracing;

import dev.newsbot.answer.StageTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.Objects;

/** One trace per question ({@code question} span) with a child span per stage, sent where OpenTelemetry says. */
public final class OtelStageTracer implements StageTracer, AutoCloseable {

    /**
     * Defaults under the operator's {@code OTEL_*} settings: a service name, traces only, and OTLP over
     * HTTP/protobuf (the specification's default, port 4318; the Java SDK's own default is gRPC).
     */
    private static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "newsbot",
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    private final Tracer tracer;
    private final OpenTelemetrySdk sdk;

    /** @param openTelemetry where spans go (an SDK in tests) */
    public OtelStageTracer(OpenTelemetry openTelemetry) {
        this(openTelemetry, null);
    }

    private OtelStageTracer(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk) {
        this.tracer = Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer("dev.newsbot");
        this.sdk = sdk;
    }

    /** Builds the SDK from the standard OTEL_* variables and otel.* system properties (endpoint, protocol, ...). */
    public static OtelStageTracer autoconfigured() {
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> DEFAULTS)
                .build().getOpenTelemetrySdk();
        return new OtelStageTracer(sdk, sdk);
    }

    @Override
    public Trace question(String setName) {
        Span root = tracer.spanBuilder("question").setNoParent()
                .setAttribute("newsbot.set", setName).startSpan();
        Context context = Context.root().with(root);
        return new Trace() {
            @Override
            public Stage stage(String name) {
                Span span = tracer.spanBuilder(name).setParent(context).startSpan();
                return span::end;
            }

            @Override
            public void close() {
                root.end();
            }
        };
    }

    /** Sends the spans still buffered and stops the SDK this tracer built, if any. */
    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
    }
}

/**
 * OpenTelemetry traces of the answer path (the only package that uses OpenTelemetry): {@link
 * dev.newsbot.ops.tracing.OtelStageTracer} turns each question into a trace with a span per stage (embed, retrieve,
 * answer). It is built only when an OTLP endpoint is configured ({@link dev.newsbot.config.TracingSwitch}); the SDK
 * autoconfiguration then reads the standard {@code OTEL_*} variables and {@code otel.*} system properties itself.
 */
package dev.newsbot.ops.tracing;

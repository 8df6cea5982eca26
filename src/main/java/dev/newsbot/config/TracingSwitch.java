package dev.newsbot.config;

import java.util.Map;
import java.util.Properties;

/**
 * Whether traces are on: only when an OTLP endpoint is configured, by the standard variable
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) or the system property
 * {@code otel.exporter.otlp.endpoint}. Off, no OpenTelemetry SDK is built at all.
 */
public final class TracingSwitch {

    private TracingSwitch() {
    }

    /** Reads this process's environment and system properties. */
    public static boolean enabled() {
        return enabled(System.getenv(), System.getProperties());
    }

    static boolean enabled(Map<String, String> env, Properties properties) {
        return set(env.get("OTEL_EXPORTER_OTLP_ENDPOINT")) || set(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
                || set(properties.getProperty("otel.exporter.otlp.endpoint"))
                || set(properties.getProperty("otel.exporter.otlp.traces.endpoint"));
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}

package dev.newsbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Traces are on only when an OTLP endpoint is configured; otherwise no OpenTelemetry SDK is built. */
class ConfigTracingSwitchTest {

    @Test
    void should_be_off_without_an_endpoint() {
        assertThat(TracingSwitch.enabled(Map.of("OTEL_SERVICE_NAME", "x"), new Properties())).isFalse();
        assertThat(TracingSwitch.enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "), new Properties())).isFalse();
    }

    @Test
    void should_be_on_with_the_variable_or_the_system_property() {
        assertThat(TracingSwitch.enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"),
                new Properties())).isTrue();
        Properties properties = new Properties();
        properties.setProperty("otel.exporter.otlp.endpoint", "http://127.0.0.1:4318");
        assertThat(TracingSwitch.enabled(Map.of(), properties)).isTrue();
    }
}

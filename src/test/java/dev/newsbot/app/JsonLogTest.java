package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bundled logback.xml with NEWSBOT_LOG_FORMAT=json, or log.format: json, writes one JSON object per line. */
class JsonLogTest {

    private static String logWith(String format) throws Exception {
        return logWith(format, null);
    }

    /** @param configured the configuration's log.format, applied after logging started with {@code format} */
    private static String logWith(String format, String configured) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            if (format != null) {
                context.putProperty("NEWSBOT_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            URL config = JsonLogTest.class.getClassLoader().getResource("logback.xml");
            configurator.doConfigure(config);
            if (configured != null) {
                LogFormat.apply(context, configured);
            }
            context.getLogger("dev.newsbot.sources.FeedReader").warn("Set \"{}\": feed {} failed: {}", "world",
                    "http://127.0.0.1/rss.xml", "a \"quoted\" reason\nover two lines");
            context.getLogger("dev.newsbot.sources.FeedReader").info("second");
        } finally {
            context.stop();
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void each_log_line_is_a_json_object_with_the_formatted_message() throws Exception {
        String[] lines = logWith("json").split("\n");

        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("level").asText()).isEqualTo("WARN");
        assertThat(first.get("loggerName").asText()).isEqualTo("dev.newsbot.sources.FeedReader");
        assertThat(first.get("formattedMessage").asText()).isEqualTo("Set \"world\": feed http://127.0.0.1/rss.xml "
                + "failed: a \"quoted\" reason\nover two lines");
        assertThat(first.has("arguments")).isFalse();
        assertThat(new ObjectMapper().readTree(lines[1]).get("formattedMessage").asText()).isEqualTo("second");
    }

    @Test
    void the_log_format_key_switches_a_text_start_to_json() throws Exception {
        String[] lines = logWith(null, "json").split("\n");

        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines[0]).get("level").asText()).isEqualTo("WARN");
        assertThat(new ObjectMapper().readTree(lines[1]).get("formattedMessage").asText()).isEqualTo("second");
    }

    @Test
    void the_log_format_key_text_leaves_text() throws Exception {
        assertThat(logWith(null, "text")).contains(" WARN  d.n.sources.FeedReader - ").doesNotContain("{\"");
    }

    @Test
    void text_stays_the_default() throws Exception {
        assertThat(logWith(null)).contains(" WARN  d.n.sources.FeedReader - Set \"world\": feed ")
                .doesNotContain("{\"");
    }
}

package dev.newsbot.answer.llm;

import static dev.newsbot.answer.llm.LlmFixture.API_KEY;
import static dev.newsbot.answer.llm.LlmFixture.STORE;
import static dev.newsbot.answer.llm.LlmFixture.passages;
import static dev.newsbot.answer.llm.LlmFixture.question;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.newsbot.answer.Question;
import dev.newsbot.answer.llm.ScriptedOpenAiServer.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With every logger at its most verbose, the API key never appears in any log event, even when echoed back. */
class ApiKeyLoggingTest {

    private static final Question QUAKE = question("How many people were killed in the Port Elma earthquake?");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final ScriptedOpenAiServer server = new ScriptedOpenAiServer();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private Level rootLevel;

    @BeforeEach
    void capture() {
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        setLevel("dev.newsbot", Level.ALL);
        setLevel("dev.langchain4j", Level.ALL);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restore() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        setLevel("dev.newsbot", null);
        setLevel("dev.langchain4j", null);
        server.close();
        executor.shutdownNow();
    }

    private static void setLevel(String logger, Level level) {
        ((Logger) LoggerFactory.getLogger(logger)).setLevel(level);
    }

    @Test
    void should_never_log_the_api_key() {
        String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}";
        server.reply(Reply.status(401, echo), Reply.status(500, echo), Reply.status(429, echo), Reply.raw(echo),
                Reply.content("Officials said 12 people were killed [1]. Your key is " + API_KEY + " [1]."),
                Reply.content("Authorization: Bearer " + API_KEY));
        LlmAnswerer answerer = LlmFixture.answerer(server, 5, executor, new SimpleMeterRegistry());

        for (int i = 0; i < 6; i++) {
            answerer.write(QUAKE, STORE, passages(QUAKE, "quake", "budget"));
        }
        root.detachAppender(captured); // other threads of the test JVM may still log; read a list no one appends to

        assertThat(server.requests()).hasSize(6)
                .allMatch(r -> r.headers().get("Authorization").contains("Bearer " + API_KEY));
        assertThat(captured.list).as("fallbacks were logged").hasSizeGreaterThanOrEqualTo(4);
        assertThat(captured.list).extracting(ApiKeyLoggingTest::everything).noneMatch(text -> text.contains(API_KEY));
    }

    @Test
    void should_blank_out_the_key_and_bearer_tokens_in_log_text() {
        LlmAnswerer answerer = LlmFixture.answerer(server, 5, executor, new SimpleMeterRegistry());

        assertThat(answerer.redact("key " + API_KEY + " and Bearer sk-other"))
                .isEqualTo("key [redacted] and Bearer [redacted]");
    }

    private static String everything(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.append('\n').append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                out.append('\n').append(frame.getSTEAsString());
            }
        }
        return out.toString();
    }
}

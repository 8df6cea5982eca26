package dev.newsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.logging.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** java.util.logging records reach Logback (and so logback.xml and NEWSBOT_LOG_LEVEL) once the bridge is in. */
class JulBridgeTest {

    @Test
    void julRecordsGoThroughLogbackOnceBridged() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            JulBridge.install();
            JulBridge.install();
            java.util.logging.Logger.getLogger("some.library").warning("from JUL");
            java.util.logging.Logger.getLogger("some.library").fine("below the configured level");

            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("from JUL");
            assertThat(appender.list.get(0).getLoggerName()).isEqualTo("some.library");
        } finally {
            root.detachAppender(appender);
            SLF4JBridgeHandler.uninstall();
            LogManager.getLogManager().readConfiguration(); // JUL as it was: other tests in this JVM see no bridge
        }
    }
}

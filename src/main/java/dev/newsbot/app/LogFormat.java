package dev.newsbot.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * The configuration key {@code log.format}: logging starts before the configuration file is read (with
 * {@code NEWSBOT_LOG_FORMAT} or text), so once it is read a {@code json} format configures logback again from the
 * bundled {@code logback.xml}, with the JSON appender in place of the text one.
 */
final class LogFormat {

    static final String PROPERTY = "NEWSBOT_LOG_FORMAT";

    private LogFormat() {
    }

    /**
     * Switches this JVM's logging to JSON when {@code format} (the configuration's {@code log.format}, which
     * {@code NEWSBOT_LOG_FORMAT} overrides) is {@code json}; {@code text} is how logging starts, so it needs nothing.
     */
    static void apply(String format) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context, format);
        }
    }

    static void apply(LoggerContext context, String format) {
        if (!"json".equals(format) || "json".equals(context.getProperty(PROPERTY))) {
            return;
        }
        URL config = LogFormat.class.getClassLoader().getResource("logback.xml");
        context.reset();
        context.putProperty(PROPERTY, format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + config + ": " + e.getMessage(), e);
        }
    }
}

package dev.newsbot.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event of the JVM (all loggers, at DEBUG) while open. */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Level before = root.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
    }

    List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages, one per event. */
    List<String> lines() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The WARN and ERROR events that carry a throwable (which a log file would show as a stack trace). */
    List<ILoggingEvent> throwables() {
        return events().stream().filter(e -> e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.WARN))
                .toList();
    }

    /** Everything a log file would show: levels, loggers, messages, exception classes, messages and stacks. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : events()) {
            b.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ')
                    .append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                b.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
                for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
                    b.append("    ").append(s.getSTEAsString()).append('\n');
                }
            }
        }
        return b.toString();
    }

    boolean hasError(String messagePart, String throwableMessagePart) {
        return events().stream().anyMatch(e -> e.getLevel() == Level.ERROR
                && e.getFormattedMessage().contains(messagePart) && e.getThrowableProxy() != null
                && chainMentions(e.getThrowableProxy(), throwableMessagePart));
    }

    private static boolean chainMentions(IThrowableProxy t, String part) {
        for (; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(part) && t.getStackTraceElementProxyArray().length > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        root.setLevel(before);
    }
}

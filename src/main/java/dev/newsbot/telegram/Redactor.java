package dev.newsbot.telegram;

import dev.newsbot.base.DaemonThreads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the bot token from text and exceptions. The Bot API URL contains the token, so anything that may mention a
 * URL passes through here before it is logged or rethrown.
 */
final class Redactor {

    private static final Logger LOG = LoggerFactory.getLogger(Redactor.class);

    static final String MASK = "<redacted>";

    private final String token;
    private final String encoded;
    private final String secret;

    Redactor(String token) {
        this(token, null);
    }

    /** Also masks {@code secret} (the webhook secret) when not null. */
    Redactor(String token, String secret) {
        this.token = token;
        this.encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        this.secret = secret;
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text.replace(token, MASK).replace(encoded, MASK);
        return secret == null ? out : out.replace(secret, MASK);
    }

    /** Daemon threads named {@code prefix-N} whose escaped exceptions are logged with secrets redacted. */
    ThreadFactory threads(String prefix) {
        return new DaemonThreads(prefix,
                (thread, e) -> LOG.error("Uncaught exception in {}", thread.getName(), redact(e)));
    }

    /**
     * A copy of {@code t} safe to log or rethrow: same class name, stack and causes, messages redacted. Returns
     * {@code t} itself when nothing in its chain mentions the token.
     */
    Throwable redact(Throwable t) {
        return mentionsSecret(t) ? copy(t) : t;
    }

    private boolean mentionsSecret(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String s = String.valueOf(c.getMessage()) + c;
            if (!s.equals(redact(s))) {
                return true;
            }
            for (Throwable sup : c.getSuppressed()) {
                if (mentionsSecret(sup)) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private RedactedException copy(Throwable t) {
        RedactedException r = new RedactedException(t.getClass().getName() + ": " + redact(t.getMessage()),
                t.getCause() == null || t.getCause() == t ? null : copy(t.getCause()));
        r.setStackTrace(t.getStackTrace());
        for (Throwable s : t.getSuppressed()) {
            r.addSuppressed(copy(s));
        }
        return r;
    }

    /** Stands in for an exception whose message mentioned the token. */
    static final class RedactedException extends RuntimeException {

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

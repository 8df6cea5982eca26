package dev.newsbot.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} (used by some libraries, such as OkHttp's and the JDK's own) through SLF4J, so
 * that every log line obeys {@code logback.xml} and {@code NEWSBOT_LOG_LEVEL} instead of JUL's console handler
 * writing its two-line records past them. {@code logback.xml}'s {@code LevelChangePropagator} keeps JUL's levels in
 * step, so records below the configured level cost nothing.
 */
final class JulBridge {

    private JulBridge() {
    }

    /** Replaces JUL's root handlers with the SLF4J bridge. Idempotent. */
    static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}

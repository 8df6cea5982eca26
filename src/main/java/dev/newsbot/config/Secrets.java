package dev.newsbot.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The secrets newsbot uses, read only from the environment, never from the configuration file. {@link #toString()}
 * never shows them.
 *
 * @param adminToken    {@code NEWSBOT_ADMIN_TOKEN}: the bearer token of the admin HTTP server; without it the
 *                      server does not start
 * @param telegramToken {@code TELEGRAM_BOT_TOKEN}
 * @param webhookSecret {@code TELEGRAM_WEBHOOK_SECRET}
 * @param opensearchUsername {@code NEWSBOT_OPENSEARCH_USERNAME}: basic-auth user of the OpenSearch cluster
 * @param opensearchPassword {@code NEWSBOT_OPENSEARCH_PASSWORD}
 * @param llmApiKey     {@code NEWSBOT_LLM_API_KEY}: the key of the language model's server in {@code llm} mode
 */
public record Secrets(Optional<String> adminToken, Optional<String> telegramToken, Optional<String> webhookSecret,
                      Optional<String> opensearchUsername, Optional<String> opensearchPassword,
                      Optional<String> llmApiKey) {

    public Secrets {
        Objects.requireNonNull(adminToken, "Secrets.adminToken must not be null");
        Objects.requireNonNull(telegramToken, "Secrets.telegramToken must not be null");
        Objects.requireNonNull(webhookSecret, "Secrets.webhookSecret must not be null");
        Objects.requireNonNull(opensearchUsername, "Secrets.opensearchUsername must not be null");
        Objects.requireNonNull(opensearchPassword, "Secrets.opensearchPassword must not be null");
        Objects.requireNonNull(llmApiKey, "Secrets.llmApiKey must not be null");
    }

    public static Secrets fromEnvironment() {
        return from(System.getenv());
    }

    /** Blank values count as unset. */
    public static Secrets from(Map<String, String> env) {
        return new Secrets(get(env, "NEWSBOT_ADMIN_TOKEN"), get(env, "TELEGRAM_BOT_TOKEN"),
                get(env, "TELEGRAM_WEBHOOK_SECRET"), get(env, "NEWSBOT_OPENSEARCH_USERNAME"),
                get(env, "NEWSBOT_OPENSEARCH_PASSWORD"), get(env, "NEWSBOT_LLM_API_KEY"));
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return "Secrets[adminToken=" + shown(adminToken) + ", telegramToken=" + shown(telegramToken)
                + ", webhookSecret=" + shown(webhookSecret) + ", opensearchUsername=" + shown(opensearchUsername)
                + ", opensearchPassword=" + shown(opensearchPassword) + ", llmApiKey=" + shown(llmApiKey) + "]";
    }

    private static String shown(Optional<String> secret) {
        return secret.isPresent() ? "<set>" : "<unset>";
    }
}

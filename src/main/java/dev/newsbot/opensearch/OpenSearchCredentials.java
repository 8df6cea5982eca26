package dev.newsbot.opensearch;

import java.util.Objects;

/**
 * Basic-auth credentials of the cluster, read from the environment only. {@link #toString()} never shows the
 * password.
 */
public record OpenSearchCredentials(String username, String password) {

    public OpenSearchCredentials {
        Objects.requireNonNull(username, "OpenSearchCredentials.username must not be null");
        Objects.requireNonNull(password, "OpenSearchCredentials.password must not be null");
        if (username.isBlank()) {
            throw new IllegalArgumentException("OpenSearchCredentials.username must not be blank");
        }
    }

    @Override
    public String toString() {
        return "OpenSearchCredentials[username=" + username + ", password=<set>]";
    }
}

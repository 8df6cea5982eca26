package dev.newsbot.opensearch;

import dev.newsbot.index.StoreUnavailableException;

/**
 * The cluster could not be reached, timed out or answered with a server error: retriable, the question or reload
 * may succeed once the node is back.
 */
public final class SearchUnavailableException extends StoreUnavailableException {

    private static final long serialVersionUID = 1L;

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SearchUnavailableException(String message) {
        super(message);
    }
}

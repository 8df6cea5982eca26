package dev.newsbot.opensearch;

/** The cluster refused a request (a 4xx other than a missing index): not retriable as it is. */
public final class OpenSearchRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OpenSearchRequestException(String message) {
        super(message);
    }

    public OpenSearchRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}

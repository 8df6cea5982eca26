package dev.newsbot.index;

/**
 * A passage store's search engine could not be reached, timed out or failed on its side (an external engine such
 * as OpenSearch): retriable, the same question may be answered once it is back. The in-process store never
 * throws it.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}

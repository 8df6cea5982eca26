package dev.newsbot.telegram.fake;

/** A failure the fake plays instead of answering one request normally. */
public sealed interface Fault {

    /** HTTP 429 with {@code parameters.retry_after}. */
    record TooManyRequests(int retryAfter) implements Fault {
    }

    /** An HTTP 5xx with an HTML body, as Telegram's front proxies send. */
    record ServerError(int status) implements Fault {
    }

    /** The TCP connection is reset instead of answered. */
    record ConnectionReset() implements Fault {
    }

    /**
     * The request is carried out (a {@code sendMessage} is delivered) but the connection is reset instead of
     * answered, so the client cannot tell it from {@link ConnectionReset}.
     */
    record LostReply() implements Fault {
    }

    /** The request is never answered. */
    record Stall() implements Fault {
    }

    /** HTTP 200 with a body lacking the {@code ok} field. */
    record WithoutOk() implements Fault {
    }

    /** HTTP 400 with this description (e.g. "Bad Request: can't parse entities: ..."). */
    record BadRequest(String description) implements Fault {
    }

    public static Fault tooManyRequests(int retryAfter) {
        return new TooManyRequests(retryAfter);
    }

    public static Fault serverError(int status) {
        return new ServerError(status);
    }

    public static Fault connectionReset() {
        return new ConnectionReset();
    }

    public static Fault lostReply() {
        return new LostReply();
    }

    public static Fault stall() {
        return new Stall();
    }

    public static Fault withoutOk() {
        return new WithoutOk();
    }

    public static Fault badRequest(String description) {
        return new BadRequest(description);
    }
}

package dev.newsbot.ops.http;

/** What one exact path of an {@link HttpService} answers. It checks the method itself. */
@FunctionalInterface
public interface Endpoint {

    /**
     * Answers one request; runs on the server's pool and may block (a reload takes as long as it takes).
     *
     * @throws Exception answered with 500 and logged
     */
    ServerResponse handle(ServerRequest request) throws Exception;
}

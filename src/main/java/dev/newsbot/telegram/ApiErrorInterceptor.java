package dev.newsbot.telegram;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts failed Bot API calls by method and kind. With {@code failOnServerError}, a 5xx answer becomes an
 * {@link ServerErrorException} so callers retry it whatever its body (Telegram's proxies answer 5xx in HTML).
 */
final class ApiErrorInterceptor implements Interceptor {

    private final TelegramMetrics metrics;
    private final boolean failOnServerError;

    ApiErrorInterceptor(TelegramMetrics metrics, boolean failOnServerError) {
        this.metrics = metrics;
        this.failOnServerError = failOnServerError;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = method(chain.request().url().pathSegments());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (InterruptedIOException e) {
            count(method, "timeout");
            throw e;
        } catch (IOException e) {
            count(method, "network");
            throw e;
        }
        int code = response.code();
        if (code >= 400) {
            count(method, code == 429 ? "rate_limited" : code >= 500 ? "server_error" : "client_error");
        }
        if (failOnServerError && code >= 500) {
            response.close();
            throw new ServerErrorException(method, code);
        }
        return response;
    }

    private void count(String method, String kind) {
        try {
            metrics.apiError(method, kind);
        } catch (RuntimeException ignored) {
            // metrics must never break a call
        }
    }

    private static String method(List<String> segments) {
        return segments.isEmpty() ? "unknown" : segments.get(segments.size() - 1);
    }

    /** The Bot API answered 5xx. */
    static final class ServerErrorException extends IOException {

        private final int status;

        ServerErrorException(String method, int status) {
            super(method + " answered HTTP " + status);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}

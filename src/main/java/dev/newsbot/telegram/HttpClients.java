package dev.newsbot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The two OkHttp clients the bot owns: one for calls (read and call timeout = the call timeout, 5xx fail) and one for
 * long polling (read timeout = {@link TelegramSettings#pollReadTimeout()}). Both run on daemon threads and share a
 * connection pool; each has its own dispatcher so the long poll can be cancelled alone. Neither retries silently:
 * failures reach {@link BotApi}'s and the poller's back-off (and the metrics). {@link #close()} cancels
 * everything and empties the pool.
 */
final class HttpClients implements AutoCloseable {

    private final ExecutorService dispatcherThreads;
    private final Dispatcher dispatcher;
    private final Dispatcher pollingDispatcher;
    private final ConnectionPool pool = new ConnectionPool(8, 1, TimeUnit.MINUTES);
    private final OkHttpClient calls;
    private final OkHttpClient polling;
    private final AtomicBoolean pollingCancelled = new AtomicBoolean();

    HttpClients(TelegramSettings settings, TelegramMetrics metrics, Redactor redactor) {
        dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), redactor.threads("newsbot-telegram-http"));
        dispatcher = new Dispatcher(dispatcherThreads);
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(Math.max(16, settings.workers() * 4));
        Duration call = settings.callTimeout();
        pollingDispatcher = new Dispatcher(dispatcherThreads);
        OkHttpClient base = new OkHttpClient.Builder().connectionPool(pool).connectTimeout(call).writeTimeout(call)
                .build();
        calls = base.newBuilder().dispatcher(dispatcher).readTimeout(call).callTimeout(call)
                .retryOnConnectionFailure(false).addInterceptor(new ApiErrorInterceptor(metrics, true)).build();
        OkHttpClient network = base.newBuilder().dispatcher(pollingDispatcher).readTimeout(settings.pollReadTimeout())
                .retryOnConnectionFailure(false).addInterceptor(new ApiErrorInterceptor(metrics, true)).build();
        polling = base.newBuilder().dispatcher(new Dispatcher(dispatcherThreads))
                .addInterceptor(chain -> pollUnlessCancelled(chain, network)).build();
    }

    OkHttpClient calls() {
        return calls;
    }

    OkHttpClient polling() {
        return polling;
    }

    /**
     * Cancels the long poll in flight, if any. The cancelled poll answers "no updates" instead of failing, so the
     * poller neither logs an error nor backs off on its way out.
     */
    void cancelPolling() {
        pollingCancelled.set(true);
        pollingDispatcher.cancelAll();
    }

    /**
     * Runs the request as an inner call that {@link #cancelPolling()} can cancel, while the library's own call is
     * never cancelled (OkHttp fails a cancelled call whatever its interceptors return).
     */
    private Response pollUnlessCancelled(Interceptor.Chain chain, OkHttpClient network) throws IOException {
        if (pollingCancelled.get()) {
            return noUpdates(chain.request());
        }
        try {
            return network.newCall(chain.request()).execute();
        } catch (IOException e) {
            if (pollingCancelled.get()) {
                return noUpdates(chain.request());
            }
            throw e;
        }
    }

    private static Response noUpdates(Request request) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", MediaType.get("application/json")))
                .build();
    }

    @Override
    public void close() {
        cancelPolling();
        dispatcher.cancelAll();
        dispatcherThreads.shutdownNow();
        pool.evictAll();
        try {
            dispatcherThreads.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.newsbot.ops.http;

import dev.newsbot.base.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jetty 12 server for a few exact paths, within {@link HttpLimits}. Each request's path is matched
 * exactly as sent ({@code /admin/reloadXYZ} and {@code /admin/reload/../x} are not {@code /admin/reload}); every
 * other path is a 404. The body is read without blocking a thread and handed to the endpoint whole; a body over the
 * limit is a 413 (sent before reading when {@code Content-Length} says so; the rest of the body is then read and
 * dropped, so that the client is not reset before it reads the 413), headers over the limit a 431. All its threads
 * are daemons named after the service and end on {@link #close()}.
 */
public final class HttpService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpService.class);

    /**
     * How much of a refused body is read and dropped so that its client can read the 413: a few times any body a
     * client of these services sends by mistake, and little next to what the connection moves in a second.
     */
    static final long DRAIN_BYTES = 32L << 20;

    private final String name;
    private final Server server;
    private final ServerConnector connector;
    private final TimerThread timerThread;

    private HttpService(String name, Server server, ServerConnector connector, TimerThread timerThread) {
        this.name = name;
        this.server = server;
        this.connector = connector;
        this.timerThread = timerThread;
    }

    /**
     * Binds {@code address} (port 0 picks a free one) and serves {@code routes}, path to endpoint.
     *
     * @param name names the threads and the log lines, such as {@code newsbot-admin}
     * @throws UncheckedIOException naming {@code name} and the address when it cannot be bound
     */
    public static HttpService start(String name, InetSocketAddress address, HttpLimits limits,
                                    Map<String, Endpoint> routes) {
        Objects.requireNonNull(address, "address");
        Map<String, Endpoint> exact = Map.copyOf(routes);
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxThreads(), HttpLimits.JETTY_THREADS + 1);
        pool.setReservedThreads(0);
        pool.setName(name);
        pool.setDaemon(true);
        pool.setStopTimeout(2_000);
        TimerThread timerThread = new TimerThread(name + "-timer");
        Scheduler timer = new ScheduledExecutorScheduler(timerThread.executor);
        Server server = new Server(pool, timer, null);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config(limits)));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addEventListener(new HeaderTimeout(timer, limits.headerTimeout().toMillis()));
        server.addConnector(connector);
        server.setHandler(new Routes(name, exact, limits.maxBodyBytes()));
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            stop(server, timerThread);
            throw new UncheckedIOException("cannot listen on " + address + " for " + name + ": " + e,
                    e instanceof IOException io ? io : new IOException(e));
        }
        return new HttpService(name, server, connector, timerThread);
    }

    private static HttpConfiguration config(HttpLimits limits) {
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(limits.maxHeaderBytes());
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setIdleTimeout(limits.idleTimeout().toMillis());
        return config;
    }

    /** The address bound, with the port chosen. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost() == null ? "0.0.0.0" : connector.getHost(),
                connector.getLocalPort());
    }

    /** Stops listening, closes every connection and ends every thread of this service. Idempotent. */
    @Override
    public void close() {
        stop(server, timerThread);
        log.debug("{} stopped", name);
    }

    /** Stops Jetty (its pool joins its threads) and then the timer, waiting until its thread has ended. */
    private static void stop(Server server, TimerThread timerThread) {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Stopping the HTTP server failed: {}", e.toString());
        }
        timerThread.stop();
    }

    /** The one daemon thread behind Jetty's scheduler (the timeouts); {@code stop} ends it and waits for it. */
    private static final class TimerThread {

        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        final ScheduledThreadPoolExecutor executor;

        TimerThread(String name) {
            executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = DaemonThreads.thread(name, task);
                threads.add(thread);
                return thread;
            });
        }

        void stop() {
            executor.shutdownNow();
            try {
                for (Thread thread : threads) {
                    thread.join(2_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Reads a request body without holding a thread while waiting for it: each time content is there, a pool thread
     * hands what has come to {@link Chunks#take} and asks to be called again, until the body's end, the connection's
     * failure, or {@code take} says to stop.
     */
    private record ChunkReader(Request request, Chunks chunks) implements Runnable {

        /** What is done with a body's bytes. */
        interface Chunks {
            /** Takes the next bytes of the body; false stops the reading. */
            boolean take(ByteBuffer bytes);

            /** Called once: {@code whole} when the body's end was taken, else with the connection's failure or null. */
            void end(boolean whole, Throwable failure);
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    chunks.end(false, chunk.getFailure());
                    return;
                }
                boolean more = chunks.take(chunk.getByteBuffer());
                chunk.release();
                if (!more || chunk.isLast()) {
                    chunks.end(more, null);
                    return;
                }
            }
        }
    }

    /**
     * Keeps a body of at most {@code max} bytes; hands it over whole, or null once it passed the limit (the rest is
     * left to {@link Drain}), or the failure of the connection.
     */
    private static final class Body implements ChunkReader.Chunks {

        private final int max;
        private final BiConsumer<byte[], Throwable> done;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Body(int max, BiConsumer<byte[], Throwable> done) {
            this.max = max;
            this.done = done;
        }

        @Override
        public boolean take(ByteBuffer bytes) {
            if (body.size() + bytes.remaining() > max) {
                return false;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            body.writeBytes(copy);
            return true;
        }

        @Override
        public void end(boolean whole, Throwable failure) {
            done.accept(whole ? body.toByteArray() : null, failure);
        }
    }

    /**
     * Drops what is left of a refused body, then ends the exchange: at the body's end, at the connection's failure
     * (the client left, or sent nothing for the idle timeout), or past {@link #DRAIN_BYTES}.
     */
    private static final class Drain implements ChunkReader.Chunks {

        private final Callback callback;
        private long dropped;

        Drain(Callback callback) {
            this.callback = callback;
        }

        @Override
        public boolean take(ByteBuffer bytes) {
            dropped += bytes.remaining();
            return dropped <= DRAIN_BYTES;
        }

        @Override
        public void end(boolean whole, Throwable failure) {
            if (failure != null) {
                callback.failed(failure);
            } else {
                callback.succeeded();
            }
        }
    }

    /** Closes a new connection that has not sent one whole request line and headers in time. */
    private record HeaderTimeout(Scheduler timer, long millis) implements Connection.Listener {

        @Override
        public void onOpened(Connection connection) {
            timer.schedule(() -> {
                if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
                    log.debug("Closing {}: no whole request within {} ms", connection.getEndPoint()
                            .getRemoteSocketAddress(), millis);
                    connection.getEndPoint().close();
                }
            }, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Exact routing, the body limit, and the hand-over to an endpoint. */
    private static final class Routes extends Handler.Abstract {

        private final String name;
        private final Map<String, Endpoint> routes;
        private final int maxBody;

        Routes(String name, Map<String, Endpoint> routes, int maxBody) {
            super(Invocable.InvocationType.BLOCKING);
            this.name = name;
            this.routes = routes;
            this.maxBody = maxBody;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Endpoint endpoint = routes.get(request.getHttpURI().getPath());
            if (endpoint == null) {
                send(request, response, callback, ServerResponse.text(404, "not found\n"));
            } else if (request.getLength() > maxBody) {
                refuse(request, response, callback);
            } else {
                Body body = new Body(maxBody, (bytes, failure) -> answer(endpoint, request, response, callback,
                        bytes, failure));
                new ChunkReader(request, body).run();
            }
            return true;
        }

        private void answer(Endpoint endpoint, Request request, Response response, Callback callback, byte[] body,
                            Throwable failure) {
            if (failure != null) {
                callback.failed(failure);
            } else if (body == null) {
                refuse(request, response, callback);
            } else {
                // The body is in: a slow endpoint (a reload takes minutes) is not an idle client.
                request.addIdleTimeoutListener(timeout -> false);
                send(request, response, callback, call(endpoint, request, body));
            }
        }

        private ServerResponse call(Endpoint endpoint, Request request, byte[] body) {
            ServerRequest in = new ServerRequest(request.getMethod(), request.getHttpURI().getPath(),
                    query(request), headers(request), body, Request.getRemoteAddr(request));
            try {
                return endpoint.handle(in);
            } catch (Exception e) {
                log.warn("{}: {} {} failed: {}", name, in.method(), in.path(), e.toString());
                return ServerResponse.text(500, "internal error\n");
            }
        }

        /**
         * Answers 413, then reads and drops the rest of the body (up to {@link #DRAIN_BYTES}) before the exchange
         * ends. Closing a connection with unread bytes makes the kernel reset it, and a client still sending its
         * body would then often lose the 413 it had not read yet.
         */
        private void refuse(Request request, Response response, Callback callback) {
            ServerResponse tooLarge = ServerResponse.text(413, "request body over the limit of " + maxBody
                    + " bytes\n");
            send(request, response, Callback.from(() -> new ChunkReader(request, new Drain(callback)).run(),
                    callback::failed),
                    tooLarge);
        }

        private static Map<String, String> query(Request request) {
            Map<String, String> query = new LinkedHashMap<>();
            Fields fields = Request.extractQueryParameters(request);
            for (Fields.Field field : fields) {
                query.putIfAbsent(field.getName(), field.getValue());
            }
            return query;
        }

        private static Map<String, String> headers(Request request) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
            }
            return headers;
        }

        private static void send(Request request, Response response, Callback callback, ServerResponse answer) {
            response.setStatus(answer.status());
            answer.headers().forEach((header, value) -> response.getHeaders().put(header, value));
            if (answer.contentType() != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            }
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            boolean head = "HEAD".equals(request.getMethod());
            response.write(true, head ? null : ByteBuffer.wrap(answer.body()), callback);
        }
    }
}

package dev.newsbot.ops.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP/1.1 by hand over a socket on loopback, for what an HTTP client will not send: a path with {@code ..} as is,
 * headers that trickle in, a body the server stops reading. Every read has a timeout, so a server that hangs fails
 * the test with a {@link java.net.SocketTimeoutException} instead of hanging it.
 */
public final class RawHttp implements AutoCloseable {

    /** How long a read may wait before the test fails: generous, only "does not hang". */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final List<Socket> sockets = new ArrayList<>();
    private final int port;

    public RawHttp(InetSocketAddress server) {
        this.port = server.getPort();
    }

    /** A connected socket with the read timeout set; closed with this. */
    public synchronized Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        sockets.add(socket);
        return socket;
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and reads the status. */
    public int status(String head) throws IOException {
        Socket socket = open();
        OutputStream out = socket.getOutputStream();
        out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return statusOf(socket.getInputStream());
    }

    /** Reads a response's status line and returns its code. */
    public static int statusOf(InputStream in) throws IOException {
        String line = line(in);
        String[] parts = line.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: \"" + line + "\"");
        }
        return Integer.parseInt(parts[1]);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before a status line; read \"" + line + "\"");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    @Override
    public synchronized void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        sockets.clear();
    }
}
